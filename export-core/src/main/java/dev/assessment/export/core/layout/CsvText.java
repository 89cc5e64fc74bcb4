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
package dev.assessment.export.core.layout;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.internal.Cells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The text rules of the CSV layouts, for layouts that write CSV of their own (a manifest, a table
 * of contents) so that it reads exactly like the CSV layouts: RFC 4180 cells, formula
 * neutralisation, ISO-8601 instants and shortest round-tripping numbers.
 *
 * @since 0.2
 */
public final class CsvText {
  private CsvText() {}

  /**
   * Appends one cell, quoted and escaped per RFC 4180 as the CSV layouts quote, preceded by a comma
   * unless it starts a record.
   *
   * @param out where to append
   * @param value the cell's text
   * @param first true when the cell starts a record
   * @throws java.io.UncheckedIOException if the appendable fails
   * @since 0.2
   */
  public static void appendCell(Appendable out, CharSequence value, boolean first) {
    Cells.append(out, value, first);
  }

  /**
   * Neutralises text against spreadsheet formulas by prefixing an apostrophe when it starts (after
   * any apostrophes) with {@code = + - @}, tab or CR; {@link #unneutralise(String)} reverses it
   * exactly.
   *
   * @param text the text
   * @return the text, with an apostrophe in front when needed
   * @since 0.2
   */
  public static String neutralise(String text) {
    return Cells.neutralise(text);
  }

  /**
   * Reverses {@link #neutralise(String)}.
   *
   * @param cell a neutralised cell
   * @return the original text
   * @since 0.2
   */
  public static String unneutralise(String cell) {
    return Cells.unneutralise(cell);
  }

  /**
   * Formats an instant as ISO-8601 in UTC, e.g. {@code 2025-11-19T08:00:00Z}; fractions of a second
   * appear only when present.
   *
   * @param instant the instant
   * @return the text
   * @since 0.2
   */
  public static String instant(Instant instant) {
    return Cells.instant(instant);
  }

  /**
   * Reads one CSV record's bytes as they are, up to and including the CRLF that ends it outside
   * quotes, without decoding or unquoting: what a merge copies from one part to another. The CSV
   * layouts end records with CRLF; a lone LF inside a record is data.
   *
   * @param in the bytes, positioned at the start of a record; read up to the record's end
   * @return the record's bytes, CRLF included; empty at the end of the stream
   * @throws IOException if reading fails
   * @since 0.2
   */
  public static byte[] readRecord(InputStream in) throws IOException {
    ByteArrayOutputStream record = new ByteArrayOutputStream(256);
    boolean quoted = false;
    int previous = -1;
    for (int c = in.read(); c != -1; c = in.read()) {
      record.write(c);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && previous == '\r' && !quoted) {
        break;
      }
      previous = c;
    }
    return record.toByteArray();
  }

  /**
   * Formats a number in the shortest decimal form that reads back as the same double, with a dot
   * and no exponent.
   *
   * @param value a finite number
   * @return the text
   * @since 0.2
   */
  public static String number(double value) {
    return Cells.number(value);
  }

  /**
   * Returns text that UTF-8 can carry, as the CSV layouts write it: a lone surrogate (half of a
   * UTF-16 pair, which no encoder can write; it would become {@code ?}) becomes U+FFFD with a
   * {@code lone-surrogate} warning naming the field, and fails a strict export.
   *
   * @param context the export, to warn
   * @param field the column or attribute, for the message
   * @param fileId the file, or null for the workflow's own text
   * @param text the text
   * @return {@code text}, or a copy with U+FFFD for each lone surrogate
   * @throws ExportException if the export is strict and the text has a lone surrogate
   * @since 0.2
   */
  public static String wellFormed(
      ExportContext context, String field, @Nullable String fileId, String text)
      throws ExportException {
    return Cells.wellFormed(context::warn, field, fileId, text);
  }

  /**
   * Replaces each lone surrogate with U+FFFD, without a warning: for the export's own text, such as
   * an exception's message; a repository's text goes through {@link #wellFormed}.
   *
   * @param text the text
   * @return the text, or a copy with U+FFFD for each lone surrogate
   * @since 0.2
   */
  public static String replaceLoneSurrogates(String text) {
    return Cells.loneSurrogate(text) < 0 ? text : Cells.replaceLoneSurrogates(text);
  }
}
