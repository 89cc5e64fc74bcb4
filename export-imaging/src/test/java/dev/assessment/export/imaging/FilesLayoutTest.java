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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportJob;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.ExportWarning;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesLayoutTest {
  private static final byte[] JPEG = bytes(3000, 1);
  private static final byte[] TEXT =
      "plain text, compresses well. ".repeat(200).getBytes(StandardCharsets.UTF_8);

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  /** f1 and f2 share a base; f3 is a text file; f4 has no content; f5 is in no order. */
  static InMemoryRepository repository() {
    return InMemoryRepository.builder()
        .workflow("wf", "Roof inspection")
        .dataSource("ds", "d")
        .dataSource("ds2", "e")
        .order("o", "8492192")
        .file(
            "f1",
            f ->
                f.externalId("000003112442")
                    .fileName("IMG_1.JPG")
                    .mediaType("image/jpeg")
                    .orderId("o")
                    .dataSourceId("ds")
                    .content(JPEG)
                    .assessment("a", AssessmentKind.HUMAN, Instant.EPOCH, a -> {}))
        .file(
            "f2",
            f ->
                f.externalId("000003112442")
                    .fileName("IMG_2.jpg")
                    .orderId("o")
                    .dataSourceId("ds")
                    .content(bytes(5000, 2)))
        .file(
            "f3",
            f ->
                f.externalId("=notes")
                    .fileName("notes.txt")
                    .mediaType("text/plain")
                    .orderId("o")
                    .dataSourceId("ds")
                    .content(TEXT))
        .file(
            "f4", f -> f.externalId("missing").fileName("gone.jpg").orderId("o").dataSourceId("ds"))
        .file(
            "f5",
            f -> f.externalId("x").fileName("x.png").dataSourceId("ds2").content(bytes(10, 5)))
        .build();
  }

  private static ExportRequest files() {
    return ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build();
  }

  @Test
  void export_loneSurrogateInTheManifestIsReplacedAndReported(@TempDir Path dir) throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "Roof inspection")
            .dataSource("ds", "Field app")
            .file(
                "f-1", f -> f.externalId("x\uD83D").fileName("a.jpg").content(new byte[] {1, 2, 3}))
            .build();
    Path zip = dir.resolve("files.zip");
    ExportResult result =
        Exporter.builder().repository(repo).build().export(files(), ExportSink.of(zip));
    assertEquals(List.of("lone-surrogate"), result.warnings().stream().map(w -> w.code()).toList());
    assertTrue(
        result.warnings().get(0).message().startsWith("file f-1, external_id:"),
        result.warnings().get(0).message());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      CSVRecord row = manifest(z).get(1);
      assertEquals("x\uFFFD", row.get(2), "external_id");
      assertEquals("x__Roof inspection_1.jpg", row.get(0), "entry_name");
    }
  }

  @Test
  void export_aFailingTempFolderFailsTheExportAndSaysSo(@TempDir Path dir) throws Exception {
    byte[] large = new byte[9 << 20];
    new java.util.Random(7).nextBytes(large);
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "Roof inspection")
            .dataSource("ds", "Field app")
            .file("f-1", f -> f.fileName("big.jpg").content(large))
            .build();
    // A file where the folder should be: nothing can be spilled there, as on a full disk.
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path zip = dir.resolve("files.zip");
    String before = System.getProperty("assessment.export.spillFolder");
    System.setProperty("assessment.export.spillFolder", notAFolder.toString());
    ExportException e;
    try {
      e =
          assertThrows(
              ExportException.class,
              () ->
                  Exporter.builder().repository(repo).build().export(files(), ExportSink.of(zip)));
    } finally {
      if (before == null) {
        System.clearProperty("assessment.export.spillFolder");
      } else {
        System.setProperty("assessment.export.spillFolder", before);
      }
    }
    assertTrue(e.getMessage().contains("the temp folder " + notAFolder), e.getMessage());
    assertTrue(e.getMessage().contains("assessment.export.spillFolder"), e.getMessage());
    assertFalse(e.getMessage().contains("media could not be read"), e.getMessage());
    assertFalse(Files.exists(zip), "no archive that lacks the photo");
  }

  /**
   * Reads that hang as a dead socket's do: deaf to interrupts, they end when a stream is closed
   * (unless deaf to that too) or when released.
   */
  private static final class Hang {
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    final java.util.concurrent.atomic.AtomicBoolean released =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final boolean hearsClose;

    Hang(boolean hearsClose) {
      this.hearsClose = hearsClose;
    }

    InputStream stream() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          started.countDown();
          while (!released.get() && !(hearsClose && closed.get())) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            Thread.interrupted();
          }
          throw new IOException(released.get() ? "released" : "socket closed");
        }

        @Override
        public void close() {
          closed.set(true);
        }
      };
    }
  }

  /** The repository's file stream fails at the second file, once {@code after} has opened. */
  private static dev.assessment.export.spi.AssessmentRepository failingAtTheSecondFile(
      InMemoryRepository data, java.util.concurrent.CountDownLatch after) {
    return new dev.assessment.export.spi.AssessmentRepository() {
      @Override
      public Stream<dev.assessment.export.spi.AssessedFile> assessedFiles(
          dev.assessment.export.spi.FileQuery query) {
        return data.assessedFiles(query);
      }

      @Override
      public Stream<MediaFile> files(dev.assessment.export.spi.FileQuery query) {
        java.util.concurrent.atomic.AtomicInteger n =
            new java.util.concurrent.atomic.AtomicInteger();
        return data.files(query)
            .peek(
                f -> {
                  if (n.incrementAndGet() == 2) {
                    try {
                      after.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the database went away");
                  }
                });
      }
    };
  }

  @Test
  void export_failingWhileAReadIsBlocked_closesItsStreamAndKeepsTheError() throws Exception {
    InMemoryRepository data = repository();
    Hang hang = new Hang(true);
    Exporter exporter =
        Exporter.builder()
            .workflows(data)
            .assessments(failingAtTheSecondFile(data, hang.started))
            .media(file -> hang.stream())
            .build();
    long start = System.nanoTime();
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> exporter.export(files(), ExportSink.of(new ByteArrayOutputStream())));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.getMessage().contains("the database went away"), e.getMessage());
    assertTrue(hang.closed.get(), "the blocked read's stream was closed");
    assertTrue(millis < 10_000, "ended in " + millis + " ms, not after a minute");
  }

  @Test
  void export_aReadDeafToInterruptAndClose_isLeftByNameWithoutHangingTheCaller() throws Exception {
    InMemoryRepository data = repository();
    Hang hang = new Hang(false);
    try {
      Exporter exporter =
          Exporter.builder()
              .workflows(data)
              .assessments(failingAtTheSecondFile(data, hang.started))
              .media(file -> hang.stream())
              .build();
      ExportException e =
          assertThrows(
              ExportException.class,
              () -> exporter.export(files(), ExportSink.of(new ByteArrayOutputStream())));
      assertTrue(e.getMessage().contains("the database went away"), e.getMessage());
      String suppressed =
          java.util.Arrays.stream(e.getSuppressed())
              .map(Throwable::getMessage)
              .collect(java.util.stream.Collectors.joining("; "));
      assertTrue(suppressed.contains("[assessment-export-read-"), suppressed);
      assertTrue(suppressed.contains("left running"), suppressed);
    } finally {
      hang.released.set(true);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void cancel_whileAReadHangs_endsTheJobPromptlyAndLeavesNothing(
      boolean viaFuture, @TempDir Path dir) throws Exception {
    InMemoryRepository data = repository();
    Hang hang = new Hang(true);
    Exporter exporter =
        Exporter.builder().workflows(data).assessments(data).media(file -> hang.stream()).build();
    Path zip = dir.resolve("files.zip");
    ExportJob job = exporter.submit(files(), ExportSink.of(zip), p -> {});
    assertTrue(hang.started.await(10, TimeUnit.SECONDS), "a read started");
    long start = System.nanoTime();
    if (viaFuture) {
      job.completion().cancel(true);
    } else {
      job.cancel();
    }
    assertTrue(job.awaitTermination(java.time.Duration.ofSeconds(10)), "the job ended");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 5_000, "ended in " + millis + " ms");
    assertThrows(java.util.concurrent.CancellationException.class, () -> job.completion().get());
    assertTrue(hang.closed.get(), "the hanging read's stream was closed");
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no archive and no partial file");
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("assessment-export-read-") && t.isAlive()) {
        t.join(2_000);
        assertFalse(t.isAlive(), "a reading thread outlived the job: " + t.getName());
      }
    }
  }

  @Test
  void export_aSinkFailingAtTheFirstByte_blamesTheFirstFileNotTheLastReadAhead() throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "Roof inspection").dataSource("ds", "d");
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 10; i++) {
      // Large enough that the archive's buffer reaches the sink while f-0 is written.
      byte[] content = new byte[256 << 10];
      random.nextBytes(content);
      b.file("f-" + i, f -> f.fileName("a.jpg").content(content));
    }
    ExportSink failing =
        () ->
            new ExportSink.Target() {
              @Override
              public OutputStream stream() {
                return new OutputStream() {
                  @Override
                  public void write(int x) throws IOException {
                    throw new IOException("disk full");
                  }
                };
              }

              @Override
              public void commit() {}

              @Override
              public void abort() {}
            };
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> Exporter.builder().repository(b.build()).build().export(files(), failing));
    assertTrue(e.getMessage().contains("at file f-0:"), e.getMessage());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
  }

  @Test
  void export_aReadThatStalls_isAbandonedAndItsFileSkippedWithTheReason() throws Exception {
    InMemoryRepository data = repository();
    // File f2's read hangs, deaf to interrupts, until its stream is closed.
    MediaRepository oneHangs =
        file -> file.id().equals("f2") ? new Hang(true).stream() : data.open(file);
    Exporter exporter =
        Exporter.builder()
            .workflows(data)
            .assessments(data)
            .media(oneHangs)
            .mediaStallLimit(java.time.Duration.ofMillis(300))
            .build();
    long start = System.nanoTime();
    ExportResult result = exporter.export(files(), ExportSink.of(new ByteArrayOutputStream()));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 10_000, "ended in " + millis + " ms");
    ExportWarning stalled =
        result.warnings().stream()
            .filter(w -> "f2".equals(w.fileId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(result.warnings().toString()));
    assertEquals("media-unreadable", stalled.code());
    assertTrue(
        stalled.message().contains("no data for 300 ms (the stall limit"), stalled.message());
    assertTrue(result.files() >= 3, "the other files were written: " + result);
  }

  @Test
  void export_aReadDeafToTheStallLimitsClose_failsTheExportNamingTheFileAndTheThreadLeft(
      @TempDir Path dir) throws Exception {
    InMemoryRepository data = repository();
    Hang deaf = new Hang(false);
    MediaRepository oneIsDeaf = file -> file.id().equals("f2") ? deaf.stream() : data.open(file);
    Exporter exporter =
        Exporter.builder()
            .workflows(data)
            .assessments(data)
            .media(oneIsDeaf)
            .mediaStallLimit(java.time.Duration.ofMillis(300))
            .build();
    Path zip = dir.resolve("deaf.zip");
    long start = System.nanoTime();
    try {
      ExportException e =
          assertThrows(ExportException.class, () -> exporter.export(files(), ExportSink.of(zip)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // 300 ms to the close, 5 s more to call it deaf, 1 + 4 s stopping the reader: not forever.
      assertTrue(millis < 20_000, "ended in " + millis + " ms");
      assertTrue(e.getMessage().contains("the read of file f2"), e.getMessage());
      assertTrue(e.getMessage().contains("ignored the closing of its stream"), e.getMessage());
      assertTrue(e.getMessage().contains("thread assessment-export-read-"), e.getMessage());
      assertTrue(
          java.util.Arrays.stream(e.getSuppressed())
              .anyMatch(s -> s.getMessage().contains("were left running")),
          java.util.Arrays.toString(e.getSuppressed()));
      assertFalse(Files.exists(zip), "no archive that lacks the photo");
    } finally {
      deaf.released.set(true);
    }
  }

  @Test
  void export_anOpeningThatStalls_isInterruptedAndItsFileSkippedWithTheReason() throws Exception {
    InMemoryRepository data = repository();
    // Opening f2 waits for an answer that never comes, until the thread is interrupted.
    MediaRepository oneHangs =
        file -> {
          if (file.id().equals("f2")) {
            new java.util.concurrent.CountDownLatch(1).await();
          }
          return data.open(file);
        };
    for (dev.assessment.export.core.Layout layout :
        List.of(ArchiveLayouts.FILES, ArchiveLayouts.ANNOTATED_FILES)) {
      Exporter exporter =
          Exporter.builder()
              .workflows(data)
              .assessments(data)
              .media(oneHangs)
              .mediaStallLimit(java.time.Duration.ofMillis(300))
              .build();
      ExportRequest request = ExportRequest.builder("wf").layout(layout).orderId("o").build();
      ExportResult result = exporter.export(request, ExportSink.of(new ByteArrayOutputStream()));
      ExportWarning stalled =
          result.warnings().stream()
              .filter(w -> "f2".equals(w.fileId()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(result.warnings().toString()));
      assertEquals("media-unreadable", stalled.code(), layout.id());
      assertTrue(
          stalled.message().contains("opening the stream took more than 300 ms"),
          stalled.message());
      assertEquals(2, result.filesSkipped(), "f2 and the missing f4: " + layout.id());
    }
  }

  @Test
  void export_everyFileMissingIsReportedAsSuch() throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "Roof inspection")
            .dataSource("ds", "Field app")
            .dataSource("ds-empty", "Drone")
            .file("f-1", f -> f.fileName("a.jpg").dataSourceId("ds"))
            .file("f-2", f -> f.fileName("b.jpg").dataSourceId("ds"))
            .build();
    Exporter exporter = Exporter.builder().repository(repo).build();
    ExportResult result = exporter.export(files(), ExportSink.of(new ByteArrayOutputStream()));
    assertEquals(0, result.files());
    assertEquals(2, result.filesSkipped());
    assertTrue(result.everyFileSkipped());
    ExportResult empty =
        exporter.export(
            ExportRequest.builder("wf")
                .layout(ArchiveLayouts.FILES)
                .dataSourceId("ds-empty")
                .build(),
            ExportSink.of(new ByteArrayOutputStream()));
    assertEquals(0, empty.filesSkipped());
    assertFalse(empty.everyFileSkipped(), "an empty selection is not a failure");
  }

  @Test
  void layouts_filesIsFoundThroughServiceLoader() {
    assertTrue(
        Exporter.builder()
            .repository(repository())
            .build()
            .layouts()
            .contains(ArchiveLayouts.FILES));
  }

  @Test
  void export_archiveHoldsEveryFileUnderItsStandardName(@TempDir Path dir) throws Exception {
    InMemoryRepository repo = repository();
    Path zip = dir.resolve("files.zip");
    ExportResult result =
        Exporter.builder().repository(repo).build().export(files(), ExportSink.of(zip));
    assertEquals(4, result.files());
    assertEquals(4, result.rows());
    assertEquals("wf-files.zip", result.fileName());
    assertEquals("application/zip", result.mediaType());
    assertEquals(List.of("media-missing"), result.warnings().stream().map(w -> w.code()).toList());
    assertEquals(1, result.filesSkipped());
    assertFalse(result.everyFileSkipped(), "four of five were written");
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
      assertEquals(
          List.of(
              "000003112442_8492192_1.jpg",
              "000003112442_8492192_2.jpg",
              "=notes_8492192_1.txt",
              "x_Roof inspection_1.png",
              "manifest.csv"),
          names);
      assertArrayEquals(JPEG, z.getInputStream(z.getEntry(names.get(0))).readAllBytes());
      assertArrayEquals(TEXT, z.getInputStream(z.getEntry(names.get(2))).readAllBytes());
      assertEquals(ZipEntry.STORED, z.getEntry(names.get(0)).getMethod());
      assertEquals(ZipEntry.STORED, z.getEntry(names.get(3)).getMethod());
      assertEquals(ZipEntry.DEFLATED, z.getEntry(names.get(2)).getMethod());
      assertEquals(ZipEntry.DEFLATED, z.getEntry("manifest.csv").getMethod());
    }
    assertEquals(0, repo.openStreams());
  }

  @Test
  void export_manifestChecksEveryEntry(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("files.zip");
    Exporter.builder().repository(repository()).build().export(files(), ExportSink.of(zip));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<CSVRecord> rows = manifest(z);
      assertEquals(
          List.of(
              "entry_name",
              "file_id",
              "external_id",
              "file_name",
              "media_type",
              "size",
              "sha256",
              "status"),
          rows.get(0).toList());
      assertEquals(6, rows.size());
      for (CSVRecord row : rows.subList(1, rows.size())) {
        if (!row.get(7).equals("ok")) {
          continue;
        }
        String entry = dev.assessment.export.core.layout.CsvText.unneutralise(row.get(0));
        byte[] content = z.getInputStream(z.getEntry(entry)).readAllBytes();
        assertEquals(Long.toString(content.length), row.get(5), row.toString());
        assertEquals(
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
            row.get(6),
            row.toString());
      }
      assertEquals(
          List.of(
              "missing_8492192_1.jpg",
              "f4",
              "missing",
              "gone.jpg",
              "",
              "",
              "",
              "skipped: media not found"),
          rows.get(4).toList());
      assertEquals("'=notes_8492192_1.txt", rows.get(3).get(0), "text cells neutralised");
    }
  }

  @Test
  void export_filtersSelectFilesAndScopeDoesNot(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("files.zip");
    Exporter.builder()
        .repository(repository())
        .build()
        .export(files().toBuilder().dataSourceId("ds2").build(), ExportSink.of(zip));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertEquals(
          List.of("x_Roof inspection_1.png", "manifest.csv"),
          Collections.list(z.entries()).stream().map(ZipEntry::getName).toList());
    }
  }

  @Test
  void export_manifestCanBeLeftOut() throws Exception {
    byte[] bytes =
        export(
            Exporter.builder().repository(repository()).build(),
            files().toBuilder().option(ArchiveOptions.builder().manifest(false).build()).build());
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      List<String> names = new ArrayList<>();
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
      assertFalse(names.contains("manifest.csv"), names.toString());
      assertEquals(4, names.size());
    }
  }

  @Test
  void export_strictFailsOnMissingMediaNamingTheFile(@TempDir Path dir) {
    InMemoryRepository repo = repository();
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                Exporter.builder()
                    .repository(repo)
                    .build()
                    .export(
                        files().toBuilder().strict(true).build(),
                        ExportSink.of(dir.resolve("x.zip"))));
    assertTrue(e.getMessage().contains("file f4"), e.getMessage());
    assertEquals(0, repo.openStreams());
    assertFalse(Files.exists(dir.resolve("x.zip")));
  }

  @Test
  void export_sameBytesInAnyTimeZone() throws Exception {
    Exporter exporter = Exporter.builder().repository(repository()).build();
    byte[] here = export(exporter, files());
    TimeZone previous = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      assertArrayEquals(here, export(exporter, files()));
    } finally {
      TimeZone.setDefault(previous);
    }
    assertArrayEquals(
        here,
        export(
            exporter,
            files().toBuilder().option(ArchiveOptions.builder().readAhead(1).build()).build()),
        "read-ahead changes nothing");
  }

  @Test
  void export_mediaThatFailsHalfwayIsSkippedWhole(@TempDir Path dir) throws Exception {
    InMemoryRepository repo = repository();
    AtomicInteger closed = new AtomicInteger();
    MediaRepository failing =
        file -> {
          InputStream in = repo.open(file);
          if (!file.id().equals("f2")) {
            return in;
          }
          return new FilterInputStream(in) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (read > 1000) {
                throw new IOException("connection reset by peer");
              }
              int n = super.read(b, off, Math.min(len, 600));
              read += Math.max(n, 0);
              return n;
            }

            @Override
            public void close() throws IOException {
              closed.incrementAndGet();
              super.close();
            }
          };
        };
    Path zip = dir.resolve("files.zip");
    ExportResult r =
        Exporter.builder()
            .workflows(repo)
            .assessments(repo)
            .media(failing)
            .build()
            .export(files(), ExportSink.of(zip));
    assertEquals(3, r.files());
    assertEquals(1, closed.get());
    assertEquals(0, repo.openStreams());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertTrue(z.getEntry("000003112442_8492192_2.jpg") == null, "no partial entry");
      CSVRecord row = manifest(z).get(2);
      assertEquals("000003112442_8492192_2.jpg", row.get(0));
      assertEquals("skipped: media could not be read: connection reset by peer", row.get(7));
    }
  }

  @Test
  void export_sinkFailureClosesEverything() {
    InMemoryRepository repo = repository();
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk full");
          }
        };
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                Exporter.builder()
                    .repository(repo)
                    .build()
                    .export(files(), ExportSink.of(failing)));
    assertTrue(e.getMessage().contains("sink failed"), e.getMessage());
    assertEquals(0, repo.openStreams());
  }

  @Test
  void submit_cancelLeavesNoFileAndClosesEverything(@TempDir Path dir) throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    for (int i = 0; i < 200; i++) {
      b.file("f" + i, f -> f.externalId("e").fileName("a.jpg").content(JPEG));
    }
    InMemoryRepository repo = b.build();
    ExportJob[] job = new ExportJob[1];
    java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
    job[0] =
        Exporter.builder()
            .repository(repo)
            .build()
            .submit(
                files(),
                ExportSink.of(dir.resolve("x.zip")),
                p -> {
                  try {
                    submitted.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (p.files() == 20) {
                    job[0].cancel();
                  }
                });
    submitted.countDown();
    assertThrows(CancellationException.class, () -> job[0].completion().get(60, TimeUnit.SECONDS));
    awaitDone(job[0]);
    assertEquals(0, repo.openStreams());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void export_zip64WhenMoreThan65535EntriesOnANonSeekableStream(@TempDir Path dir)
      throws Exception {
    int n = 65_600;
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    for (int i = 0; i < n; i++) {
      String id = Integer.toString(i);
      b.file(new MediaFile(id, "wf", id, "a.txt", "text/plain", "ds", null), List.of());
      b.content(id, id.getBytes(StandardCharsets.UTF_8));
    }
    Path zip = dir.resolve("many.zip");
    try (OutputStream out = Files.newOutputStream(zip)) {
      Exporter.builder().repository(b.build()).build().export(files(), ExportSink.of(out));
    }
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertEquals(n + 1, z.size());
      assertEquals(
          "65599",
          new String(
              z.getInputStream(z.getEntry("65599_w_1.txt")).readAllBytes(),
              StandardCharsets.UTF_8));
    }
    assertTrue(hasZip64EndRecord(Files.readAllBytes(zip)));
  }

  @Test
  void export_noZip64WhenNotNeeded() throws Exception {
    assertFalse(
        hasZip64EndRecord(export(Exporter.builder().repository(repository()).build(), files())));
  }

  @Test
  void export_unzipTestsTheArchive(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("files.zip");
    Exporter.builder().repository(repository()).build().export(files(), ExportSink.of(zip));
    assumeTrue(
        onPath("unzip"), "unzip is not installed on this machine, so it cannot check the archive");
    Process p = new ProcessBuilder("unzip", "-t", zip.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("No errors detected"), out);
  }

  @Test
  void export_pythonZipfileTestsTheArchive(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("files.zip");
    Exporter.builder().repository(repository()).build().export(files(), ExportSink.of(zip));
    assumeTrue(
        onPath("python3"),
        "python3 is not installed on this machine, so it cannot check the archive");
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                "import sys, zipfile\n"
                    + "z = zipfile.ZipFile(sys.argv[1])\n"
                    + "bad = z.testzip()\n"
                    + "assert bad is None, bad\n"
                    + "names = z.namelist()\n"
                    + "assert all(i.flag_bits & 0x800 for i in z.infolist()), 'UTF-8 flag'\n"
                    + "print(len(names), names[-1])\n",
                zip.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals("5 manifest.csv", out.strip());
  }

  @Test
  void export_readsAheadOnTheHostsWorkExecutor() throws Exception {
    java.util.concurrent.ThreadPoolExecutor pool =
        (java.util.concurrent.ThreadPoolExecutor)
            java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      InMemoryRepository repo = repository();
      byte[] own = export(Exporter.builder().repository(repo).build(), files());
      java.util.concurrent.atomic.AtomicInteger started =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger finished =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.Executor counting =
          task ->
              pool.execute(
                  () -> {
                    started.incrementAndGet();
                    try {
                      task.run();
                    } finally {
                      finished.incrementAndGet();
                    }
                  });
      byte[] hosts =
          export(Exporter.builder().repository(repo).workExecutor(counting).build(), files());
      assertArrayEquals(own, hosts, "the same bytes on the host's threads");
      assertEquals(5, started.get(), "one read per file, on the host's executor");
      // A task's result reaches the export just before the task returns, so its last
      // instructions may still be running: they end at once, not after some other work.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (finished.get() < 5 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(5, finished.get(), "nothing left running after the export");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void export_interruptingTheThreadCancelsAnArchiveExport(@TempDir Path dir) {
    Path zip = dir.resolve("files.zip");
    dev.assessment.export.core.ExportCancelledException e =
        assertThrows(
            dev.assessment.export.core.ExportCancelledException.class,
            () ->
                Exporter.builder()
                    .repository(repository())
                    .build()
                    .export(files(), ExportSink.of(zip), p -> Thread.currentThread().interrupt()));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored for the caller");
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertFalse(java.nio.file.Files.exists(zip), "no partial archive");
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasZip64EndRecord(byte[] zip) {
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 200); i--) {
      if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x06 && zip[i + 3] == 0x06) {
        return true;
      }
    }
    return false;
  }

  static List<CSVRecord> manifest(ZipFile z) throws IOException {
    String csv =
        new String(
            z.getInputStream(z.getEntry("manifest.csv")).readAllBytes(), StandardCharsets.UTF_8);
    try (var parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  static byte[] export(Exporter exporter, ExportRequest request) throws ExportException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(request, ExportSink.of(out));
    return out.toByteArray();
  }

  static void awaitDone(ExportJob job) throws InterruptedException {
    for (int i = 0; i < 600 && !job.isDone(); i++) {
      Thread.sleep(50);
    }
  }
}
