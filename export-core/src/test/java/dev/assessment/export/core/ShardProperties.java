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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testing.Fixtures;
import dev.assessment.export.testing.Models;
import dev.assessment.export.testing.Models.Model;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Shards partition the files, and merging their CSV parts gives the whole export's bytes. */
class ShardProperties {
  private static final long SEED = 20251119L;

  /** The request's scope and layout. */
  record Shape(AssessmentScope scope, boolean wide) {}

  static Gen<Shape> shapes() {
    return Generate.enumValues(AssessmentScope.class).zip(booleans().all(), Shape::new);
  }

  @Test
  void mergedCsvParts_equalTheWholeExport() {
    qt().withFixedSeed(SEED)
        .withExamples(80)
        .forAll(Models.models(true, false), integers().between(1, 16), booleans().all(), shapes())
        .checkAssert(
            (model, n, bom, shape) ->
                assertDoesNotThrow(
                    () ->
                        mergedCsvParts_equalTheWholeExportCheck(
                            model, n, bom, shape.scope(), shape.wide())));
  }

  private static void mergedCsvParts_equalTheWholeExportCheck(
      Model model, int n, boolean bom, AssessmentScope scope, boolean wide) throws Exception {
    InMemoryRepository repo = model.repository();
    Exporter exporter = Fixtures.exporter(repo);
    ExportRequest whole =
        ExportRequest.builder(model.workflow().id())
            .bom(bom)
            .scope(scope)
            .layout(wide ? CsvLayouts.ANNOTATIONS : CsvLayouts.ATTRIBUTE_VALUES)
            .build();
    byte[] expected = Fixtures.export(exporter, whole);
    Path dir = Files.createTempDirectory("parts");
    try {
      List<Path> parts = new ArrayList<>();
      long files = 0;
      for (int i = n - 1; i >= 0; i--) {
        Path part = dir.resolve("part-" + i + ".csv");
        files +=
            exporter.export(whole.toBuilder().shard(i, n).build(), ExportSink.of(part)).files();
        parts.add(part);
      }
      ByteArrayOutputStream merged = new ByteArrayOutputStream();
      Parts.mergeCsv(parts, merged);
      assertArrayEquals(expected, merged.toByteArray());
      assertEquals(
          exporter.export(whole, ExportSink.of(new ByteArrayOutputStream())).files(), files);
    } finally {
      delete(dir);
    }
    assertEquals(0, repo.openStreams());
  }

  @Test
  void shards_partitionTheFilesInOrder() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(Models.models(true, false), integers().between(1, 16))
        .checkAssert(
            (model, n) -> assertDoesNotThrow(() -> shards_partitionTheFilesInOrderCheck(model, n)));
  }

  private static void shards_partitionTheFilesInOrderCheck(Model model, int n) throws Exception {
    List<String> all = model.files().stream().map(f -> f.file().id()).toList();
    List<String> joined = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Shard s = new Shard(i, n);
      joined.addAll(all.subList((int) s.from(all.size()), (int) s.to(all.size())));
    }
    assertEquals(all, joined);
    Set<String> seen = new HashSet<>(joined);
    assertEquals(all.size(), seen.size());
  }

  @Test
  void merge_refusesAnotherRequestsPart(@TempDir Path dir) throws Exception {
    InMemoryRepository repo = Fixtures.golden();
    Exporter exporter = Fixtures.exporter(repo);
    Path a = part(exporter, dir, ExportRequest.builder("wf-1").shard(0, 2).build(), "a");
    Path b = part(exporter, dir, ExportRequest.builder("wf-1").bom(true).shard(1, 2).build(), "b");
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> Parts.mergeCsv(List.of(a, b), new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("does not belong with"), e.getMessage());
    assertTrue(
        e.getMessage().contains(b.toString()) || e.getMessage().contains(a.toString()),
        e.getMessage());
  }

  @Test
  void merge_refusesAMissingShard(@TempDir Path dir) throws Exception {
    Exporter exporter = Fixtures.exporter(Fixtures.golden());
    Path a = part(exporter, dir, ExportRequest.builder("wf-1").shard(0, 3).build(), "a");
    Path c = part(exporter, dir, ExportRequest.builder("wf-1").shard(2, 3).build(), "c");
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> Parts.mergeCsv(List.of(a, c), new ByteArrayOutputStream()));
    assertEquals(
        "shard(s) [1] of 3 are missing: export them with shard(index, 3) and merge every part",
        e.getMessage());
  }

  @Test
  void merge_refusesADuplicatedShard(@TempDir Path dir) throws Exception {
    Exporter exporter = Fixtures.exporter(Fixtures.golden());
    Path a = part(exporter, dir, ExportRequest.builder("wf-1").shard(0, 2).build(), "a");
    Path b = part(exporter, dir, ExportRequest.builder("wf-1").shard(0, 2).build(), "b");
    ExportException e =
        assertThrows(
            ExportException.class,
            () -> Parts.mergeCsv(List.of(a, b), new ByteArrayOutputStream()));
    assertTrue(
        e.getMessage().startsWith("parts " + a + " and " + b + " are both shard 0 of 2"),
        e.getMessage());
  }

  @Test
  void merge_refusesAWholeExport(@TempDir Path dir) throws Exception {
    Exporter exporter = Fixtures.exporter(Fixtures.golden());
    Path a = part(exporter, dir, ExportRequest.builder("wf-1").build(), "a");
    ExportException e =
        assertThrows(
            ExportException.class, () -> Parts.mergeCsv(List.of(a), new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("is not a part of a sharded export"), e.getMessage());
  }

  @Test
  void shard_badIndex() {
    assertThrows(IllegalArgumentException.class, () -> ExportRequest.builder("wf").shard(2, 2));
    assertThrows(IllegalArgumentException.class, () -> ExportRequest.builder("wf").shard(0, 0));
  }

  @Test
  void shard_totalCountedWhenTheRepositoryCannotCount() throws Exception {
    InMemoryRepository repo = Fixtures.golden();
    dev.assessment.export.spi.AssessmentRepository uncounted =
        new dev.assessment.export.spi.AssessmentRepository() {
          @Override
          public Stream<AssessedFile> assessedFiles(FileQuery query) {
            return repo.assessedFiles(query);
          }

          @Override
          public Stream<MediaFile> files(FileQuery query) {
            return repo.files(query);
          }
        };
    Exporter exporter = Exporter.builder().workflows(repo).assessments(uncounted).build();
    ExportResult r =
        exporter.export(
            ExportRequest.builder("wf-1").shard(0, 3).build(),
            ExportSink.of(new ByteArrayOutputStream()));
    assertEquals(1, r.files(), "the first of three shards of three files holds f-1");
    assertEquals(0, repo.openStreams());
  }

  private static Path part(Exporter exporter, Path dir, ExportRequest request, String name)
      throws Exception {
    Path p = dir.resolve(name);
    exporter.export(request, ExportSink.of(p));
    return p;
  }

  static void delete(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
