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

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.spi.Polygon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * How single values become CSV cell text: locale-independent numbers and times, polygons, lists of
 * choices, and formula neutralisation. Every method is a pure function.
 */
public final class Cells {
  /** RFC 4180 with CRLF: the format of every CSV this library writes. */
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private static final char[] FORMULA_TRIGGERS = {'=', '+', '-', '@', '\t', '\r'};

  private Cells() {}

  /**
   * Formats a finite number as a plain decimal: a dot, no exponent, no trailing zeros, the shortest
   * digits that read back as the same double.
   *
   * @param value a finite number
   * @return the text, e.g. {@code 3}, {@code -0.25}, {@code 100000000000000000000}
   */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    StringBuilder sb = new StringBuilder(24);
    if (appendShortDecimal(sb, value)) {
      return sb.toString();
    }
    return ShortestDecimal.of(value).toPlainString();
  }

  /**
   * Appends a finite number as {@link #number(double)} formats it, without an intermediate string
   * for whole numbers.
   *
   * @param sb where to append
   * @param value a finite number
   * @return {@code sb}
   */
  public static StringBuilder appendNumber(StringBuilder sb, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return sb.append((long) value);
    }
    if (appendShortDecimal(sb, value)) {
      return sb;
    }
    return sb.append(number(value));
  }

  /**
   * Returns where the first lone surrogate is: a high surrogate not followed by a low one, or a low
   * one not preceded by a high one.
   *
   * @param s the text
   * @return its index, or -1 when every surrogate is half of a pair
   */
  public static int loneSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Returns text that UTF-8 can carry: a lone surrogate (half of a pair, which no encoder can
   * write) becomes U+FFFD with a {@code lone-surrogate} warning naming the field, and fails a
   * strict export.
   *
   * @param warnings where to report
   * @param field the column or attribute, for the message
   * @param fileId the file, or null for the workflow's own text
   * @param s the text
   * @return {@code s}, or a copy with U+FFFD for each lone surrogate
   * @throws ExportException if the export is strict and the text has a lone surrogate
   */
  public static String wellFormed(
      Warnings warnings, String field, @Nullable String fileId, String s) throws ExportException {
    int at = loneSurrogate(s);
    if (at < 0) {
      return s;
    }
    warnings.warn(
        "lone-surrogate",
        field,
        fileId,
        (fileId == null ? "the workflow's " : "file " + fileId + ", ")
            + field
            + ": the text has half of a UTF-16 surrogate pair at index "
            + at
            + ", which UTF-8 cannot encode; it was written as U+FFFD (fix the text where it is"
            + " stored)");
    return replaceLoneSurrogates(s);
  }

  /**
   * Replaces each lone surrogate with U+FFFD, the replacement character, as a UTF-8 decoder shows
   * an undecodable sequence.
   *
   * @param s the text
   * @return the text with every surrogate half of a pair
   */
  public static String replaceLoneSurrogates(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /**
   * Appends a number with at most six decimals without searching for the shortest digits: when
   * {@code value × 10^k} is a whole number {@code n} and {@code n / 10^k} (a correctly rounded
   * division) gives back exactly {@code value}, the decimal {@code n / 10^k} reads back as {@code
   * value}; and it is the shortest such decimal, because below 10^9 doubles lie closer together
   * than 10^-6, so no decimal with fewer digits rounds to the same double.
   */
  private static boolean appendShortDecimal(StringBuilder sb, double value) {
    if (!(Math.abs(value) < 1e9)) {
      return false;
    }
    for (int k = 1; k < POWERS.length; k++) {
      double scaled = value * POWERS[k];
      if (scaled == Math.rint(scaled) && (double) (long) scaled / POWERS[k] == value) {
        long n = (long) scaled;
        if (n < 0) {
          sb.append('-');
          n = -n;
        }
        long fraction = n % POWERS[k];
        int digits = k;
        // value × 10^k may round to a whole number for a k larger than needed: drop the zeros.
        while (fraction % 10 == 0) {
          fraction /= 10;
          digits--;
        }
        sb.append(n / POWERS[k]).append('.');
        String f = Long.toString(fraction);
        for (int i = f.length(); i < digits; i++) {
          sb.append('0');
        }
        sb.append(f);
        return true;
      }
    }
    return false;
  }

  /**
   * Formats an instant as ISO-8601 in UTC, e.g. {@code 2025-11-19T08:00:00Z}; fractions of a second
   * appear only when present.
   *
   * @param instant the instant
   * @return the text
   */
  public static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Formats a polygon whose coordinates are finite.
   *
   * @param polygon the polygon
   * @param encoding WKT (ring closed) or JSON (ring open)
   * @return the text
   */
  public static String polygon(Polygon polygon, PolygonEncoding encoding) {
    List<Polygon.Point> points = polygon.points();
    StringBuilder sb = new StringBuilder(16 + points.size() * 16);
    if (encoding == PolygonEncoding.JSON) {
      sb.append('[');
      for (int i = 0; i < points.size(); i++) {
        Polygon.Point p = points.get(i);
        appendNumber(sb.append(i == 0 ? "[" : ",["), p.x()).append(',');
        appendNumber(sb, p.y()).append(']');
      }
      return sb.append(']').toString();
    }
    if (points.isEmpty()) {
      return "POLYGON EMPTY";
    }
    sb.append("POLYGON ((");
    for (Polygon.Point p : points) {
      appendNumber(appendNumber(sb, p.x()).append(' '), p.y()).append(", ");
    }
    Polygon.Point first = points.get(0);
    appendNumber(appendNumber(sb, first.x()).append(' '), first.y());
    return sb.append("))").toString();
  }

  /**
   * Formats a list of choices as a JSON array of strings, e.g. {@code ["red","blue"]}.
   *
   * @param choices the choices
   * @return the text
   */
  public static String choices(List<String> choices) {
    StringBuilder sb = new StringBuilder();
    sb.append('[');
    for (int i = 0; i < choices.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Json.appendString(sb, choices.get(i));
    }
    return sb.append(']').toString();
  }

  /**
   * Tells whether a spreadsheet could run text as a formula, or whether the text would be taken for
   * neutralised text on reading: it starts with any number of apostrophes followed by one of {@code
   * = + - @}, tab or CR.
   *
   * @param text the text
   * @return true when {@link #neutralise(String)} changes it
   */
  public static boolean needsNeutralising(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    char c = text.charAt(i);
    for (char trigger : FORMULA_TRIGGERS) {
      if (c == trigger) {
        return true;
      }
    }
    return false;
  }

  /**
   * Neutralises text against spreadsheet formulas by prefixing an apostrophe (OWASP), in a way that
   * {@link #unneutralise(String)} reverses exactly.
   *
   * @param text the text
   * @return the text, with an apostrophe in front when needed
   */
  public static String neutralise(String text) {
    return needsNeutralising(text) ? "'" + text : text;
  }

  /**
   * Reverses {@link #neutralise(String)}.
   *
   * @param cell a neutralised cell
   * @return the original text
   */
  public static String unneutralise(String cell) {
    return cell.startsWith("'") && needsNeutralising(cell) ? cell.substring(1) : cell;
  }

  /**
   * Appends one cell, quoted and escaped per RFC 4180, preceded by a comma unless it starts a
   * record.
   *
   * @param out where to append
   * @param value the cell's text
   * @param first true when the cell starts a record
   */
  public static void append(Appendable out, CharSequence value, boolean first) {
    try {
      write(out, value.toString(), first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one cell, preceded by a comma unless it starts a record, exactly as {@link #FORMAT}
   * prints it. Commons CSV's minimal quoting puts a cell in quotes when it starts with a character
   * up to {@code #}, ends with one up to a space, or holds a comma, a quote, CR or LF. The two
   * common cases are written here without Commons CSV's per-call overhead: a cell that needs no
   * quotes, and a quoted cell without quotes to double. Everything else goes through Commons CSV. A
   * property test checks the two paths against Commons CSV.
   *
   * @param out where to write
   * @param value the cell's text
   * @param first true when the cell starts a record
   * @throws IOException if writing fails
   */
  public static void write(Appendable out, String value, boolean first) throws IOException {
    int length = value.length();
    if (length == 0 || value.indexOf('"') >= 0) {
      FORMAT.print(value, out, first);
      return;
    }
    if (!first) {
      out.append(',');
    }
    boolean quote = value.charAt(0) <= '#' || value.charAt(length - 1) <= ' ';
    for (int i = 0; !quote && i < length; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '\n' || c == '\r';
    }
    if (quote) {
      out.append('"').append(value).append('"');
    } else {
      out.append(value);
    }
  }
}
