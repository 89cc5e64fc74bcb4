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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPI contract, seen from the repository: every stream the exporter opens is closed. */
class StreamContractTest {
  private final WorkflowRepository workflows = mock(WorkflowRepository.class);
  private final AssessmentRepository assessments = mock(AssessmentRepository.class);
  private final Runnable closed = mock(Runnable.class);
  private final AtomicInteger pulled = new AtomicInteger();
  private Exporter exporter;

  @BeforeEach
  void setUp() throws Exception {
    when(workflows.workflow("wf")).thenReturn(Optional.of(new Workflow("wf", "w", List.of())));
    when(workflows.orders("wf")).thenReturn(List.of());
    when(workflows.dataSources("wf")).thenReturn(List.of(new DataSource("ds", "wf", "d")));
    when(assessments.countFiles(any())).thenReturn(OptionalLong.empty());
    exporter = Exporter.builder().workflows(workflows).assessments(assessments).build();
  }

  @Test
  void export_closesTheStreamOnSuccess() throws Exception {
    when(assessments.assessedFiles(any())).thenReturn(files(3, -1));
    exporter.export(
        ExportRequest.builder("wf").build(), ExportSink.of(new ByteArrayOutputStream()));
    verify(closed, times(1)).run();
    verify(assessments, times(1))
        .assessedFiles(
            FileQuery.builder("wf").scope(dev.assessment.export.spi.AssessmentScope.ALL).build());
    verify(assessments, atMost(1)).countFiles(any());
    assertEquals(3, pulled.get());
  }

  @Test
  void export_closesTheStreamWhenTheRepositoryThrowsMidStream() throws Exception {
    when(assessments.assessedFiles(any())).thenReturn(files(5, 2));
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf").build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(
        e.getMessage()
            .startsWith("the repository failed streaming the files of workflow wf, after file f1:"),
        e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
    verify(closed, times(1)).run();
  }

  @Test
  void export_closesTheStreamWhenTheRepositoryFailsToOpen() throws Exception {
    when(assessments.assessedFiles(any())).thenThrow(new IllegalStateException("db down"));
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf").build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("db down"), e.getMessage());
  }

  @Test
  void export_wrapsACheckedRepositoryExceptionOnce() throws Exception {
    when(assessments.assessedFiles(any())).thenThrow(new java.sql.SQLException("relation missing"));
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf").build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the repository failed opening the files of workflow wf: java.sql.SQLException: relation"
                    + " missing"),
        e.getMessage());
    assertTrue(e.getCause() instanceof java.sql.SQLException, String.valueOf(e.getCause()));
  }

  @Test
  void export_wrapsAFailingLazyOrderList() throws Exception {
    List<dev.assessment.export.spi.WorkflowOrder> lazy =
        new java.util.AbstractList<>() {
          @Override
          public dev.assessment.export.spi.WorkflowOrder get(int index) {
            throw new java.io.UncheckedIOException(new IOException("cursor closed"));
          }

          @Override
          public int size() {
            return 1;
          }
        };
    when(workflows.orders("wf")).thenReturn(lazy);
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                exporter.export(
                    ExportRequest.builder("wf").build(),
                    ExportSink.of(new ByteArrayOutputStream())));
    assertTrue(
        e.getMessage().startsWith("the repository failed reading the orders of workflow wf"),
        e.getMessage());
  }

  @Test
  void export_closesTheStreamWhenTheSinkFails() throws Exception {
    when(assessments.assessedFiles(any())).thenReturn(files(5000, -1));
    OutputStream sink = mock(OutputStream.class);
    doThrow(new IOException("disk full"))
        .when(sink)
        .write(
            any(byte[].class),
            org.mockito.ArgumentMatchers.anyInt(),
            org.mockito.ArgumentMatchers.anyInt());
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> exporter.export(ExportRequest.builder("wf").build(), ExportSink.of(sink)));
    assertTrue(
        e.getMessage().startsWith("the sink failed during the export of workflow wf"),
        e.getMessage());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    verify(closed, times(1)).run();
    assertTrue(pulled.get() < 5000, "the export went on after the sink failed: " + pulled.get());
  }

  @Test
  void submit_closesTheStreamOnCancel(@TempDir Path dir) throws Exception {
    when(assessments.assessedFiles(any())).thenReturn(files(1000, -1));
    ExportJob[] job = new ExportJob[1];
    java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
    job[0] =
        exporter.submit(
            ExportRequest.builder("wf").build(),
            ExportSink.of(dir.resolve("o.csv")),
            p -> {
              try {
                submitted.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (p.files() == 10) {
                job[0].cancel();
              }
            });
    submitted.countDown();
    assertThrows(CancellationException.class, () -> job[0].completion().join());
    assertTrue(job[0].awaitTermination(java.time.Duration.ofSeconds(10)));
    verify(closed, times(1)).run();
    assertEquals(10, pulled.get());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void export_closesTheStreamWhenTheStrictExportFails() throws Exception {
    when(workflows.workflow("wf")).thenReturn(Optional.of(new Workflow("wf", "w", List.of())));
    when(assessments.assessedFiles(any())).thenReturn(files(3, -1));
    when(workflows.dataSources("wf")).thenReturn(List.of());
    assertThrows(
        ExportException.class,
        () ->
            exporter.export(
                ExportRequest.builder("wf").strict(true).build(),
                ExportSink.of(new ByteArrayOutputStream())));
    verify(closed, times(1)).run();
  }

  /** {@code n} files with one assessment each, throwing when file {@code failAt} is pulled. */
  private Stream<AssessedFile> files(int n, int failAt) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              if (i == failAt) {
                throw new IllegalStateException("connection reset");
              }
              pulled.incrementAndGet();
              return new AssessedFile(
                  new MediaFile("f" + i, "wf", "x" + i, "n" + i + ".jpg", null, "ds", null),
                  List.of(new Assessment("a", AssessmentKind.HUMAN, null, null, t, List.of())));
            })
        .onClose(closed);
  }
}
