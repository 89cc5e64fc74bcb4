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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.assessment.export.core.internal.Cells;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testing.Fixtures;
import dev.assessment.export.testing.Models;
import dev.assessment.export.testing.Models.Model;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The invariants of the CSV layouts, on generated workflows. */
class ExportProperties {
  private static final long SEED = 20251119L;

  /** A request's filters and shape, as the filter property varies them. */
  record Filters(AssessmentScope scope, boolean wide, int sourceIndex, int orderIndex) {}

  static Gen<Filters> filters() {
    return Generate.enumValues(AssessmentScope.class)
        .zip(booleans().all(), integers().between(0, 3), integers().between(0, 3), Filters::new);
  }

  @Test
  void wideRows_areRebuiltFromLongRows() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(Models.models(true, true), Generate.enumValues(AssessmentScope.class))
        .checkAssert(
            (model, scope) ->
                assertDoesNotThrow(() -> wideRows_areRebuiltFromLongRowsCheck(model, scope)));
  }

  private static void wideRows_areRebuiltFromLongRowsCheck(Model model, AssessmentScope scope)
      throws Exception {
    Exporter exporter = Fixtures.exporter(model.repository());
    ExportRequest.Builder request = ExportRequest.builder(model.workflow().id()).scope(scope);
    List<CSVRecord> longRows =
        parse(Fixtures.export(exporter, request.layout(CsvLayouts.ATTRIBUTE_VALUES).build()));
    List<CSVRecord> wideRows =
        parse(Fixtures.export(exporter, request.layout(CsvLayouts.ANNOTATIONS).build()));
    List<String> header = wideRows.get(0).toList();
    List<List<String>> rebuilt = new ArrayList<>();
    List<String> current = null;
    String key = null;
    for (CSVRecord r : longRows.subList(1, longRows.size())) {
      List<String> cells = r.toList();
      String k = cells.get(6) + "\u0000" + cells.get(9) + "\u0000" + cells.get(14);
      if (!k.equals(key)) {
        key = k;
        current = new ArrayList<>(cells.subList(0, 16));
        while (current.size() < header.size()) {
          current.add("");
        }
        rebuilt.add(current);
      }
      String attribute = cells.get(16);
      if (attribute.equals("location")) {
        current.set(16, cells.get(17));
        current.set(17, cells.get(18));
      } else if (!attribute.isEmpty()) {
        int column = header.subList(18, header.size()).indexOf(attribute);
        if (column >= 0) {
          current.set(18 + column, cells.get(17));
        }
      }
    }
    List<List<String>> wide =
        wideRows.subList(1, wideRows.size()).stream().map(CSVRecord::toList).toList();
    assertEquals(rebuilt, wide);
  }

  @Test
  void export_sameRequestSameBytesAlsoFromTwoThreads() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(Models.models(true, true), booleans().all())
        .checkAssert(
            (model, wide) ->
                assertDoesNotThrow(
                    () -> export_sameRequestSameBytesAlsoFromTwoThreadsCheck(model, wide)));
  }

  private static void export_sameRequestSameBytesAlsoFromTwoThreadsCheck(Model model, boolean wide)
      throws Exception {
    Layout layout = wide ? CsvLayouts.ANNOTATIONS : CsvLayouts.ATTRIBUTE_VALUES;
    Exporter exporter = Fixtures.exporter(model.repository());
    ExportRequest request = ExportRequest.builder(model.workflow().id()).layout(layout).build();
    byte[] first = Fixtures.export(exporter, request);
    CompletableFuture<byte[]> a =
        CompletableFuture.supplyAsync(() -> exportUnchecked(exporter, request));
    CompletableFuture<byte[]> b =
        CompletableFuture.supplyAsync(() -> exportUnchecked(exporter, request));
    assertArrayEquals(first, a.get());
    assertArrayEquals(first, b.get());
    assertArrayEquals(first, Fixtures.export(Fixtures.exporter(model.repository()), request));
  }

  @Test
  void export_filtersAreReappliedOverANaiveRepository() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(Models.models(true, true), filters())
        .checkAssert(
            (model, f) ->
                assertDoesNotThrow(
                    () ->
                        export_filtersAreReappliedOverANaiveRepositoryCheck(
                            model, f.scope(), f.wide(), f.sourceIndex(), f.orderIndex())));
  }

  private static void export_filtersAreReappliedOverANaiveRepositoryCheck(
      Model model, AssessmentScope scope, boolean wide, int sourceIndex, int orderIndex)
      throws Exception {
    Layout layout = wide ? CsvLayouts.ANNOTATIONS : CsvLayouts.ATTRIBUTE_VALUES;
    String source =
        sourceIndex < model.dataSources().size() ? model.dataSources().get(sourceIndex).id() : null;
    String order = orderIndex < model.orders().size() ? model.orders().get(orderIndex).id() : null;
    InMemoryRepository filtering = model.repository();
    Naive naive = new Naive(filtering);
    ExportRequest request =
        ExportRequest.builder(model.workflow().id())
            .layout(layout)
            .scope(scope)
            .dataSourceId(source)
            .orderId(order)
            .build();
    byte[] expected = Fixtures.export(Fixtures.exporter(filtering), request);
    byte[] actual =
        Fixtures.export(
            Exporter.builder().workflows(filtering).assessments(naive).build(), request);
    assertArrayEquals(expected, actual);
    // And the files in it are exactly those a plain filter selects.
    Set<String> expectedFiles = new HashSet<>();
    for (AssessedFile f : model.files()) {
      if (!f.assessments().isEmpty()
          && (source == null || source.equals(f.file().dataSourceId()))
          && (order == null || order.equals(f.file().orderId()))) {
        expectedFiles.add(f.file().id());
      }
    }
    Set<String> exported = new HashSet<>();
    List<CSVRecord> rows = parse(actual);
    rows.subList(1, rows.size()).forEach(r -> exported.add(Cells.unneutralise(r.get(6))));
    assertEquals(expectedFiles, exported);
  }

  @Test
  void latest_picksWhatANaiveMaxPicks() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(
            lists()
                .of(lists().of(integers().between(0, 3 * 25 - 1)).ofSizeBetween(0, 5))
                .ofSizeBetween(0, 8))
        .checkAssert(files -> assertDoesNotThrow(() -> latest_picksWhatANaiveMaxPicksCheck(files)));
  }

  private static void latest_picksWhatANaiveMaxPicksCheck(List<List<Integer>> files)
      throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      List<Integer> codes = files.get(i);
      String fileId = "f" + i;
      List<Assessment> assessments = new ArrayList<>();
      Set<Integer> ids = new HashSet<>();
      int bestTime = -1;
      int bestId = -1;
      for (int code : codes) {
        int time = code % 3;
        int id = code / 3;
        if (!ids.add(id)) {
          continue;
        }
        assessments.add(
            new Assessment(
                Integer.toString(id),
                AssessmentKind.HUMAN,
                null,
                null,
                Instant.EPOCH.plusSeconds(time),
                List.of()));
        if (time > bestTime || (time == bestTime && id > bestId)) {
          bestTime = time;
          bestId = id;
        }
      }
      b.file(new MediaFile(fileId, "wf", "", "", null, "ds", null), assessments);
      if (bestId >= 0) {
        expected.put(fileId, Integer.toString(bestId));
      }
    }
    byte[] csv =
        Fixtures.export(
            Fixtures.exporter(b.build()),
            ExportRequest.builder("wf").scope(AssessmentScope.LATEST).build());
    Map<String, String> actual = new LinkedHashMap<>();
    List<CSVRecord> rows = parse(csv);
    for (CSVRecord r : rows.subList(1, rows.size())) {
      assertEquals(null, actual.put(r.get(6), r.get(9)), "one assessment per file");
    }
    assertEquals(expected, actual);
  }

  @Test
  void text_survivesOrIsNeutralisedAsDocumented() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(Models.text(), booleans().all())
        .checkAssert(
            (text, neutralise) ->
                assertDoesNotThrow(
                    () -> text_survivesOrIsNeutralisedAsDocumentedCheck(text, neutralise)));
  }

  private static void text_survivesOrIsNeutralisedAsDocumentedCheck(String text, boolean neutralise)
      throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow(
                "wf",
                "w",
                AttributeDefinition.of("note", AttributeType.TEXT),
                AttributeDefinition.of("n", AttributeType.NUMBER))
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId(text)
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.EPOCH,
                            a ->
                                a.entity(
                                    Entity.fileLevel(
                                        "e",
                                        text,
                                        List.of(
                                            AttributeValue.of("note", Value.text(text)),
                                            AttributeValue.of("n", Value.number(-3.5)))))))
            .build();
    byte[] bytes =
        Fixtures.export(
            Fixtures.exporter(repo),
            ExportRequest.builder("wf").neutraliseFormulas(neutralise).build());
    List<CSVRecord> rows = parse(bytes);
    assertEquals(3, rows.size());
    String cell = rows.get(1).get(17);
    String expected = neutralise ? Cells.neutralise(text) : text;
    assertEquals(expected, cell);
    assertEquals(expected, rows.get(1).get(7));
    assertEquals(expected, rows.get(1).get(15));
    if (neutralise) {
      assertEquals(text, Cells.unneutralise(cell));
      assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
    }
    assertEquals("-3.5", rows.get(2).get(17), "numbers are never neutralised");
  }

  private static byte[] exportUnchecked(Exporter exporter, ExportRequest request) {
    try {
      return Fixtures.export(exporter, request);
    } catch (ExportException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    try (var parser =
        CSVFormat.RFC4180.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      List<CSVRecord> rows = parser.getRecords();
      assertTrue(rows.size() >= 1, "a header at least");
      return rows;
    }
  }

  /** A repository that ignores every filter and the scope, as the SPI allows. */
  private static final class Naive implements AssessmentRepository {
    private final InMemoryRepository inner;

    Naive(InMemoryRepository inner) {
      this.inner = inner;
    }

    @Override
    public Stream<AssessedFile> assessedFiles(FileQuery query) {
      return inner.assessedFiles(FileQuery.all(query.workflowId()));
    }

    @Override
    public Stream<MediaFile> files(FileQuery query) {
      return inner.files(FileQuery.all(query.workflowId()));
    }
  }
}
