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
package dev.assessment.export.jdbc;

import dev.assessment.export.spi.Polygon;
import java.util.ArrayList;
import java.util.List;

/** How the schema stores polygons and lists of choices in text columns. */
final class Codec {
  private Codec() {}

  /** Points as {@code x y;x y;…} in Java's number syntax, so NaN and infinities survive. */
  static String polygon(Polygon p) {
    StringBuilder sb = new StringBuilder();
    for (Polygon.Point point : p.points()) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(point.x()).append(' ').append(point.y());
    }
    return sb.toString();
  }

  static Polygon polygon(String text) {
    List<Polygon.Point> points = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String pair : text.split(";")) {
        int space = pair.indexOf(' ');
        points.add(
            new Polygon.Point(
                Double.parseDouble(pair.substring(0, space)),
                Double.parseDouble(pair.substring(space + 1))));
      }
    }
    return new Polygon(points);
  }

  /** Choices as netstrings, {@code <length>:<text>} one after another: any text survives. */
  static String choices(List<String> choices) {
    StringBuilder sb = new StringBuilder();
    for (String c : choices) {
      sb.append(c.length()).append(':').append(c);
    }
    return sb.toString();
  }

  static List<String> choices(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int colon = text.indexOf(':', i);
      int length = Integer.parseInt(text.substring(i, colon));
      out.add(text.substring(colon + 1, colon + 1 + length));
      i = colon + 1 + length;
    }
    return out;
  }
}
