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

import dev.assessment.export.core.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading a bundle's CSV files: strict UTF-8, and errors that name the file, line and column. */
final class CsvFiles {
  /**
   * RFC 4180 with CRLF: how the exporter writes CSV, and so how a bundle's files are written and
   * read.
   */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private CsvFiles() {}

  /** Whether a file starts with a UTF-8 byte order mark. */
  static boolean hasBom(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(3);
      return head.length == 3
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF;
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * A strict UTF-8 reader, which fails on bytes that are not UTF-8 instead of replacing them; not
   * buffered, as Commons CSV buffers what it reads.
   */
  static Reader utf8(InputStream in) {
    return new InputStreamReader(in, decoder());
  }

  static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Parses a whole file, after its byte order mark if it has one. */
  static CSVParser parse(Path path) throws IOException {
    PushbackInputStream in;
    try {
      in = new PushbackInputStream(Files.newInputStream(path), 3);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
    byte[] head = in.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      in.unread(head);
    }
    return parse(utf8(in));
  }

  static CSVParser parse(Reader reader) throws IOException {
    return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
  }

  static List<String> requireHeader(
      CSVRecord header, List<String> expected, Path path, boolean extraAllowed)
      throws ExportException {
    return requireHeader(header.toList(), expected, path, extraAllowed);
  }

  static List<String> requireHeader(
      List<String> actual, List<String> expected, Path path, boolean extraAllowed)
      throws ExportException {
    boolean ok =
        extraAllowed
            ? actual.size() >= expected.size()
                && actual.subList(0, expected.size()).equals(expected)
            : actual.equals(expected);
    if (!ok) {
      throw new ExportException(
          path.getFileName()
              + " line 1: the header is "
              + actual
              + " but must be "
              + expected
              + (extraAllowed ? " (optionally followed by path, size and sha256)" : ""));
    }
    return actual;
  }

  static String cell(CSVRecord r, int i, String column, Path path, long line)
      throws ExportException {
    if (i >= r.size()) {
      throw error(path, line, column, "is missing: the row has only " + r.size() + " cells");
    }
    return r.get(i);
  }

  static CSVRecord next(Iterator<CSVRecord> it, Path path, CSVParser parser)
      throws ExportException {
    try {
      if (!it.hasNext()) {
        throw new ExportException(path.getFileName() + " is empty: it needs at least a header");
      }
      return it.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      refuseIfNotUtf8(e, path);
      throw new ExportException(
          path.getFileName()
              + " line "
              + parser.getCurrentLineNumber()
              + ": malformed CSV: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * As {@link Iterator#hasNext()}, which parses ahead and so meets malformed CSV first.
   *
   * @param line the line the next row starts on
   */
  static boolean hasNext(Iterator<CSVRecord> it, Path path, long line) throws ExportException {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      refuseIfNotUtf8(e, path);
      throw malformed(
          path,
          line,
          String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
  }

  static ExportException malformed(Path path, long line, String what) {
    return new ExportException(
        path.getFileName()
            + " line "
            + line
            + ": malformed CSV in the row that starts there: "
            + what
            + " (a quote that opens a cell must close it; a quote inside a quoted cell is"
            + " doubled)");
  }

  /**
   * Decodes bytes that must be UTF-8; when they are not, names the line, column and byte of the
   * first bad byte in the file.
   */
  static String decode(byte[] bytes, int length, Path path) throws ExportException {
    try {
      return decoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      requireUtf8(path);
      throw new ExportException(path.getFileName() + ": not UTF-8; save the file as UTF-8", e);
    }
  }

  /**
   * When the parser failed because its decoder met bytes that are not UTF-8, reads the file again
   * to name the line and column of the first bad byte: the decoder alone could only tell the line
   * the parser had buffered up to. Only a failing file is read twice.
   */
  static void refuseIfNotUtf8(RuntimeException failure, Path path) throws ExportException {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        requireUtf8(path);
        return;
      }
    }
  }

  /** Refuses a file that is not UTF-8, naming the line, column and byte of the first bad byte. */
  static void requireUtf8(Path path) throws ExportException {
    CharsetDecoder decoder = decoder();
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long line = 1;
    long column = 1;
    long offset = 0;
    try (InputStream in = Files.newInputStream(path)) {
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          char ch = chars.get();
          if (ch == '\n') {
            line++;
            column = 1;
          } else if (!Character.isLowSurrogate(ch)) {
            column++;
          }
        }
        chars.clear();
        if (result.isError()) {
          throw new ExportException(
              path.getFileName()
                  + " line "
                  + line
                  + ", column "
                  + column
                  + " (byte "
                  + (offset + bytes.position() + 1)
                  + "): not UTF-8; save the file as UTF-8");
        }
        offset += bytes.position();
        bytes.compact();
      }
    } catch (ExportException e) {
      throw e;
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  static ExportException unreadable(Path path, IOException e) {
    return new ExportException(
        path.getFileName() + " in " + path.getParent() + " cannot be read: " + e, e);
  }

  static ExportException error(Path path, long line, String column, String message) {
    return new ExportException(
        path.getFileName() + " line " + line + ", column " + column + ": " + message);
  }
}
