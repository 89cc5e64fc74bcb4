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
package dev.assessment.export.testing;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

/** The small, hand-checked workflow behind the golden files, and helpers. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Three files: f-1 with a machine and a human assessment, f-2 assessed with nothing found, f-3
   * never assessed. The workflow defines an attribute called {@code label}, which collides with a
   * fixed column.
   */
  public static InMemoryRepository golden() {
    return InMemoryRepository.builder()
        .workflow(
            "wf-1",
            "Hail damage",
            AttributeDefinition.of("severity", AttributeType.NUMBER),
            AttributeDefinition.of("material", AttributeType.TEXT),
            AttributeDefinition.of("label", AttributeType.TEXT),
            AttributeDefinition.of("colours", AttributeType.CHOICES),
            AttributeDefinition.of("repairable", AttributeType.BOOLEAN))
        .dataSource("ds-1", "Field app")
        .order("o-1", "8492192")
        .file(
            "f-1",
            f ->
                f.externalId("000003112442")
                    .fileName("roof.jpg")
                    .orderId("o-1")
                    // Stored newest first: the export orders assessments by time.
                    .assessment(
                        "a-2",
                        AssessmentKind.HUMAN,
                        Instant.parse("2025-11-19T09:30:00Z"),
                        a ->
                            a.step("review")
                                .assessor("Zoë")
                                .annotation(
                                    "e-1",
                                    "dent",
                                    Polygon.of(10.5, 20, 60, 20, 60, 50.25),
                                    1.0,
                                    AttributeValue.of("severity", Value.number(-2.5)),
                                    AttributeValue.of("label", Value.text("=SUM(A1)")),
                                    AttributeValue.of(
                                        "colours", Value.choices(List.of("red", "grey"))),
                                    AttributeValue.of("repairable", Value.bool(true)))
                                .fileLevel(
                                    "e-2",
                                    null,
                                    AttributeValue.of("material", Value.text("slate\nroof"))))
                    .assessment(
                        "a-1",
                        AssessmentKind.MACHINE,
                        Instant.parse("2025-11-19T08:00:00Z"),
                        a ->
                            a.step("detection")
                                .assessor("model v2")
                                .annotation(
                                    "e-1",
                                    "dent",
                                    Polygon.of(10, 20, 60, 20, 60, 50),
                                    0.92,
                                    AttributeValue.of("severity", Value.number(3), 0.8),
                                    AttributeValue.of("material", Value.text("tile, red"), 0.5))))
        .file(
            "f-2",
            f ->
                f.externalId("x")
                    .fileName("garage.png")
                    .assessment(
                        "a-3",
                        AssessmentKind.HUMAN,
                        Instant.parse("2025-11-19T10:00:00Z"),
                        a -> {}))
        .file("f-3", f -> f.externalId("y").fileName("shed.jpg"))
        .build();
  }

  public static Exporter exporter(InMemoryRepository repository) {
    return Exporter.builder().repository(repository).build();
  }

  public static byte[] export(Exporter exporter, ExportRequest request) throws ExportException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(request, ExportSink.of(out));
    return out.toByteArray();
  }

  public static byte[] resource(String name) throws java.io.IOException {
    try (var in = Fixtures.class.getResourceAsStream("/dev/assessment/export/core/" + name)) {
      if (in == null) {
        throw new java.io.FileNotFoundException(name);
      }
      return in.readAllBytes();
    }
  }
}
