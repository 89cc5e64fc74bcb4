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

import java.util.ArrayList;
import java.util.List;

/** Reads the JSON cells of a bundle: arrays of strings (choices) and of number pairs (points). */
public final class JsonArrays {
  private JsonArrays() {}

  /**
   * Parses a JSON array of strings.
   *
   * @param text the JSON
   * @return the strings
   * @throws IllegalArgumentException if the text is not an array of strings
   */
  public static List<String> parseStringArray(String text) {
    List<String> out = new ArrayList<>();
    array(text, p -> out.add(p.string()));
    return out;
  }

  /**
   * Parses a JSON array of {@code [x,y]} number pairs.
   *
   * @param text the JSON
   * @return {@code x0, y0, x1, y1, …}
   * @throws IllegalArgumentException if the text is not such an array
   */
  public static double[] parsePointArray(String text) {
    List<Double> out = new ArrayList<>();
    array(
        text,
        p -> {
          p.expect('[');
          p.skipSpace();
          out.add(p.number());
          p.skipSpace();
          p.expect(',');
          p.skipSpace();
          out.add(p.number());
          p.skipSpace();
          p.expect(']');
        });
    double[] xy = new double[out.size()];
    for (int i = 0; i < xy.length; i++) {
      xy[i] = out.get(i);
    }
    return xy;
  }

  /** Parses {@code [e, e, …]}, reading each element with {@code element}, and nothing after it. */
  private static void array(String text, java.util.function.Consumer<Parser> element) {
    Parser p = new Parser(text);
    p.skipSpace();
    p.expect('[');
    p.skipSpace();
    if (p.peek() == ']') {
      p.pos++;
    } else {
      while (true) {
        p.skipSpace();
        element.accept(p);
        p.skipSpace();
        char c = p.next();
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw p.error("',' or ']'");
        }
      }
    }
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("the end of the array");
    }
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    char peek() {
      if (pos >= text.length()) {
        throw error("more input");
      }
      return text.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        pos--;
        throw error("'" + c + "'");
      }
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("four hex digits");
            }
            try {
              sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("four hex digits");
            }
            pos += 4;
          }
          default -> throw error("an escape character");
        }
      }
    }

    double number() {
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      try {
        return Double.parseDouble(text.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("a number");
      }
    }

    IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "expected " + expected + " at character " + (pos + 1) + " of " + abbreviate(text));
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "…'";
  }
}
