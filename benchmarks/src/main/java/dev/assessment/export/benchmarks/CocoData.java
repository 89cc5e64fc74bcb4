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

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A COCO workload made as it is streamed, so that only the export holds memory: {@code files} small
 * PNG images (64 × 48), each with {@link #PER_FILE} labelled polygons of two attributes.
 */
final class CocoData implements WorkflowRepository, AssessmentRepository, MediaRepository {
  static final int PER_FILE = 10;
  private static final Workflow WORKFLOW = CsvData.WORKFLOW;
  private static final String[] LABELS = {"dent", "crack", "missing shingle", "rust", "hail"};
  private static final byte[] PNG = png();

  private final int files;

  CocoData(long annotations) {
    this.files = (int) Math.max(1, annotations / PER_FILE);
  }

  long annotations() {
    return (long) files * PER_FILE;
  }

  private static byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AssessedFile file(int i) {
    SplittableRandom r = new SplittableRandom(i);
    MediaFile f =
        new MediaFile(
            "file-" + i,
            WORKFLOW.id(),
            String.format("%012d", 3112442L + i),
            "IMG_" + i + ".png",
            "image/png",
            "ds-0",
            null);
    List<Entity> entities = new ArrayList<>(PER_FILE);
    for (int e = 0; e < PER_FILE; e++) {
      double x = r.nextInt(50) + r.nextInt(10) / 10.0;
      double y = r.nextInt(36) + r.nextInt(10) / 10.0;
      entities.add(
          Entity.annotation(
              "e" + e,
              LABELS[r.nextInt(LABELS.length)],
              Polygon.of(x, y, x + 12.5, y, x + 12.5, y + 8.25, x, y + 8.25),
              r.nextInt(1000) / 1000.0,
              List.of(
                  AttributeValue.of("severity", Value.number(1 + r.nextInt(5)), 0.5),
                  AttributeValue.of("material", Value.text("tile")))));
    }
    return new AssessedFile(
        f,
        List.of(
            new Assessment(
                "a-" + i,
                AssessmentKind.MACHINE,
                "detection",
                "model v2.3",
                Instant.parse("2025-11-19T08:00:00Z").plusSeconds(i),
                entities)));
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return Optional.of(WORKFLOW);
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return List.of();
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return List.of(new DataSource("ds-0", WORKFLOW.id(), "Field app"));
  }

  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    return IntStream.range(0, files).mapToObj(CocoData::file);
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    return assessedFiles(query).map(AssessedFile::file);
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return OptionalLong.of(files);
  }

  @Override
  public InputStream open(MediaFile file) {
    return new ByteArrayInputStream(PNG);
  }
}
