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
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

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

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Choices as a JSON array of strings, as schema.sql says: what SQL written by hand, and
   * PostgreSQL's JSON functions, read and write.
   */
  static String choices(List<String> choices) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartArray();
      for (String c : choices) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
    return out.toString();
  }

  static List<String> choices(String text) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(
            "choices must be a JSON array of strings, such as [\"tile\",\"slate\"]: " + text);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          throw new IllegalArgumentException(
              "choices must be a JSON array of strings, such as [\"tile\",\"slate\"]: " + text);
        }
        out.add(p.getString());
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the choices' JSON array: " + text);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "choices must be a JSON array of strings, such as [\"tile\",\"slate\"]: " + text, e);
    }
    return out;
  }
}
