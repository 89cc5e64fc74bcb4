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

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A generated workflow that is produced as it is streamed, never held: 8 long-layout rows per file.
 * Run as a program with a capped heap by {@link MemoryTest}.
 */
final class LargeExport implements WorkflowRepository, AssessmentRepository {
  static final int ROWS_PER_FILE = 8;
  private static final Instant T = Instant.parse("2025-11-19T08:00:00Z");
  private static final Workflow WORKFLOW =
      new Workflow(
          "wf-large",
          "Large",
          List.of(
              AttributeDefinition.of("severity", AttributeType.NUMBER),
              AttributeDefinition.of("material", AttributeType.TEXT),
              AttributeDefinition.of("repairable", AttributeType.BOOLEAN)));
  private final long files;

  LargeExport(long files) {
    this.files = files;
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return workflowId.equals(WORKFLOW.id()) ? Optional.of(WORKFLOW) : Optional.empty();
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return List.of(new WorkflowOrder("o-1", WORKFLOW.id(), "8492192"));
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return List.of(new DataSource("ds-1", WORKFLOW.id(), "Field app"));
  }

  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    return LongStream.range(0, files).mapToObj(LargeExport::file);
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    return assessedFiles(query).map(AssessedFile::file);
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return OptionalLong.of(files);
  }

  private static AssessedFile file(long i) {
    MediaFile file =
        new MediaFile(
            "f-" + i,
            WORKFLOW.id(),
            String.format("%012d", i),
            "IMG_" + i + ".jpg",
            "image/jpeg",
            "ds-1",
            "o-1");
    List<Entity> entities = List.of(entity("e1", i), entity("e2", i + 1));
    return new AssessedFile(
        file,
        List.of(
            new Assessment(
                "a-" + i,
                AssessmentKind.MACHINE,
                "detection",
                "model v2",
                T.plusSeconds(i),
                entities)));
  }

  private static Entity entity(String id, long i) {
    double x = (i % 1000) + 0.5;
    return Entity.annotation(
        id,
        "dent",
        Polygon.of(x, 10, x + 40, 10, x + 40, 60.25, x, 60.25),
        0.875,
        List.of(
            AttributeValue.of("severity", Value.number(i % 5), 0.5),
            AttributeValue.of("material", Value.text("tile, red"), 0.25),
            AttributeValue.of("repairable", Value.bool(i % 2 == 0))));
  }

  /**
   * Exports the long layout of {@code args[0]} rows into nothing and prints the row count and the
   * peak heap used.
   *
   * @param args the number of rows
   * @throws Exception if the export fails
   */
  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    LargeExport repo = new LargeExport(rows / ROWS_PER_FILE);
    Exporter exporter = Exporter.builder().repository(repo).build();
    ExportResult result =
        exporter.export(
            ExportRequest.builder(WORKFLOW.id()).build(),
            ExportSink.of(OutputStream.nullOutputStream()));
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("rows=" + result.rows() + " bytes=" + result.bytes() + " peakHeap=" + peak);
  }
}
