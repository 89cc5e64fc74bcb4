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
package dev.assessment.export.testkit;

import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The fixtures the contract loads into a repository under test. Times have at most microsecond
 * precision, which every SQL database keeps.
 *
 * @since 0.2
 */
public final class ContractFixtures {
  /**
   * The workflow the contract exports.
   *
   * @since 0.2
   */
  public static final String WORKFLOW = "wf-contract";

  /**
   * A second workflow, whose files must never show up in the first's.
   *
   * @since 0.2
   */
  public static final String OTHER_WORKFLOW = "wf-other";

  /**
   * The workflow of the large fixture.
   *
   * @since 0.2
   */
  public static final String LARGE_WORKFLOW = "wf-large";

  /**
   * The workflow of the fixture with one large file.
   *
   * @since 0.2
   */
  public static final String LARGE_CONTENT_WORKFLOW = "wf-large-content";

  /**
   * The size of the large file: 33 MiB, more than any driver's default buffer.
   *
   * @since 0.2
   */
  public static final int LARGE_CONTENT_BYTES = 33 << 20;

  private ContractFixtures() {}

  /**
   * Returns the standard fixture: two workflows; data sources and orders; files in and out of
   * orders; machine and human assessments, with a tie on time; never-assessed files; files with and
   * without content; every value type, awkward text, a degenerate and a non-finite polygon.
   *
   * @return the fixture
   * @since 0.2
   */
  public static InMemoryRepository standard() {
    Instant t = Instant.parse("2025-11-19T08:00:00Z");
    return InMemoryRepository.builder()
        .workflow(
            WORKFLOW,
            "Roof inspection, \"north\"",
            AttributeDefinition.of("severity", AttributeType.NUMBER),
            AttributeDefinition.of("material", AttributeType.TEXT),
            AttributeDefinition.of("repairable", AttributeType.BOOLEAN),
            AttributeDefinition.of("colours", AttributeType.CHOICES))
        .dataSource("ds-field", "Field app")
        .dataSource("ds-drone", "Drone 東京")
        .order("o-1", "8492192")
        .order("o-2", "=cmd")
        .file(
            "f-1",
            f ->
                f.externalId("000003112442")
                    .fileName("roof.jpg")
                    .mediaType("image/jpeg")
                    .dataSourceId("ds-field")
                    .orderId("o-1")
                    .content(bytes("f-1"))
                    .assessment(
                        "9",
                        AssessmentKind.MACHINE,
                        t,
                        a ->
                            a.step("detection")
                                .assessor("model v2")
                                .annotation(
                                    "e1",
                                    "dent",
                                    Polygon.of(10.5, 20, 60, 20, 60, 50.25),
                                    0.92,
                                    AttributeValue.of("severity", Value.number(3), 0.8),
                                    AttributeValue.of(
                                        "material", Value.text("tile, red\nsecond line"), 0.5)))
                    .assessment(
                        "10",
                        AssessmentKind.HUMAN,
                        t,
                        a ->
                            a.step("review")
                                .assessor("Zoë")
                                .annotation(
                                    "e1",
                                    "dent",
                                    Polygon.of(11, 21, 61, 21, 61, 51),
                                    1.0,
                                    AttributeValue.of("severity", Value.number(-2.5)),
                                    AttributeValue.of("repairable", Value.bool(true)),
                                    AttributeValue.of(
                                        "colours", Value.choices(List.of("red", "grey, dark"))))
                                .fileLevel(
                                    "roof",
                                    null,
                                    AttributeValue.of("material", Value.text("=SUM(A1)")))))
        .file(
            "f-2",
            f ->
                f.externalId("x")
                    .fileName("garage.png")
                    .mediaType("image/png")
                    .dataSourceId("ds-drone")
                    .orderId("o-1")
                    .content(bytes("f-2"))
                    .assessment(
                        "a-3",
                        AssessmentKind.HUMAN,
                        t.plusSeconds(3600).plusNanos(123_000),
                        a -> {}))
        .file(
            "f-3",
            f -> f.externalId("y").fileName("shed.jpg").dataSourceId("ds-field").orderId("o-2"))
        .file(
            "f-4",
            f ->
                f.externalId("z")
                    .fileName("barn.jpg")
                    .dataSourceId("ds-drone")
                    .content(bytes("f-4"))
                    .assessment(
                        "a-4",
                        AssessmentKind.MACHINE,
                        t.minusSeconds(60),
                        a ->
                            a.annotation("two", "odd", Polygon.of(1, 1, 2, 2), null)
                                .annotation(
                                    "nan", null, Polygon.of(1, 1, Double.NaN, 2, 3, 3), 0.5))
                    .assessment(
                        "a-5", AssessmentKind.HUMAN, t, a -> a.fileLevel("only", "label only")))
        .file(
            "f-5",
            f ->
                f.externalId("")
                    .fileName("")
                    .dataSourceId("ds-field")
                    .orderId("o-2")
                    .content(new byte[0]))
        .workflow(OTHER_WORKFLOW, "Other")
        .dataSource("ds-other", "Elsewhere")
        .file(
            "g-1",
            f ->
                f.externalId("other")
                    .fileName("o.jpg")
                    .content(bytes("g-1"))
                    .assessment("b-1", AssessmentKind.HUMAN, t, a -> a.fileLevel("e", "x")))
        .build();
  }

  /**
   * Returns a generated fixture of many files, to check that results stream.
   *
   * @param files how many files
   * @return the fixture
   * @since 0.2
   */
  public static InMemoryRepository large(int files) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow(
                LARGE_WORKFLOW,
                "Large",
                AttributeDefinition.of("severity", AttributeType.NUMBER),
                AttributeDefinition.of("note", AttributeType.TEXT))
            .dataSource("ds", "Source");
    for (int i = 0; i < files; i++) {
      int n = i;
      b.file(
          String.format(Locale.ROOT, "file-%08d", i),
          f ->
              f.externalId("ext-" + n)
                  .fileName("IMG_" + n + ".jpg")
                  .assessment(
                      "a-" + n,
                      AssessmentKind.MACHINE,
                      t.plusSeconds(n),
                      a -> {
                        for (int e = 0; e < 4; e++) {
                          a.annotation(
                              "e" + e,
                              "label " + e,
                              Polygon.of(n, e, n + 10.5, e, n + 10.5, e + 20.25, n, e + 20),
                              0.5,
                              AttributeValue.of("severity", Value.number(e)),
                              AttributeValue.of(
                                  "note",
                                  Value.text(
                                      "note " + n + " of entity " + e + ", with some text")));
                        }
                      }));
    }
    return b.build();
  }

  /**
   * Returns a fixture of one file of {@value #LARGE_CONTENT_BYTES} bytes of pseudo-random content
   * (seeded, so the same on every run), to check that content streams in chunks.
   *
   * @return the fixture
   * @since 0.2
   */
  public static InMemoryRepository largeContent() {
    byte[] content = new byte[LARGE_CONTENT_BYTES];
    new java.util.Random(20251119).nextBytes(content);
    return InMemoryRepository.builder()
        .workflow(LARGE_CONTENT_WORKFLOW, "Large content")
        .dataSource("ds", "Source")
        .file(
            "big",
            f -> f.externalId("big").fileName("big.tif").mediaType("image/tiff").content(content))
        .build();
  }

  private static byte[] bytes(String id) {
    return ("content of " + id + " ").repeat(50).getBytes(StandardCharsets.UTF_8);
  }
}
