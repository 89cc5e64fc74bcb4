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

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit catches what it is for: a repository that materialises fails the large-result test. */
class MaterialisingRepositoryTest {

  private static String copy(String s) {
    return s == null ? null : String.valueOf(s.toCharArray());
  }

  /** A deep copy, as a repository that maps every row into records up front would hold. */
  private static AssessedFile copy(AssessedFile f) {
    MediaFile m = f.file();
    return new AssessedFile(
        new MediaFile(
            copy(m.id()),
            copy(m.workflowId()),
            copy(m.externalId()),
            copy(m.fileName()),
            copy(m.mediaType()),
            copy(m.dataSourceId()),
            copy(m.orderId())),
        f.assessments().stream()
            .map(
                a ->
                    new Assessment(
                        copy(a.id()),
                        a.kind(),
                        copy(a.step()),
                        copy(a.assessor()),
                        a.assessedAt(),
                        a.entities().stream()
                            .map(
                                e ->
                                    new Entity(
                                        copy(e.id()),
                                        copy(e.label()),
                                        e.location() == null
                                            ? null
                                            : new Polygon(
                                                e.location().points().stream()
                                                    .map(p -> new Polygon.Point(p.x(), p.y()))
                                                    .toList()),
                                        e.locationConfidence(),
                                        e.attributes().stream()
                                            .map(
                                                v ->
                                                    new AttributeValue(
                                                        copy(v.name()),
                                                        v.value() instanceof Value.Text t
                                                            ? Value.text(copy(t.text()))
                                                            : v.value(),
                                                        v.confidence()))
                                            .toList()))
                            .toList()))
            .toList());
  }

  /**
   * Loads the fixture into storage of its own (deep copies) and lets the fixture go, then copies
   * every file of a query into fresh records before returning the stream, and reads content whole
   * when it is opened.
   */
  static final class Materialising extends RepositoryContract {
    @Override
    protected RepositoryUnderTest load(InMemoryRepository fixture) throws Exception {
      List<AssessedFile> storage = new java.util.ArrayList<>();
      java.util.Map<String, byte[]> content = new java.util.HashMap<>();
      for (dev.assessment.export.spi.Workflow w : fixture.workflows()) {
        for (AssessedFile f : fixture.contents(w.id())) {
          storage.add(copy(f));
          if (fixture.hasContent(f.file().id())) {
            try (java.io.InputStream in = fixture.open(f.file())) {
              content.put(f.file().id(), in.readAllBytes());
            }
          }
        }
      }
      AssessmentRepository copying =
          new AssessmentRepository() {
            @Override
            public Stream<AssessedFile> assessedFiles(FileQuery query) {
              return storage.stream()
                  .filter(f -> query.selects(f.file()))
                  .map(MaterialisingRepositoryTest::copy)
                  .toList()
                  .stream();
            }

            @Override
            public Stream<MediaFile> files(FileQuery query) {
              return storage.stream().map(AssessedFile::file).filter(query::selects);
            }
          };
      dev.assessment.export.spi.MediaRepository whole =
          file -> {
            byte[] bytes = content.get(file.id());
            if (bytes == null) {
              throw new dev.assessment.export.spi.MediaNotFoundException(
                  "no content for " + file.id());
            }
            return new java.io.ByteArrayInputStream(bytes.clone());
          };
      return new RepositoryUnderTest(fixture, copying, whole, () -> {});
    }
  }

  @Test
  void largeResultsStream_failsForAMaterialisingRepositoryLoadedFromAReleasedFixture() {
    Materialising contract = new Materialising();
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, contract::assessedFiles_largeResultsStream);
    assertTrue(
        e.getMessage().contains("read the whole result before returning it"), e.getMessage());
  }

  @Test
  void largeContent_failsForARepositoryThatReadsContentWhole() {
    Materialising contract = new Materialising();
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, contract::media_largeContentStreamsInChunks);
    assertTrue(e.getMessage().contains("the content seems to be read whole"), e.getMessage());
  }

  @Test
  void theRestOfTheContract_passesForTheMaterialisingRepository() throws Exception {
    Materialising contract = new Materialising();
    contract.media_concurrentOpensOfDifferentFiles();
    contract.media_contentMatchesAndMissingIsNotFound();
    contract.files_sameStableOrderAsAssessedFiles();
  }
}
