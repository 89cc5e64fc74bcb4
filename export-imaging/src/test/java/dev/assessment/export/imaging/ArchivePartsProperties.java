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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Archive parts merge into the whole export's bytes; volumes cut an archive and keep it whole. */
class ArchivePartsProperties {
  private static final long SEED = 20251119L;
  private static final byte[] PNG = png();

  private static byte[] png() {
    try {
      return Images.png(Images.solid(40, 30, Color.GRAY));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Files whose external ids repeat, so that bases are shared across shards; some in no order, some
   * without content, some annotated.
   */
  record FileSpec(int ext, boolean dotX, int content, boolean annotated, boolean png) {}

  /** Files as composed generators, so that a failing archive shrinks to fewer, simpler files. */
  static Gen<List<FileSpec>> fileSpecs(int max) {
    return lists()
        .of(
            integers()
                .between(0, 3)
                .zip(
                    booleans().all(),
                    integers().between(0, 5),
                    booleans().all(),
                    booleans().all(),
                    FileSpec::new))
        .ofSizeBetween(1, max);
  }

  static InMemoryRepository repository(List<FileSpec> specs) {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Roof")
            .dataSource("ds", "d")
            .order("o", "8492192");
    for (int i = 0; i < specs.size(); i++) {
      FileSpec spec = specs.get(i);
      String ext = "E" + spec.ext() + (spec.dotX() ? "" : ".x");
      boolean content = spec.content() != 0;
      boolean annotated = spec.annotated();
      String name = spec.png() ? "a.png" : "b.txt";
      b.file(
          "f" + i,
          f -> {
            f.externalId(ext).fileName(name).orderId("o");
            if (content) {
              f.content(
                  name.endsWith(".png") ? PNG : ("text " + ext).getBytes(StandardCharsets.UTF_8));
            }
            if (annotated) {
              f.assessment(
                  "a",
                  AssessmentKind.HUMAN,
                  Instant.EPOCH,
                  a -> a.annotation("e", "dent", Polygon.of(2, 2, 30, 2, 30, 20), 0.5));
            }
          });
    }
    return b.build();
  }

  @Test
  void mergedArchiveParts_equalTheWholeExport() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(fileSpecs(30), integers().between(1, 16), booleans().all(), booleans().all())
        .checkAssert(
            (specs, n, annotated, manifest) ->
                assertDoesNotThrow(
                    () ->
                        mergedArchiveParts_equalTheWholeExportCheck(
                            specs, n, annotated, manifest)));
  }

  private static void mergedArchiveParts_equalTheWholeExportCheck(
      List<FileSpec> specs, int n, boolean annotated, boolean manifest) throws Exception {
    InMemoryRepository repo = repository(specs);
    Exporter exporter = Exporter.builder().repository(repo).build();
    ExportRequest whole =
        ExportRequest.builder("wf")
            .layout(annotated ? ArchiveLayouts.ANNOTATED_FILES : ArchiveLayouts.FILES)
            .orderId("o")
            .option(ArchiveOptions.builder().manifest(manifest).threads(2).build())
            .build();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    exporter.export(whole, ExportSink.of(expected));
    Path dir = Files.createTempDirectory("parts");
    try {
      List<Path> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Path part = dir.resolve("part-" + i + ".zip");
        exporter.export(whole.toBuilder().shard(i, n).build(), ExportSink.of(part));
        parts.add(part);
      }
      Collections.reverse(parts);
      ByteArrayOutputStream merged = new ByteArrayOutputStream();
      ArchiveParts.merge(parts, merged);
      assertArrayEquals(expected.toByteArray(), merged.toByteArray());
    } finally {
      delete(dir);
    }
    assertEquals(0, repo.openStreams());
  }

  @Test
  void volumes_holdTheWholeArchiveWithinTheirCaps() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(fileSpecs(25), integers().between(1, 7), integers().between(100, 5000))
        .checkAssert(
            (specs, maxEntries, maxBytes) ->
                assertDoesNotThrow(
                    () ->
                        volumes_holdTheWholeArchiveWithinTheirCapsCheck(
                            specs, maxEntries, maxBytes)));
  }

  private static void volumes_holdTheWholeArchiveWithinTheirCapsCheck(
      List<FileSpec> specs, int maxEntries, int maxBytes) throws Exception {
    InMemoryRepository repo = repository(specs);
    Path dir = Files.createTempDirectory("volumes");
    try {
      Path archive = dir.resolve("files.zip");
      Exporter.builder()
          .repository(repo)
          .build()
          .export(
              ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
              ExportSink.of(archive));
      List<String> expectedNames = new ArrayList<>();
      List<String> expectedRows;
      try (ZipFile z = new ZipFile(archive.toFile())) {
        for (ZipEntry e : Collections.list(z.entries())) {
          if (!e.getName().equals("manifest.csv")) {
            expectedNames.add(e.getName());
          }
        }
        expectedRows = rows(z);
      }
      List<Path> volumes =
          ArchiveVolumes.split(archive, dir.resolve("v"), "files", maxEntries, maxBytes);
      List<String> names = new ArrayList<>();
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < volumes.size(); i++) {
        assertEquals(
            String.format("files-%03d.zip", i + 1), volumes.get(i).getFileName().toString());
        try (ZipFile z = new ZipFile(volumes.get(i).toFile())) {
          long bytes = 0;
          int entries = 0;
          for (ZipEntry e : Collections.list(z.entries())) {
            if (e.getName().equals("manifest.csv")) {
              continue;
            }
            names.add(e.getName());
            entries++;
            bytes += e.getCompressedSize();
            try (InputStream in = z.getInputStream(e)) {
              in.readAllBytes();
            }
          }
          assertTrue(entries <= maxEntries, "entries " + entries + " > " + maxEntries);
          assertTrue(entries <= 1 || bytes <= maxBytes, "bytes " + bytes + " > " + maxBytes);
          assertEquals("manifest.csv", Collections.list(z.entries()).get(z.size() - 1).getName());
          rows.addAll(rows(z));
        }
      }
      assertEquals(expectedNames, names);
      assertEquals(expectedRows, rows);
      List<Path> again =
          ArchiveVolumes.split(archive, dir.resolve("w"), "files", maxEntries, maxBytes);
      for (int i = 0; i < volumes.size(); i++) {
        assertArrayEquals(
            Files.readAllBytes(volumes.get(i)), Files.readAllBytes(again.get(i)), "deterministic");
      }
    } finally {
      delete(dir);
    }
  }

  @Test
  void merge_refusesPartsOfAnotherRequest() throws Exception {
    List<FileSpec> specs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      specs.add(new FileSpec(i % 4, i % 2 == 0, i % 6, i % 3 == 0, i % 2 == 1));
    }
    InMemoryRepository repo = repository(specs);
    Exporter exporter = Exporter.builder().repository(repo).build();
    Path dir = Files.createTempDirectory("parts");
    try {
      Path a = dir.resolve("a.zip");
      Path b = dir.resolve("b.zip");
      exporter.export(
          ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).shard(0, 2).build(),
          ExportSink.of(a));
      exporter.export(
          ExportRequest.builder("wf")
              .layout(ArchiveLayouts.FILES)
              .dataSourceId("ds")
              .shard(1, 2)
              .build(),
          ExportSink.of(b));
      ExportException e =
          assertThrows(
              ExportException.class,
              () -> ArchiveParts.merge(List.of(a, b), new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("does not belong with"), e.getMessage());
      ExportException missing =
          assertThrows(
              ExportException.class,
              () -> ArchiveParts.merge(List.of(b), new ByteArrayOutputStream()));
      assertTrue(missing.getMessage().contains("are missing"), missing.getMessage());
    } finally {
      delete(dir);
    }
  }

  @Test
  void merge_refusesAnnotatedPartsDrawnWithDifferentCodecs() throws Exception {
    List<FileSpec> specs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      specs.add(new FileSpec(i % 3, true, 1, true, true));
    }
    Exporter exporter = Exporter.builder().repository(repository(specs)).build();
    Path dir = Files.createTempDirectory("parts");
    try {
      List<Path> parts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Path part = dir.resolve("part-" + i + ".zip");
        exporter.export(
            ExportRequest.builder("wf")
                .layout(ArchiveLayouts.ANNOTATED_FILES)
                .orderId("o")
                .shard(i, 2)
                .build(),
            ExportSink.of(part));
        parts.add(part);
      }
      try (ZipFile z = new ZipFile(parts.get(1).toFile())) {
        String marker =
            new String(
                z.getInputStream(z.getEntry(".assessment-export-part")).readAllBytes(),
                StandardCharsets.US_ASCII);
        assertTrue(marker.endsWith(" codec=imageio"), marker);
      }
      // Parts of one codec merge.
      ArchiveParts.merge(parts, new ByteArrayOutputStream());
      // The same part, as a machine with another codec would have drawn it.
      Path other = dir.resolve("part-1-turbojpeg.zip");
      try (ZipFile z = new ZipFile(parts.get(1).toFile());
          java.util.zip.ZipOutputStream out =
              new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
        for (ZipEntry e : Collections.list(z.entries())) {
          byte[] bytes = z.getInputStream(e).readAllBytes();
          if (e.getName().equals(".assessment-export-part")) {
            bytes =
                new String(bytes, StandardCharsets.US_ASCII)
                    .replace("codec=imageio", "codec=turbojpeg")
                    .getBytes(StandardCharsets.US_ASCII);
          }
          out.putNextEntry(new ZipEntry(e.getName()));
          out.write(bytes);
          out.closeEntry();
        }
      }
      ExportException e =
          assertThrows(
              ExportException.class,
              () -> ArchiveParts.merge(List.of(parts.get(0), other), new ByteArrayOutputStream()));
      assertEquals(
          "part "
              + other
              + " was drawn with the turbojpeg JPEG codec and part "
              + parts.get(0)
              + " with imageio: their images differ in bytes, so they are not merged; export"
              + " every shard with one codec (-Dassessment.export.jpegCodec=imageio on every"
              + " machine, or Java 22+ with libturbojpeg on every machine)",
          e.getMessage());
    } finally {
      delete(dir);
    }
  }

  private static List<String> rows(ZipFile z) throws IOException {
    ZipEntry m = z.getEntry("manifest.csv");
    String text = new String(z.getInputStream(m).readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
    lines.remove(0);
    return lines;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
