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
package dev.assessment.export.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.spi.Polygon;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {

  @ParameterizedTest
  @CsvSource({
    "3, 3",
    "-2.5, -2.5",
    "0.1, 0.1",
    "1e20, 100000000000000000000",
    "1.5e-7, 0.00000015",
    "123456789012345.5, 123456789012345.5",
    "1e15, 1000000000000000",
  })
  void number_plainDecimal(double value, String expected) {
    assertEquals(expected, Cells.number(value));
  }

  @Test
  void number_nonFinite() {
    assertThrows(IllegalArgumentException.class, () -> Cells.number(Double.NaN));
  }

  @Test
  void instant_isoUtc() {
    assertEquals("2025-11-19T08:00:00Z", Cells.instant(Instant.parse("2025-11-19T08:00:00Z")));
    assertEquals(
        "2025-11-19T08:00:00.250Z", Cells.instant(Instant.parse("2025-11-19T08:00:00.25Z")));
  }

  @Test
  void polygon_wktClosesTheRing() {
    assertEquals(
        "POLYGON ((1 2, 3.5 4, 5 6, 1 2))",
        Cells.polygon(Polygon.of(1, 2, 3.5, 4, 5, 6), PolygonEncoding.WKT));
    assertEquals("POLYGON EMPTY", Cells.polygon(new Polygon(List.of()), PolygonEncoding.WKT));
  }

  @Test
  void polygon_jsonLeavesTheRingOpen() {
    assertEquals(
        "[[1,2],[3.5,4],[5,6]]",
        Cells.polygon(Polygon.of(1, 2, 3.5, 4, 5, 6), PolygonEncoding.JSON));
    assertEquals("[]", Cells.polygon(new Polygon(List.of()), PolygonEncoding.JSON));
  }

  @Test
  void choices_jsonArray() {
    assertEquals("[\"a\",\"b \\\"c\\\"\",\"\\n\"]", Cells.choices(List.of("a", "b \"c\"", "\n")));
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "=1+1|'=1+1",
        "+1|'+1",
        "-x|'-x",
        "@a|'@a",
        "'=x|''=x",
        "plain|plain",
        "'|'",
        "a=b|a=b"
      },
      delimiter = '|',
      quoteCharacter = '"')
  void neutralise_owaspPrefix(String text, String expected) {
    assertEquals(expected, Cells.neutralise(text));
    assertEquals(text, Cells.unneutralise(expected));
  }

  @Test
  void neutralise_tabAndCarriageReturn() {
    assertEquals("'\tx", Cells.neutralise("\tx"));
    assertEquals("'\rx", Cells.neutralise("\rx"));
  }
}
