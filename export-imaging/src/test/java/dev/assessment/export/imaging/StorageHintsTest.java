/*
 * Copyright 2025-2026 The Assessment Export Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.assessment.export.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a MediaFile carries about its storage: a key handed back, a size checked, a hash used. */
class StorageHintsTest {
  private static final byte[] CONTENT = "the photo's bytes".getBytes(StandardCharsets.UTF_8);

  private static MediaFile file(String id, String key, Long size, String sha256) {
    return new MediaFile(id, "wf", id, id + ".bin", "application/octet-stream", "ds", null)
        .withStorage(key, size, sha256);
  }

  private static InMemoryRepository repository(MediaFile... files) {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    for (MediaFile f : files) {
      b.file(f, List.of()).content(f.id(), CONTENT);
    }
    return b.build();
  }

  private static List<CSVRecord> export(InMemoryRepository repo, Path zip) throws Exception {
    Exporter.builder()
        .repository(repo)
        .build()
        .export(
            ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(), ExportSink.of(zip));
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      return FilesLayoutTest.manifest(z);
    }
  }

  @Test
  void open_getsTheStorageKeyBackUntouched(@TempDir Path dir) throws Exception {
    MediaFile file = file("f1", "bucket/2025/f1.jpg", null, null);
    AtomicReference<String> seen = new AtomicReference<>();
    InMemoryRepository repo = repository(file);
    Exporter exporter =
        Exporter.builder()
            .workflows(repo)
            .assessments(repo)
            .media(
                f -> {
                  seen.set(f.storageKey());
                  return repo.open(f);
                })
            .build();
    exporter.export(
        ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
        ExportSink.of(dir.resolve("a.zip")));
    assertEquals("bucket/2025/f1.jpg", seen.get());
  }

  @Test
  void export_contentShorterThanTheKnownSizeIsSkippedWithTheReason(@TempDir Path dir)
      throws Exception {
    List<CSVRecord> rows =
        export(repository(file("f1", null, (long) CONTENT.length + 5, null)), dir.resolve("a.zip"));
    CSVRecord row = rows.get(1);
    assertEquals("f1", row.get(1));
    assertTrue(
        row.get(7)
            .startsWith(
                "skipped: media could not be read: the content is "
                    + CONTENT.length
                    + " bytes, but the repository gave its size as "
                    + (CONTENT.length + 5)),
        row.get(7));
  }

  @Test
  void export_rightSizePasses(@TempDir Path dir) throws Exception {
    List<CSVRecord> rows =
        export(repository(file("f1", null, (long) CONTENT.length, null)), dir.resolve("a.zip"));
    assertEquals("ok", rows.get(1).get(7));
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT)),
        rows.get(1).get(6));
  }

  /** A known SHA-256 is trusted: the manifest shows it, not a hash of the bytes read. */
  @Test
  void export_knownSha256GoesToTheManifestAsGiven(@TempDir Path dir) throws Exception {
    String known = "AB".repeat(32);
    List<CSVRecord> rows = export(repository(file("f1", null, null, known)), dir.resolve("a.zip"));
    assertEquals("ok", rows.get(1).get(7));
    assertEquals("ab".repeat(32), rows.get(1).get(6));
  }

  @Test
  void annotated_withoutOrderIsRefusedByTheLayout() {
    InMemoryRepository repo = repository();
    ExportRequest request =
        ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).build();
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                Exporter.builder()
                    .repository(repo)
                    .build()
                    .export(request, ExportSink.of(new java.io.ByteArrayOutputStream())));
    assertEquals("annotated-files needs an order: call orderId(id)", e.getMessage());
  }

  @Test
  void archiveOptions_fieldsCoverEveryDeclaredField() {
    java.util.Set<String> declared = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : ArchiveOptions.class.getDeclaredFields()) {
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        declared.add(f.getName());
      }
    }
    assertEquals(declared, new java.util.HashSet<>(ArchiveOptions.defaults().fields().names()));
    assertFalse(ArchiveOptions.defaults().fields().outputNames().contains("threads"));
    assertFalse(ArchiveOptions.defaults().fields().outputNames().contains("readAhead"));
  }

  @Test
  void archiveOptions_speedSettingsKeepTheFingerprint() {
    ExportRequest a =
        ExportRequest.builder("wf").option(ArchiveOptions.builder().threads(1).build()).build();
    ExportRequest b =
        ExportRequest.builder("wf")
            .option(ArchiveOptions.builder().threads(3).readAhead(9).build())
            .build();
    ExportRequest c =
        ExportRequest.builder("wf").option(ArchiveOptions.builder().labels(false).build()).build();
    assertEquals(a.fingerprint(), b.fingerprint());
    assertFalse(a.fingerprint().equals(c.fingerprint()));
    assertFalse(a.equals(b));
  }

  @Test
  void result_hasNoLatestSuffixForFiles(@TempDir Path dir) throws Exception {
    ExportResult r =
        Exporter.builder()
            .repository(repository(file("f1", null, null, null)))
            .build()
            .export(
                ExportRequest.builder("wf")
                    .layout(ArchiveLayouts.FILES)
                    .scope(dev.assessment.export.spi.AssessmentScope.LATEST)
                    .build(),
                ExportSink.of(dir.resolve("x.zip")));
    assertEquals("wf-files.zip", r.fileName());
    try (InputStream in = java.nio.file.Files.newInputStream(dir.resolve("x.zip"))) {
      assertTrue(in.readAllBytes().length > 0);
    }
  }
}
