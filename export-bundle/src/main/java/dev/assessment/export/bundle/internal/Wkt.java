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

import dev.assessment.export.spi.Polygon;
import java.util.ArrayList;
import java.util.List;

/** Parses the WKT polygons the CSV layouts write. */
public final class Wkt {
  private Wkt() {}

  /**
   * Parses {@code POLYGON ((x y, …))} or {@code POLYGON EMPTY}; only the outer ring is read.
   *
   * @param text the WKT
   * @return the polygon, its ring opened
   * @throws IllegalArgumentException if the text is not such a polygon
   */
  public static Polygon parsePolygon(String text) {
    String t = text.trim();
    if (!t.regionMatches(true, 0, "POLYGON", 0, 7)) {
      throw new IllegalArgumentException(
          "expected POLYGON at the start of " + JsonArrays.abbreviate(t));
    }
    String rest = t.substring(7).trim();
    if (rest.equalsIgnoreCase("EMPTY")) {
      return new Polygon(List.of());
    }
    if (!rest.startsWith("((") || !rest.endsWith("))")) {
      throw new IllegalArgumentException(
          "expected ((…)) after POLYGON in " + JsonArrays.abbreviate(t));
    }
    String ring = rest.substring(2, rest.length() - 2);
    if (ring.contains("(") || ring.contains(")")) {
      throw new IllegalArgumentException(
          "only polygons with one ring are read: " + JsonArrays.abbreviate(t));
    }
    List<Polygon.Point> points = new ArrayList<>();
    // Pairs split by hand: a regular expression per point was a tenth of reading a bundle.
    int start = 0;
    while (true) {
      int comma = ring.indexOf(',', start);
      String pair = (comma < 0 ? ring.substring(start) : ring.substring(start, comma)).trim();
      int space = firstSpace(pair);
      String y = space < 0 ? "" : pair.substring(space).trim();
      if (space < 0 || y.isEmpty() || firstSpace(y) >= 0) {
        throw new IllegalArgumentException("expected 'x y' but found '" + pair + "'");
      }
      try {
        points.add(
            new Polygon.Point(Double.parseDouble(pair.substring(0, space)), Double.parseDouble(y)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + pair + "' is not two numbers", e);
      }
      if (comma < 0) {
        return new Polygon(points);
      }
      start = comma + 1;
    }
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
