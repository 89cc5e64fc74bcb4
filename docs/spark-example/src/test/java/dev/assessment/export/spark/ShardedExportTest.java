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
package dev.assessment.export.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportSink;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.WorkflowRepository;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spark in local mode, two executor threads: the merged outputs equal one-machine exports. */
class ShardedExportTest {
  private static JavaSparkContext spark;

  /** A seeded workflow, built the same on every executor. */
  static final class Generated implements RepositoryFactory {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public <R extends WorkflowRepository & AssessmentRepository & MediaRepository> R repository() {
      return (R) workflow(1234, 300);
    }
  }

  static InMemoryRepository workflow(long seed, int files) {
    Random r = new Random(seed);
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Roof", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds-1", "Field")
            .dataSource("ds-2", "Drone")
            .order("o-1", "8492192");
    Instant t = Instant.parse("2025-11-19T08:00:00Z");
    for (int i = 0; i < files; i++) {
      int n = i;
      String ext = "E" + r.nextInt(40);
      b.file(
          "f" + i,
          f ->
              f.externalId(ext)
                  .fileName("p" + n + ".jpg")
                  .dataSourceId(n % 3 == 0 ? "ds-2" : "ds-1")
                  .orderId(n % 2 == 0 ? "o-1" : null)
                  .content(("photo " + n).repeat(20).getBytes(StandardCharsets.UTF_8))
                  .assessment(
                      "a" + n,
                      AssessmentKind.MACHINE,
                      t.plusSeconds(n),
                      a ->
                          a.annotation(
                              "e1",
                              "dent",
                              Polygon.of(n, 1, n + 10.5, 1, n + 10.5, 20.25),
                              0.75,
                              AttributeValue.of("severity", Value.number(n % 5), 0.5))));
    }
    return b.build();
  }

  @BeforeAll
  static void start() {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("assessment-export-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    spark = new JavaSparkContext(conf);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"attribute-values", "annotations", "files"})
  void mergedExport_equalsTheOneMachineExport(String layout, @TempDir Path dir) throws Exception {
    RequestSpec spec = new RequestSpec("wf", layout, AssessmentScope.ALL, null, null);
    Path merged = dir.resolve("merged");
    int shards = ShardedExport.run(spark, new Generated(), spec, 40, dir.resolve("shared"), merged);
    assertEquals(8, shards, "300 files in shards of at most 40");
    Path whole = dir.resolve("whole");
    new Generated().exporter().export(spec.request(-1, 1), ExportSink.of(whole));
    assertEquals(-1L, Files.mismatch(whole, merged), "byte for byte");
    assertTrue(Files.size(merged) > 1000);
    try (var left = Files.list(dir.resolve("shared"))) {
      assertEquals(0, left.count(), "parts are removed after the merge");
    }
  }
}
