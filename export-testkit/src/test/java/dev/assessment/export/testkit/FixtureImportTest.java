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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importer docs/spi.md shows: how a host walks the kit's fixture into its own storage. */
class FixtureImportTest {

  /** What a host's own storage offers to write with (its DAO, its SQL). */
  interface HostStorage {
    void insertWorkflow(Workflow workflow) throws Exception;

    void insertOrder(WorkflowOrder order) throws Exception;

    void insertDataSource(DataSource source) throws Exception;

    void insertFile(MediaFile file, byte[] content) throws Exception;

    void insertAssessment(String fileId, Assessment assessment) throws Exception;
  }

  // spi.md:start
  static void importFixture(InMemoryRepository fixture, HostStorage storage) throws Exception {
    for (Workflow workflow : fixture.workflows()) {
      storage.insertWorkflow(workflow);
      for (WorkflowOrder order : fixture.orders(workflow.id())) {
        storage.insertOrder(order);
      }
      for (DataSource source : fixture.dataSources(workflow.id())) {
        storage.insertDataSource(source);
      }
      for (AssessedFile file : fixture.contents(workflow.id())) {
        byte[] content = null; // no content: open(…) must throw MediaNotFoundException
        if (fixture.hasContent(file.file().id())) {
          try (InputStream in = fixture.open(file.file())) {
            content = in.readAllBytes(); // may be empty: empty content is not missing content
          }
        }
        storage.insertFile(file.file(), content);
        for (Assessment assessment : file.assessments()) {
          storage.insertAssessment(file.file().id(), assessment);
        }
      }
    }
  }

  // spi.md:end

  @Test
  void importFixture_visitsEverythingTheContractChecks() throws Exception {
    List<String> seen = new ArrayList<>();
    importFixture(
        ContractFixtures.standard(),
        new HostStorage() {
          @Override
          public void insertWorkflow(Workflow workflow) {
            seen.add("workflow " + workflow.id());
          }

          @Override
          public void insertOrder(WorkflowOrder order) {
            seen.add("order " + order.id());
          }

          @Override
          public void insertDataSource(DataSource source) {
            seen.add("data source " + source.id());
          }

          @Override
          public void insertFile(MediaFile file, byte[] content) {
            seen.add(
                "file "
                    + file.id()
                    + (content == null ? " without content" : " " + content.length));
          }

          @Override
          public void insertAssessment(String fileId, Assessment assessment) {
            seen.add("assessment " + fileId + "/" + assessment.id());
          }
        });
    assertEquals(2, seen.stream().filter(s -> s.startsWith("workflow")).count());
    assertTrue(seen.contains("file f-3 without content"), seen.toString());
    assertTrue(seen.contains("file f-5 0"), seen.toString());
    assertTrue(
        seen.contains("assessment f-1/9") && seen.contains("assessment f-1/10"), seen.toString());
  }

  @Test
  void spiGuide_showsTheImporter() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/assessment/export/testkit/FixtureImportTest.java"),
            StandardCharsets.UTF_8);
    String snippet =
        source.substring(
            source.indexOf("// spi.md:start\n") + "// spi.md:start\n".length(),
            source.indexOf("  // spi.md:end"));
    StringBuilder unindented = new StringBuilder();
    for (String line : snippet.split("\n")) {
      unindented.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
    }
    String guide = Files.readString(Path.of("../docs/spi.md"), StandardCharsets.UTF_8);
    assertTrue(guide.contains(unindented), "docs/spi.md must show:\n" + unindented);
  }
}
