package dev.assessment.export.core.internal;

import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.spi.Polygon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * How single values become CSV cell text: locale-independent numbers and times, polygons, lists
 * of choices, and formula neutralisation. Every method is a pure function.
 */
public final class Cells {
  /** RFC 4180 with CRLF: the format of every CSV this library writes. */
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private static final char[] FORMULA_TRIGGERS = {'=', '+', '-', '@', '\t', '\r'};

  private Cells() {}

  /**
   * Formats a finite number as a plain decimal: a dot, no exponent, no trailing zeros, the
   * shortest digits that read back as the same double.
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
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /**
   * Formats an instant as ISO-8601 in UTC, e.g. {@code 2025-11-19T08:00:00Z}; fractions of a
   * second appear only when present.
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
        sb.append(i == 0 ? "[" : ",[").append(number(p.x())).append(',').append(number(p.y()));
        sb.append(']');
      }
      return sb.append(']').toString();
    }
    if (points.isEmpty()) {
      return "POLYGON EMPTY";
    }
    sb.append("POLYGON ((");
    for (Polygon.Point p : points) {
      sb.append(number(p.x())).append(' ').append(number(p.y())).append(", ");
    }
    Polygon.Point first = points.get(0);
    sb.append(number(first.x())).append(' ').append(number(first.y()));
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
   * Tells whether a spreadsheet could run text as a formula, or whether the text would be taken
   * for neutralised text on reading: it starts with any number of apostrophes followed by one of
   * {@code = + - @}, tab or CR.
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
   * Neutralises text against spreadsheet formulas by prefixing an apostrophe (OWASP), in a way
   * that {@link #unneutralise(String)} reverses exactly.
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
      FORMAT.print(value, out, first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
