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
    for (String pair : ring.split(",", -1)) {
      String[] xy = pair.trim().split("\\s+", -1);
      if (xy.length != 2) {
        throw new IllegalArgumentException("expected 'x y' but found '" + pair.trim() + "'");
      }
      try {
        points.add(new Polygon.Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + pair.trim() + "' is not two numbers", e);
      }
    }
    return new Polygon(points);
  }
}
