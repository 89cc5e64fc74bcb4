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
package dev.assessment.export.bundle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assessment.export.spi.Polygon;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the exporter writes in a cell, a bundle reads back. The cells are written out by hand from
 * docs/formats.md (choices as a JSON array of strings, locations as WKT with the ring closed, or as
 * a JSON array of points); the round trip through the exporter itself is BundleProperties'.
 */
class CellReadingTest {
  @Test
  void choices_readBackAsWritten() {
    assertEquals(
        List.of("a", "b \"c\"", "\n", "\u00e9\ud83d\ude00"),
        JsonArrays.parseStringArray("[\"a\",\"b \\\"c\\\"\",\"\\n\",\"\u00e9\ud83d\ude00\"]"));
  }

  @Test
  void polygons_readBackAsWrittenInBothEncodings() {
    Polygon p = Polygon.of(1, 2, 3.5, 4, 5, 6);
    assertEquals(p, Wkt.parsePolygon("POLYGON ((1 2, 3.5 4, 5 6, 1 2))"));
    assertEquals(p, Polygon.of(JsonArrays.parsePointArray("[[1,2],[3.5,4],[5,6]]")));
    assertThrows(IllegalArgumentException.class, () -> Wkt.parsePolygon("POINT (1 2)"));
  }
}
