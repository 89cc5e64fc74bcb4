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
package dev.assessment.export.benchmarks;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A seeded workflow for the CSV benchmarks: a pool of files (8 long rows and 2 wide rows each),
 * streamed over and over by a repository, and the same rows as prepared cells and as prepared text
 * for the baselines.
 */
final class CsvData implements WorkflowRepository, AssessmentRepository {
  static final int POOL = 1000;
  static final int LONG_ROWS_PER_FILE = 8;
  static final Workflow WORKFLOW =
      new Workflow(
          "wf-bench",
          "Roof inspection, 2025",
          List.of(
              AttributeDefinition.of("severity", AttributeType.NUMBER),
              AttributeDefinition.of("material", AttributeType.TEXT),
              AttributeDefinition.of("repairable", AttributeType.BOOLEAN)));
  private static final String[] LABELS = {"dent", "crack", "missing shingle", "rust"};
  private static final String[] MATERIALS = {"tile", "slate", "metal, corrugated", "asphalt \"A\""};

  final List<AssessedFile> pool;
  final int cycles;

  CsvData(long rows) {
    this.cycles = (int) Math.max(1, rows / (POOL * (long) LONG_ROWS_PER_FILE));
    Random r = new Random(20251119);
    List<AssessedFile> files = new ArrayList<>(POOL);
    Instant t = Instant.parse("2025-11-19T08:00:00Z");
    for (int i = 0; i < POOL; i++) {
      MediaFile f =
          new MediaFile(
              "file-" + (100000 + i),
              WORKFLOW.id(),
              String.format("%012d", 3112442L + i),
              "IMG_" + (4000 + i) + ".jpg",
              "image/jpeg",
              "ds-" + (i % 2),
              "o-" + (i % 3));
      List<Entity> entities = new ArrayList<>();
      for (int e = 0; e < 2; e++) {
        double x = r.nextInt(3000) + r.nextInt(100) / 10.0;
        double y = r.nextInt(2000) + r.nextInt(100) / 10.0;
        entities.add(
            Entity.annotation(
                "e" + e,
                LABELS[r.nextInt(4)],
                Polygon.of(x, y, x + 120.5, y, x + 120.5, y + 80.25, x, y + 80.25),
                r.nextInt(1000) / 1000.0,
                List.of(
                    AttributeValue.of(
                        "severity", Value.number(1 + r.nextInt(5)), r.nextInt(1000) / 1000.0),
                    AttributeValue.of(
                        "material", Value.text(MATERIALS[r.nextInt(4)]), r.nextInt(1000) / 1000.0),
                    AttributeValue.of("repairable", Value.bool(r.nextBoolean())))));
      }
      files.add(
          new AssessedFile(
              f,
              List.of(
                  new Assessment(
                      "a-" + i,
                      AssessmentKind.MACHINE,
                      "detection",
                      "model v2.3",
                      t.plusSeconds(i * 37L),
                      entities))));
    }
    this.pool = List.copyOf(files);
  }

  long longRows() {
    return (long) cycles * POOL * LONG_ROWS_PER_FILE;
  }

  long wideRows() {
    return (long) cycles * POOL * 2;
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return Optional.of(WORKFLOW);
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return List.of(
        new WorkflowOrder("o-0", WORKFLOW.id(), "8492190"),
        new WorkflowOrder("o-1", WORKFLOW.id(), "8492191"),
        new WorkflowOrder("o-2", WORKFLOW.id(), "8492192"));
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return List.of(
        new DataSource("ds-0", WORKFLOW.id(), "Field app"),
        new DataSource("ds-1", WORKFLOW.id(), "Drone"));
  }

  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    return IntStream.range(0, cycles).boxed().flatMap(c -> pool.stream());
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    return assessedFiles(query).map(AssessedFile::file);
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return OptionalLong.of((long) cycles * POOL);
  }

  /** One cycle exported by the library: the bytes every contestant must write per cycle. */
  byte[] oneCycle(Layout layout) throws IOException {
    CsvData one = new CsvData(POOL * (long) LONG_ROWS_PER_FILE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.builder()
        .repository(one)
        .build()
        .export(ExportRequest.builder(WORKFLOW.id()).layout(layout).build(), ExportSink.of(out));
    return out.toByteArray();
  }

  /** The header and rows of one cycle as cells, parsed back with Commons CSV. */
  static List<List<String>> cells(byte[] csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (var parser =
        CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
      for (CSVRecord r : parser) {
        rows.add(List.copyOf(r.toList()));
      }
    }
    return rows;
  }
}
