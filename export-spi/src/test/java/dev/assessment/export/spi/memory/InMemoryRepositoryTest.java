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
package dev.assessment.export.spi.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InMemoryRepositoryTest {
  private static final byte[] JPEG_BYTES = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

  /** The README's example, verbatim: it must compile and describe what it says. */
  static InMemoryRepository readmeExample(byte[] jpegBytes) {
    // README:start
    InMemoryRepository repository =
        InMemoryRepository.builder()
            .workflow(
                "wf-1", "Hail damage", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds-1", "Field app")
            .order("o-1", "8492192")
            .file(
                "f-1",
                file ->
                    file.externalId("000003112442")
                        .fileName("roof.jpg")
                        .mediaType("image/jpeg")
                        .dataSourceId("ds-1")
                        .orderId("o-1")
                        .content(jpegBytes)
                        .assessment(
                            "a-1",
                            AssessmentKind.HUMAN,
                            Instant.parse("2025-11-19T08:00:00Z"),
                            assessment ->
                                assessment
                                    .assessor("ana")
                                    .annotation(
                                        "e-1",
                                        "dent",
                                        Polygon.of(10, 10, 60, 10, 60, 40),
                                        0.9,
                                        AttributeValue.of("severity", Value.number(2), 0.7))))
            .build();
    // README:end
    return repository;
  }

  @Test
  void readme_showsTheCompiledExample() throws Exception {
    String source =
        java.nio.file.Files.readString(
            java.nio.file.Path.of(
                "src/test/java/dev/assessment/export/spi/memory/InMemoryRepositoryTest.java"));
    String snippet =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("    // README:end"));
    StringBuilder unindented = new StringBuilder();
    for (String line : snippet.split("\n")) {
      unindented.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
    }
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    assertTrue(readme.contains(unindented), "README.md must show:\n" + unindented);
  }

  @Test
  void builder_readmeExample() throws Exception {
    InMemoryRepository repository = readmeExample(JPEG_BYTES);
    List<AssessedFile> files = repository.contents("wf-1");
    assertEquals(1, files.size());
    MediaFile file = files.get(0).file();
    assertEquals("000003112442", file.externalId());
    assertEquals("o-1", file.orderId());
    assertEquals("ana", files.get(0).assessments().get(0).assessor());
    assertEquals(
        Value.number(2),
        files.get(0).assessments().get(0).entities().get(0).attributes().get(0).value());
    try (InputStream in = repository.open(file)) {
      assertArrayEquals(JPEG_BYTES, in.readAllBytes());
    }
    assertEquals(0, repository.openStreams());
  }

  @Test
  void builder_unknownDataSource() {
    InMemoryRepository.Builder b = InMemoryRepository.builder().workflow("wf", "w");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> b.file("f", f -> f.dataSourceId("nope")));
    assertTrue(e.getMessage().contains("data source nope"), e.getMessage());
  }

  @Test
  void builder_fileWithoutWorkflow() {
    assertThrows(
        IllegalStateException.class, () -> InMemoryRepository.builder().dataSource("ds", "d"));
  }

  @Test
  void builder_duplicateFile() {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d").file("f", f -> {});
    assertThrows(IllegalStateException.class, () -> b.file("f", f -> {}));
  }

  @Test
  void open_missingContent() {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file("f", f -> {})
            .build();
    MediaFile file = repo.contents("wf").get(0).file();
    MediaNotFoundException e = assertThrows(MediaNotFoundException.class, () -> repo.open(file));
    assertTrue(e.getMessage().contains("file f"), e.getMessage());
  }

  @Test
  void assessedFiles_streamClosedOnEarlyTermination() {
    InMemoryRepository repo = threeFiles();
    try (Stream<AssessedFile> s = repo.assessedFiles(FileQuery.all("wf"))) {
      assertEquals("f1", s.findFirst().orElseThrow().file().id());
      assertEquals(1, repo.openStreams());
    }
    assertEquals(0, repo.openStreams());
    assertEquals(1, repo.streamsOpened());
  }

  @Test
  void assessedFiles_unclosedStreamIsCounted() {
    InMemoryRepository repo = threeFiles();
    Stream<MediaFile> s = repo.files(FileQuery.all("wf"));
    assertEquals(3, s.count());
    assertEquals(1, repo.openStreams());
  }

  @Test
  void assessedFiles_latestKeepsTheMostRecent() {
    InMemoryRepository repo = threeFiles();
    try (Stream<AssessedFile> s =
        repo.assessedFiles(FileQuery.builder("wf").scope(AssessmentScope.LATEST).build())) {
      AssessedFile f1 = s.findFirst().orElseThrow();
      assertEquals(1, f1.assessments().size());
      assertEquals("10", f1.assessments().get(0).id());
    }
  }

  @Test
  void workflowMetadata_unknownIdIsEmpty() {
    InMemoryRepository repo = threeFiles();
    assertTrue(repo.workflow("nope").isEmpty());
    assertTrue(repo.orders("nope").isEmpty());
    assertTrue(repo.dataSources("nope").isEmpty());
    assertEquals(2, repo.dataSources("wf").size());
  }

  private static InMemoryRepository threeFiles() {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return InMemoryRepository.builder()
        .workflow("wf", "w")
        .dataSource("ds1", "one")
        .dataSource("ds2", "two")
        .order("o1", "order")
        .file(
            "f1",
            f ->
                f.dataSourceId("ds1")
                    .orderId("o1")
                    .assessment("10", AssessmentKind.HUMAN, t, a -> {})
                    .assessment("9", AssessmentKind.MACHINE, t, a -> {}))
        .file("f2", f -> f.dataSourceId("ds2"))
        .file("f3", f -> f.dataSourceId("ds1"))
        .build();
  }
}
