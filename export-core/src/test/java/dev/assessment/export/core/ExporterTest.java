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
package dev.assessment.export.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
  private final InMemoryRepository golden = Fixtures.golden();
  private final Exporter exporter = Fixtures.exporter(golden);

  @Test
  void export_unknownWorkflow() {
    ExportException e =
        assertThrows(ExportException.class, () -> csv(ExportRequest.builder("nope").build()));
    assertTrue(e.getMessage().contains("unknown workflow 'nope'"), e.getMessage());
  }

  @Test
  void export_unknownOrderNamesTheKnownOnes() {
    ExportException e =
        assertThrows(
            ExportException.class, () -> csv(ExportRequest.builder("wf-1").orderId("o-9").build()));
    assertEquals("unknown order 'o-9' in workflow wf-1: known orders are o-1", e.getMessage());
  }

  @Test
  void export_unknownDataSourceNamesTheKnownOnes() {
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> csv(ExportRequest.builder("wf-1").dataSourceId("x").build()));
    assertEquals(
        "unknown data source 'x' in workflow wf-1: known data sources are ds-1", e.getMessage());
  }

  @Test
  void export_unavailableLayoutListsTheAvailableOnes() {
    Layout files = Layout.of("files");
    ExportException e =
        assertThrows(
            ExportException.class, () -> csv(ExportRequest.builder("wf-1").layout(files).build()));
    assertEquals(
        "layout files is not available: this exporter writes annotations, attribute-values. Add"
            + " the module that provides it to the class path, or register its LayoutProvider"
            + " (docs/layouts.md)",
        e.getMessage());
    assertFalse(exporter.layouts().contains(files));
    assertEquals(List.of(CsvLayouts.ANNOTATIONS, CsvLayouts.ATTRIBUTE_VALUES), exporter.layouts());
  }

  @Test
  void export_resultCountsAndNames() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult r = exporter.export(ExportRequest.builder("wf-1").build(), ExportSink.of(out));
    assertEquals(2, r.files());
    assertEquals(3, r.assessments());
    assertEquals(10, r.rows());
    assertEquals(out.size(), r.bytes());
    assertEquals("wf-1-attribute-values.csv", r.fileName());
    assertEquals("text/csv; charset=UTF-8", r.mediaType());
    assertTrue(r.warnings().isEmpty());
    assertEquals(0, golden.openStreams());
  }

  @Test
  void export_noMatchingFileWritesTheHeaderOnly() throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d").build();
    String csv =
        new String(
            Fixtures.export(
                Fixtures.exporter(repo),
                ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).build()),
            StandardCharsets.UTF_8);
    assertEquals(
        "workflow_id,workflow_name,order_id,order_name,data_source_id,data_source_name,file_id,"
            + "external_id,file_name,assessment_id,assessment_kind,assessment_step,assessor,"
            + "assessed_at,entity_id,label,location,confidence\r\n",
        csv);
  }

  @Test
  void export_bom() throws Exception {
    byte[] bytes = Fixtures.export(exporter, ExportRequest.builder("wf-1").bom(true).build());
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'w'}, java.util.Arrays.copyOf(bytes, 4));
  }

  @Test
  void export_jsonPolygons() throws Exception {
    String csv = csv(ExportRequest.builder("wf-1").polygons(PolygonEncoding.JSON).build());
    assertTrue(csv.contains(",location,\"[[10,20],[60,20],[60,50]]\",0.92\r\n"), csv);
  }

  @Test
  void export_neutralisationOff() throws Exception {
    String csv = csv(ExportRequest.builder("wf-1").neutraliseFormulas(false).build());
    assertTrue(csv.contains(",label (attribute),=SUM(A1),\r\n"), csv);
  }

  @Test
  void export_latestKeepsTheMostRecentAssessment() throws Exception {
    String csv = csv(ExportRequest.builder("wf-1").scope(AssessmentScope.LATEST).build());
    assertFalse(csv.contains(",a-1,"), csv);
    assertTrue(csv.contains(",a-2,"), csv);
    assertTrue(csv.contains(",a-3,"), csv);
  }

  @Test
  void export_latestTieBrokenByGreatestId() throws Exception {
    InMemoryRepository repo = tiedAssessments();
    String csv =
        new String(
            Fixtures.export(
                Fixtures.exporter(repo),
                ExportRequest.builder("wf").scope(AssessmentScope.LATEST).build()),
            StandardCharsets.UTF_8);
    assertEquals(2, csv.split("\r\n").length, csv);
    assertTrue(csv.contains(",f,,,10,human,"), csv);
  }

  @Test
  void export_allOrdersAssessmentsByTimeThenId() throws Exception {
    InMemoryRepository repo = tiedAssessments();
    String csv =
        new String(
            Fixtures.export(Fixtures.exporter(repo), ExportRequest.builder("wf").build()),
            StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    for (String line : csv.split("\r\n")) {
      ids.add(line.split(",")[9]);
    }
    assertEquals(List.of("assessment_id", "11", "9", "10"), ids);
  }

  @Test
  void export_undefinedAttributeIsWrittenLongAndReportedWide() throws Exception {
    InMemoryRepository repo = withEntity(Entity("e", AttributeValue.of("weight", Value.number(2))));
    Exporter e = Fixtures.exporter(repo);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult longResult = e.export(ExportRequest.builder("wf").build(), ExportSink.of(out));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(",e,,weight,2,\r\n"));
    assertTrue(longResult.warnings().isEmpty());
    ExportResult wide =
        e.export(
            ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).build(),
            ExportSink.of(new ByteArrayOutputStream()));
    assertEquals(1, wide.warnings().size());
    assertEquals("undefined-attribute", wide.warnings().get(0).code());
    assertTrue(wide.warnings().get(0).message().contains("'weight'"), wide.warnings().toString());
  }

  @Test
  void export_undefinedAttributeFailsStrictWide() {
    Exporter e =
        Fixtures.exporter(withEntity(Entity("e", AttributeValue.of("weight", Value.number(2)))));
    ExportException ex =
        assertThrows(
            ExportException.class,
            () ->
                e.export(
                    ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).strict(true).build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(ex.getMessage().contains("file f, entity e: attribute 'weight'"), ex.getMessage());
  }

  @Test
  void export_nonFiniteNumberIsLeftEmptyAndReported() throws Exception {
    Exporter e =
        Fixtures.exporter(
            withEntity(Entity("e", AttributeValue.of("severity", Value.number(Double.NaN)))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult r = e.export(ExportRequest.builder("wf").build(), ExportSink.of(out));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(",e,,severity,,\r\n"));
    assertEquals("non-finite-number", r.warnings().get(0).code());
    assertEquals("f", r.warnings().get(0).fileId());
  }

  @Test
  void export_loneSurrogateBecomesTheReplacementCharacterWithAWarning() throws Exception {
    // "\uD83D" alone is half of 😀: no UTF-8 encoder can write it, and it used to become '?'.
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("note", AttributeType.TEXT))
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x\uD83D")
                        .fileName("\uD83D\uDE00.jpg")
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            T,
                            a ->
                                a.entity(
                                    Entity(
                                        "e", AttributeValue.of("note", Value.text("ok\uDE00"))))))
            .build();
    for (Layout layout : List.of(CsvLayouts.ATTRIBUTE_VALUES, CsvLayouts.ANNOTATIONS)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExportResult r =
          Fixtures.exporter(repo)
              .export(ExportRequest.builder("wf").layout(layout).build(), ExportSink.of(out));
      String csv = out.toString(StandardCharsets.UTF_8);
      assertTrue(csv.contains(",x\uFFFD,\uD83D\uDE00.jpg,"), csv);
      assertTrue(csv.contains("ok\uFFFD"), csv);
      assertFalse(csv.contains("?"), csv);
      List<String> fields =
          r.warnings().stream()
              .filter(w -> w.code().equals("lone-surrogate"))
              .map(w -> w.message().substring(0, w.message().indexOf(':')))
              .toList();
      assertEquals(List.of("file f, external_id", "file f, attribute 'note'"), fields, layout.id());
      assertTrue(r.warnings().get(0).message().contains("written as U+FFFD"));
      ExportException strict =
          assertThrows(
              ExportException.class,
              () ->
                  Fixtures.exporter(repo)
                      .export(
                          ExportRequest.builder("wf").layout(layout).strict(true).build(),
                          ExportSink.of(new ByteArrayOutputStream())));
      assertTrue(strict.getMessage().contains("file f, external_id"), strict.getMessage());
    }
  }

  @Test
  void export_aFileStreamedTwiceIsExportedOnceWithAWarning() throws Exception {
    InMemoryRepository data =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds", "d")
            .order("o", "8492192")
            .file(
                "f",
                f ->
                    f.orderId("o")
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            T,
                            a ->
                                a.entity(
                                    Entity("e", AttributeValue.of("severity", Value.number(2))))))
            .build();
    // A join that repeats a file's row, and an order listed twice with another name.
    dev.assessment.export.spi.AssessmentRepository twice =
        new dev.assessment.export.spi.AssessmentRepository() {
          @Override
          public java.util.stream.Stream<dev.assessment.export.spi.AssessedFile> assessedFiles(
              dev.assessment.export.spi.FileQuery query) {
            List<dev.assessment.export.spi.AssessedFile> one = data.assessedFiles(query).toList();
            return java.util.stream.Stream.concat(one.stream(), one.stream());
          }

          @Override
          public java.util.stream.Stream<dev.assessment.export.spi.MediaFile> files(
              dev.assessment.export.spi.FileQuery query) {
            List<dev.assessment.export.spi.MediaFile> one = data.files(query).toList();
            return java.util.stream.Stream.concat(one.stream(), one.stream());
          }
        };
    dev.assessment.export.spi.WorkflowRepository repeatedOrder =
        new dev.assessment.export.spi.WorkflowRepository() {
          @Override
          public java.util.Optional<dev.assessment.export.spi.Workflow> workflow(String id) {
            return data.workflow(id);
          }

          @Override
          public List<dev.assessment.export.spi.WorkflowOrder> orders(String id) {
            return List.of(
                new dev.assessment.export.spi.WorkflowOrder("o", "wf", "8492192"),
                new dev.assessment.export.spi.WorkflowOrder("o", "wf", "other"));
          }

          @Override
          public List<dev.assessment.export.spi.DataSource> dataSources(String id) {
            return data.dataSources(id);
          }
        };
    Exporter e = Exporter.builder().workflows(repeatedOrder).assessments(twice).media(data).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult r =
        e.export(
            ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).build(), ExportSink.of(out));
    String csv = out.toString(StandardCharsets.UTF_8);
    assertEquals(2, csv.split("\r\n").length, "the header and one row: " + csv);
    assertTrue(csv.contains(",o,8492192,"), "the first definition of the order: " + csv);
    assertEquals(
        List.of("duplicate-definition", "duplicate-file"),
        r.warnings().stream().map(ExportWarning::code).toList());
    assertTrue(r.warnings().get(1).message().startsWith("file f was streamed twice"));
    assertEquals(1, r.warnings().get(1).occurrences());
    ExportException strict =
        assertThrows(
            ExportException.class,
            () ->
                e.export(
                    ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).strict(true).build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(strict.getMessage().contains("lists order o of workflow wf more than once"));
    // The CSV layouts read the assessed files, a file-ids layout the files alone.
    for (Layout layout : List.of(CsvLayouts.ANNOTATIONS, FileIdsLayout.FILE_IDS)) {
      ExportException strictTwice =
          assertThrows(
              ExportException.class,
              () ->
                  Exporter.builder()
                      .workflows(data)
                      .assessments(twice)
                      .media(data)
                      .layoutProvider(new FileIdsLayout())
                      .build()
                      .export(
                          ExportRequest.builder("wf").layout(layout).strict(true).build(),
                          ExportSink.of(new ByteArrayOutputStream())));
      assertTrue(
          strictTwice.getMessage().startsWith("file f was streamed twice"),
          strictTwice.getMessage());
    }
  }

  @Test
  void export_warningsAreCountedNotRepeated() throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds", "d");
    for (int i = 0; i < 5; i++) {
      b.file(
          "f" + i,
          f ->
              f.assessment(
                  "a",
                  AssessmentKind.HUMAN,
                  T,
                  a ->
                      a.entity(
                          Entity(
                              "e",
                              AttributeValue.of(
                                  "severity", Value.number(Double.POSITIVE_INFINITY))))));
    }
    ExportResult r =
        Fixtures.exporter(b.build())
            .export(
                ExportRequest.builder("wf").build(), ExportSink.of(new ByteArrayOutputStream()));
    assertEquals(1, r.warnings().size());
    assertEquals(5, r.warnings().get(0).occurrences());
    assertEquals("f0", r.warnings().get(0).fileId());
  }

  @Test
  void export_degenerateAndNonFinitePolygons() throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.assessment(
                        "a",
                        AssessmentKind.HUMAN,
                        T,
                        a ->
                            a.annotation("two", "x", Polygon.of(0, 0, 5, 5), 0.5)
                                .annotation(
                                    "nan", "x", Polygon.of(0, 0, Double.NaN, 5, 1, 1), 0.5)))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult r =
        Fixtures.exporter(repo).export(ExportRequest.builder("wf").build(), ExportSink.of(out));
    String csv = out.toString(StandardCharsets.UTF_8);
    assertTrue(csv.contains(",two,x,location,\"POLYGON ((0 0, 5 5, 0 0))\",0.5\r\n"), csv);
    assertTrue(csv.contains(",nan,x,location,,0.5\r\n"), csv);
    assertEquals(
        List.of("degenerate-polygon", "non-finite-polygon"),
        r.warnings().stream().map(ExportWarning::code).toList());
  }

  @Test
  void export_pathSinkIsWrittenAtomically(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out.csv");
    exporter.export(ExportRequest.builder("wf-1").build(), ExportSink.of(target));
    assertArrayEquals(Fixtures.resource("golden-attribute-values.csv"), Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void export_failedPathExportLeavesNoFile(@TempDir Path dir) throws Exception {
    Exporter e =
        Fixtures.exporter(
            withEntity(Entity("e", AttributeValue.of("severity", Value.number(Double.NaN)))));
    Path target = dir.resolve("out.csv");
    assertThrows(
        ExportException.class,
        () -> e.export(ExportRequest.builder("wf").strict(true).build(), ExportSink.of(target)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void export_failedPathExportKeepsThePreviousFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "previous");
    Exporter e =
        Fixtures.exporter(
            withEntity(Entity("e", AttributeValue.of("severity", Value.number(Double.NaN)))));
    assertThrows(
        ExportException.class,
        () -> e.export(ExportRequest.builder("wf").strict(true).build(), ExportSink.of(target)));
    assertEquals("previous", Files.readString(target));
  }

  @Test
  void export_listenerSeesEveryFileWithTheTotal() throws Exception {
    List<ExportProgress> seen = new ArrayList<>();
    exporter.export(
        ExportRequest.builder("wf-1").build(),
        ExportSink.of(new ByteArrayOutputStream()),
        seen::add);
    assertEquals(3, seen.size());
    assertEquals(3, seen.get(2).files());
    assertEquals(3, seen.get(2).totalFiles().getAsLong());
    assertEquals(10, seen.get(2).rows());
    assertEquals(1.0, seen.get(2).fraction().getAsDouble());
  }

  @Test
  void export_listenerExceptionFailsTheExport() {
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf-1").build(),
                    ExportSink.of(new ByteArrayOutputStream()),
                    p -> {
                      throw new IllegalStateException("boom");
                    }));
    assertTrue(e.getMessage().contains("listener threw after file f-1"), e.getMessage());
    assertEquals(0, golden.openStreams());
  }

  @Test
  void submit_completesWithTheResult(@TempDir Path dir) throws Exception {
    ExportJob job =
        exporter.submit(ExportRequest.builder("wf-1").build(), ExportSink.of(dir.resolve("x.csv")));
    ExportResult r = job.completion().get(30, TimeUnit.SECONDS);
    assertEquals(10, r.rows());
    assertTrue(job.isDone());
    assertEquals(3, job.progress().files());
    assertFalse(job.cancel());
  }

  @Test
  void submit_cancelStopsAndLeavesNoFile(@TempDir Path dir) throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    for (int i = 0; i < 100; i++) {
      b.file("f" + i, f -> f.assessment("a", AssessmentKind.HUMAN, T, a -> {}));
    }
    InMemoryRepository repo = b.build();
    ExportJob[] job = new ExportJob[1];
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    ExportListener cancelAtFive =
        p -> {
          try {
            started.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (p.files() == 5) {
            job[0].cancel();
          }
        };
    job[0] =
        Fixtures.exporter(repo)
            .submit(
                ExportRequest.builder("wf").build(),
                ExportSink.of(dir.resolve("x.csv")),
                cancelAtFive);
    started.countDown();
    CancellationException e =
        assertThrows(CancellationException.class, () -> job[0].completion().join());
    assertTrue(e.getCause() instanceof ExportCancelledException, String.valueOf(e.getCause()));
    assertEquals(5, job[0].progress().files());
    assertEquals(0, repo.openStreams());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  /** One file with assessments 9 and 10 at the same time, and 11 a second earlier. */
  private static InMemoryRepository tiedAssessments() {
    return InMemoryRepository.builder()
        .workflow("wf", "w")
        .dataSource("ds", "d")
        .file(
            "f",
            f ->
                f.assessment("10", AssessmentKind.HUMAN, T, a -> {})
                    .assessment("9", AssessmentKind.HUMAN, T, a -> {})
                    .assessment("11", AssessmentKind.HUMAN, T.minusSeconds(1), a -> {}))
        .build();
  }

  private String csv(ExportRequest request) throws ExportException {
    return new String(Fixtures.export(exporter, request), StandardCharsets.UTF_8);
  }

  private static dev.assessment.export.spi.Entity Entity(String id, AttributeValue... values) {
    return dev.assessment.export.spi.Entity.fileLevel(id, null, List.of(values));
  }

  private static InMemoryRepository withEntity(dev.assessment.export.spi.Entity entity) {
    return InMemoryRepository.builder()
        .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
        .dataSource("ds", "d")
        .file("f", f -> f.assessment("a", AssessmentKind.HUMAN, T, a -> a.entity(entity)))
        .build();
  }

  @Test
  void submit_defaultJobsRunOnNamedDaemonThreads() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Thread> ran =
        new java.util.concurrent.atomic.AtomicReference<>();
    ExportJob job =
        exporter.submit(
            ExportRequest.builder("wf-1").build(),
            ExportSink.of(new ByteArrayOutputStream()),
            p -> ran.set(Thread.currentThread()));
    job.completion().get(30, TimeUnit.SECONDS);
    assertTrue(ran.get().isDaemon(), "a library's threads must not keep a host's JVM alive");
    assertTrue(ran.get().getName().startsWith("assessment-export-job-"), ran.get().getName());
  }

  /** A sink whose stream fails after some bytes and whose abort and commit may fail too. */
  private static ExportSink failingSink(
      boolean writeFails, boolean abortFails, boolean commitFails) {
    return () ->
        new ExportSink.Target() {
          @Override
          public java.io.OutputStream stream() {
            return new java.io.OutputStream() {
              @Override
              public void write(int b) throws java.io.IOException {
                if (writeFails) {
                  throw new java.io.IOException("disk full");
                }
              }
            };
          }

          @Override
          public void commit() throws java.io.IOException {
            if (commitFails) {
              throw new java.io.IOException("quota exceeded");
            }
          }

          @Override
          public void abort() {
            if (abortFails) {
              throw new IllegalStateException("abort broke too");
            }
          }
        };
  }

  @Test
  void export_aFailingAbortKeepsTheOriginalErrorAndAttachesItsOwn() {
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf-1").build(), failingSink(true, true, false)));
    assertTrue(e.getMessage().startsWith("the sink failed during the export"), e.getMessage());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    assertEquals(1, e.getSuppressed().length);
    assertEquals("abort broke too", e.getSuppressed()[0].getMessage());
  }

  @Test
  void export_aFailingCommitSaysTheSinkFailed() {
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf-1").build(), failingSink(false, false, true)));
    assertTrue(
        e.getMessage().startsWith("the sink failed to commit the export of workflow wf-1"),
        e.getMessage());
    assertTrue(e.getMessage().contains("quota exceeded"), e.getMessage());
  }

  @Test
  void export_interruptingTheThreadCancelsASynchronousCsvExport() {
    ExportCancelledException e =
        assertThrows(
            ExportCancelledException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf-1").build(),
                    ExportSink.of(new ByteArrayOutputStream()),
                    p -> Thread.currentThread().interrupt()));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored for the caller");
    assertTrue(e.getMessage().contains("was cancelled after 1 file(s)"), e.getMessage());
    assertEquals(0, golden.openStreams());
  }

  @Test
  void export_cancellingAHostsFutureCancelsTheExport() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
          new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.Future<?> future =
          pool.submit(
              () -> {
                try {
                  exporter.export(
                      ExportRequest.builder("wf-1").build(),
                      ExportSink.of(new ByteArrayOutputStream()),
                      p -> {
                        started.countDown();
                        try {
                          Thread.sleep(60_000);
                        } catch (InterruptedException ie) {
                          Thread.currentThread().interrupt();
                        }
                      });
                } catch (ExportException | RuntimeException ex) {
                  thrown.set(ex);
                }
              });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      future.cancel(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "the export ended promptly");
      assertTrue(thrown.get() instanceof ExportCancelledException, String.valueOf(thrown.get()));
    } finally {
      pool.shutdownNow();
    }
  }
}
