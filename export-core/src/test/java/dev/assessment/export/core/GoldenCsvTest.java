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
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assessment.export.testing.Fixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The two CSV layouts of {@link Fixtures#golden()} against files written by hand, and parsed back
 * field by field with Commons CSV's parser.
 */
class GoldenCsvTest {
  private final Exporter exporter = Fixtures.exporter(Fixtures.golden());

  @Test
  void attributeValues_matchesGoldenFile() throws Exception {
    byte[] actual =
        Fixtures.export(
            exporter, ExportRequest.builder("wf-1").layout(CsvLayouts.ATTRIBUTE_VALUES).build());
    assertEquals(
        new String(Fixtures.resource("golden-attribute-values.csv"), StandardCharsets.UTF_8),
        new String(actual, StandardCharsets.UTF_8));
  }

  @Test
  void annotations_matchesGoldenFile() throws Exception {
    byte[] actual =
        Fixtures.export(
            exporter, ExportRequest.builder("wf-1").layout(CsvLayouts.ANNOTATIONS).build());
    assertArrayEquals(Fixtures.resource("golden-annotations.csv"), actual);
  }

  @Test
  void attributeValues_parsesBackFieldByField() throws Exception {
    List<CSVRecord> rows = parse(CsvLayouts.ATTRIBUTE_VALUES);
    assertEquals(11, rows.size());
    assertEquals(
        List.of(
            "wf-1",
            "Hail damage",
            "o-1",
            "8492192",
            "ds-1",
            "Field app",
            "f-1",
            "000003112442",
            "roof.jpg",
            "a-1",
            "machine",
            "detection",
            "model v2",
            "2025-11-19T08:00:00Z",
            "e-1",
            "dent",
            "location",
            "POLYGON ((10 20, 60 20, 60 50, 10 20))",
            "0.92"),
        rows.get(1).toList());
    assertEquals(
        List.of("e-1", "dent", "label (attribute)", "'=SUM(A1)", ""), tail(rows.get(6), 5));
    assertEquals(List.of("e-1", "dent", "colours", "[\"red\",\"grey\"]", ""), tail(rows.get(7), 5));
    assertEquals(List.of("e-2", "", "material", "slate\nroof", ""), tail(rows.get(9), 5));
    assertEquals(
        List.of("a-3", "human", "", "", "2025-11-19T10:00:00Z", "", "", "", "", ""),
        tail(rows.get(10), 10));
  }

  @Test
  void annotations_parsesBackFieldByField() throws Exception {
    List<CSVRecord> rows = parse(CsvLayouts.ANNOTATIONS);
    assertEquals(5, rows.size());
    assertEquals(
        List.of(
            "location",
            "confidence",
            "severity",
            "material",
            "label (attribute)",
            "colours",
            "repairable"),
        tail(rows.get(0), 7));
    assertEquals(
        List.of(
            "POLYGON ((10.5 20, 60 20, 60 50.25, 10.5 20))",
            "1",
            "-2.5",
            "",
            "'=SUM(A1)",
            "[\"red\",\"grey\"]",
            "true"),
        tail(rows.get(2), 7));
    assertEquals(List.of("e-2", "", "", "", "", "slate\nroof", "", "", ""), tail(rows.get(3), 9));
  }

  private List<CSVRecord> parse(Layout layout) throws Exception {
    byte[] bytes = Fixtures.export(exporter, ExportRequest.builder("wf-1").layout(layout).build());
    try (var parser =
        CSVFormat.RFC4180.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      return parser.getRecords();
    }
  }

  private static List<String> tail(CSVRecord r, int n) {
    List<String> all = r.toList();
    return all.subList(all.size() - n, all.size());
  }
}
