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
package dev.assessment.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles written, opened and exported. */
class BundleTest {
  @Test
  void export_unansweredValueIsAnEmptyCellAndReadsBackFromABundle(@TempDir Path dir)
      throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x")
                        .fileName("a.jpg")
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.EPOCH,
                            a ->
                                a.fileLevel(
                                    "e",
                                    "dent",
                                    AttributeValue.of(
                                        "severity", Value.unanswered(AttributeType.NUMBER), 0.4))))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.builder()
        .repository(repo)
        .build()
        .export(ExportRequest.builder("wf").build(), ExportSink.of(out));
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertTrue(lines[1].endsWith(",e,dent,severity,,0.4"), lines[1]);
    Bundle.write(repo, "wf", dir);
    BundleRepository back = Bundle.open(dir);
    assertEquals(
        Value.unanswered(AttributeType.NUMBER),
        back.assessedFiles(FileQuery.all("wf"))
            .findFirst()
            .orElseThrow()
            .assessments()
            .get(0)
            .entities()
            .get(0)
            .attributes()
            .get(0)
            .value());
  }

  /** Writes a bundle of one assessed text file, its content in {@code media/}. */
  private static Path bundleOfOneFile(Path dir) throws Exception {
    Path bundle = dir.resolve("bundle");
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x")
                        .fileName("a.txt")
                        .content("inside".getBytes(StandardCharsets.UTF_8))
                        .assessment("a", AssessmentKind.HUMAN, Instant.EPOCH, a -> {}))
            .build();
    Bundle.write(repo, "wf", bundle);
    return bundle;
  }

  /** Regression: a link inside a bundle was followed, and /etc/passwd ended up in files.zip. */
  @Test
  void bundle_aLinkLeadingOutsideTheBundleIsRefused(@TempDir Path dir) throws Exception {
    Path bundle = bundleOfOneFile(dir);
    Path outside = Files.writeString(dir.resolve("secret.txt"), "outside");
    try (Stream<Path> media = Files.list(bundle.resolve("media"))) {
      Path content = media.findFirst().orElseThrow();
      Files.delete(content);
      Files.createSymbolicLink(content, outside);
    }
    BundleRepository opened = Bundle.open(bundle);
    MediaFile file = opened.files(FileQuery.all("wf")).findFirst().orElseThrow();
    // Refused when the content is opened, so an archive skips the file and says why.
    ExportException e = assertThrows(ExportException.class, () -> opened.open(file));
    assertTrue(e.getMessage().contains("is a link that leads outside the bundle"), e.getMessage());
  }

  @Test
  void bundle_aMediaFolderLinkedOutsideIsRefused(@TempDir Path dir) throws Exception {
    Path bundle = bundleOfOneFile(dir);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    try (Stream<Path> media = Files.list(bundle.resolve("media"))) {
      for (Path p : media.toList()) {
        Files.move(p, elsewhere.resolve(p.getFileName()));
      }
    }
    Files.delete(bundle.resolve("media"));
    Files.createSymbolicLink(bundle.resolve("media"), elsewhere);
    ExportException e = assertThrows(ExportException.class, () -> Bundle.open(bundle));
    assertTrue(e.getMessage().contains("leads outside the bundle"), e.getMessage());
  }

  /** A bundle of three files, two assessed, one of them with a polygon and a CR LF in a label. */
  private static InMemoryRepository threeFiles() {
    return InMemoryRepository.builder()
        .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
        .dataSource("ds", "d")
        .order("o", "Order 1")
        .file(
            "f1",
            f ->
                f.externalId("x1")
                    .fileName("a.jpg")
                    .orderId("o")
                    .assessment(
                        "a1",
                        AssessmentKind.HUMAN,
                        Instant.EPOCH,
                        a ->
                            a.annotation(
                                    "e1",
                                    "dent\r\nlarge",
                                    dev.assessment.export.spi.Polygon.of(1, 1, 5, 1, 5, 5),
                                    0.5)
                                .fileLevel(
                                    "e2",
                                    "scratch",
                                    AttributeValue.of("severity", Value.number(3), 0.25))))
        .file("f2", f -> f.externalId("x2").fileName("b.jpg").orderId("o"))
        .file(
            "f3",
            f ->
                f.externalId("=x3")
                    .fileName("c.jpg")
                    .assessment(
                        "a3",
                        AssessmentKind.MACHINE,
                        Instant.EPOCH,
                        a ->
                            a.fileLevel(
                                "e3",
                                "\"quoted\", with comma",
                                new AttributeValue("severity", Value.number(1), null))))
        .build();
  }

  private static java.util.List<dev.assessment.export.spi.AssessedFile> all(BundleRepository b)
      throws Exception {
    try (Stream<dev.assessment.export.spi.AssessedFile> s = b.assessedFiles(FileQuery.all("wf"))) {
      return s.toList();
    }
  }

  @Test
  void open_rowsNotGroupedByFile_andNoFileOrAttributeList_readTheSame(@TempDir Path dir)
      throws Exception {
    Path grouped = dir.resolve("grouped");
    Bundle.write(threeFiles(), "wf", grouped);
    java.util.List<dev.assessment.export.spi.AssessedFile> expected = all(Bundle.open(grouped));
    // Interleave the rows: f3's row between f1's two.
    Path mixed = dir.resolve("mixed");
    Files.createDirectories(mixed);
    Files.copy(grouped.resolve("files.csv"), mixed.resolve("files.csv"));
    Files.copy(grouped.resolve("attributes.csv"), mixed.resolve("attributes.csv"));
    java.util.List<String> rows = records(grouped.resolve("assessments.csv"));
    assertEquals(4, rows.size(), "a header, f1's location and severity rows, f3's row");
    Files.writeString(
        mixed.resolve("assessments.csv"),
        "\uFEFF" + rows.get(0) + rows.get(1) + rows.get(3) + rows.get(2),
        StandardCharsets.UTF_8);
    assertEquals(expected, all(Bundle.open(mixed)));
    // Without files.csv and attributes.csv, one pass over the rows finds the files.
    Files.delete(mixed.resolve("files.csv"));
    BundleRepository bare = Bundle.open(mixed);
    assertEquals(
        java.util.List.of("f1", "f3"),
        bare.files(FileQuery.all("wf")).map(MediaFile::id).toList(),
        "the files the rows name, in the order they first appear");
    Files.delete(mixed.resolve("attributes.csv"));
    assertEquals(
        java.util.List.of(AttributeDefinition.of("severity", AttributeType.TEXT)),
        Bundle.open(mixed).workflow().attributes(),
        "attributes the rows name, read as text when nothing says otherwise");
  }

  /** The records of a CSV file, each with its line break, as Commons CSV finds them. */
  private static java.util.List<String> records(Path csv) throws Exception {
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    java.util.List<Integer> starts = new java.util.ArrayList<>();
    try (org.apache.commons.csv.CSVParser p =
        org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
      for (org.apache.commons.csv.CSVRecord r : p) {
        starts.add((int) r.getCharacterPosition());
      }
    }
    starts.add(text.length());
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int k = 0; k + 1 < starts.size(); k++) {
      out.add(text.substring(starts.get(k), starts.get(k + 1)));
    }
    return out;
  }

  @Test
  void files_areListedWithoutReadingTheRows(@TempDir Path dir) throws Exception {
    Path b = dir.resolve("b");
    Bundle.write(threeFiles(), "wf", b);
    BundleRepository opened = Bundle.open(b);
    // Rows that would fail if they were parsed: a query for files alone never reads them.
    Files.writeString(b.resolve("assessments.csv"), "not,the,rows\r\n\"unclosed");
    assertEquals(3, opened.files(FileQuery.all("wf")).count());
    assertEquals(
        java.util.OptionalLong.of(2),
        opened.countFiles(FileQuery.builder("wf").orderId("o").build()));
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> {
          try (Stream<dev.assessment.export.spi.AssessedFile> s =
              opened.assessedFiles(FileQuery.all("wf"))) {
            s.forEach(f -> {});
          }
        });
  }

  @Test
  void export_aMalformedRowFailsTheExportNamingItsLineAndColumn(@TempDir Path dir)
      throws Exception {
    Path b = dir.resolve("b");
    Bundle.write(threeFiles(), "wf", b);
    Path a = b.resolve("assessments.csv");
    Files.writeString(
        a, Files.readString(a, StandardCharsets.UTF_8).replace(",severity,1,", ",severity,x,"));
    Path target = dir.resolve("out.csv");
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                Exporter.builder()
                    .repository(Bundle.open(b))
                    .build()
                    .export(ExportRequest.builder("wf").build(), ExportSink.of(target)));
    assertTrue(
        // Line 5: the header, e1's row on lines 2 and 3 (its label holds a line break), e2's, f3's.
        e.getMessage().contains("assessments.csv line 5, column value: 'x' is not a number"),
        e.getMessage());
    assertTrue(Files.notExists(target), "no partial file");
  }

  /** Many files, so that they are read in blocks on helper threads. */
  private static InMemoryRepository manyFiles(int n) {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds", "d");
    for (int i = 0; i < n; i++) {
      int k = i;
      b.file(
          "f" + i,
          f ->
              f.externalId("x" + k)
                  .fileName("a" + k + ".jpg")
                  .assessment(
                      "a",
                      AssessmentKind.HUMAN,
                      Instant.EPOCH.plusSeconds(k),
                      a ->
                          a.fileLevel(
                              "e",
                              "label\n" + k,
                              AttributeValue.of("severity", Value.number(k), 0.5))));
    }
    return b.build();
  }

  @Test
  void assessedFiles_manyFilesReadInBlocks_comeBackInOrderAndStopTheirThreadsWhenClosed(
      @TempDir Path dir) throws Exception {
    InMemoryRepository original = manyFiles(1000);
    Bundle.write(original, "wf", dir);
    BundleRepository bundle = Bundle.open(dir);
    assertEquals(original.contents("wf"), all(bundle));
    try (Stream<dev.assessment.export.spi.AssessedFile> s =
        bundle.assessedFiles(FileQuery.all("wf"))) {
      assertEquals("f0", s.findFirst().orElseThrow().file().id());
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (bundleThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, bundleThreads(), "no reading thread outlives its stream");
  }

  private static long bundleThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("assessment-export-bundle-") && t.isAlive())
        .count();
  }

  @Test
  void open_anyLineEnding_readsTheSame(@TempDir Path dir) throws Exception {
    InMemoryRepository original = manyFiles(200);
    Path crlf = dir.resolve("crlf");
    Bundle.write(original, "wf", crlf);
    String text = Files.readString(crlf.resolve("assessments.csv"), StandardCharsets.UTF_8);
    assertTrue(text.contains("\"label\n7\""), "a line break inside a quoted cell");
    for (String ending : java.util.List.of("\n", "\r")) {
      Path other = dir.resolve(ending.equals("\n") ? "lf" : "cr");
      Bundle.write(original, "wf", other);
      // Only the record separators change; the line break inside each label stays.
      Files.writeString(
          other.resolve("assessments.csv"), text.replace("\r\n", ending), StandardCharsets.UTF_8);
      assertEquals(original.contents("wf"), all(Bundle.open(other)), ending);
    }
  }

  @Test
  void write_recordsEachContentsSizeAndSha256_whichOpeningTrusts(@TempDir Path dir)
      throws Exception {
    Path b = bundleOfOneFile(dir);
    BundleRepository opened = Bundle.open(b);
    MediaFile file = opened.files(FileQuery.all("wf")).findFirst().orElseThrow();
    byte[] content = "inside".getBytes(StandardCharsets.UTF_8);
    assertEquals(Long.valueOf(content.length), file.size());
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)),
        file.sha256());
    // Content changed after the bundle was written no longer matches what files.csv says.
    try (Stream<Path> media = Files.list(b.resolve("media"))) {
      Files.writeString(media.findFirst().orElseThrow(), "changed!");
    }
    java.io.IOException e;
    try (java.io.InputStream in = Bundle.open(b).open(file)) {
      assertEquals(8, in.readAllBytes().length, "the bundle hands out what it holds");
    }
    String files = Files.readString(b.resolve("files.csv"), StandardCharsets.UTF_8);
    Files.writeString(b.resolve("files.csv"), files.replace(",6,", ",six,"));
    e = assertThrows(ExportException.class, () -> Bundle.open(b));
    assertTrue(
        e.getMessage().startsWith("files.csv line 2, column size: 'six' is not a number of bytes"),
        e.getMessage());
  }

  @Test
  void export_aMalformedRowReadOnAHelperThread_failsTheExportNamingItsLine(@TempDir Path dir)
      throws Exception {
    Bundle.write(manyFiles(600), "wf", dir);
    Path a = dir.resolve("assessments.csv");
    String text = Files.readString(a, StandardCharsets.UTF_8);
    // File f500's row: header on line 1, then two lines a file (each label holds a line break).
    Files.writeString(a, text.replace(",severity,500,", ",severity,five hundred,"));
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                Exporter.builder()
                    .repository(Bundle.open(dir))
                    .build()
                    .export(
                        ExportRequest.builder("wf").build(),
                        ExportSink.of(java.io.OutputStream.nullOutputStream())));
    assertTrue(
        e.getMessage()
            .contains("assessments.csv line 1002, column value: 'five hundred' is not a number"),
        e.getMessage());
    assertEquals(0, bundleThreadsAfterAWhile(), "no reading thread outlives the failed export");
  }

  @Test
  void cancel_duringABundleExport_endsItAndItsReadingThreads(@TempDir Path dir) throws Exception {
    Bundle.write(manyFiles(3000), "wf", dir);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    dev.assessment.export.core.ExportJob job =
        Exporter.builder()
            .repository(Bundle.open(dir))
            .build()
            .submit(
                ExportRequest.builder("wf").build(),
                ExportSink.of(dir.resolve("out.csv")),
                progress -> started.countDown());
    assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS), "the export started");
    job.cancel();
    assertTrue(job.awaitTermination(java.time.Duration.ofSeconds(10)), "the job ended");
    assertThrows(java.util.concurrent.CancellationException.class, () -> job.completion().join());
    assertTrue(Files.notExists(dir.resolve("out.csv")), "no partial file");
    assertEquals(0, bundleThreadsAfterAWhile(), "no reading thread outlives the cancelled job");
  }

  private static long bundleThreadsAfterAWhile() throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (bundleThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return bundleThreads();
  }
}
