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

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Finds the records of a CSV file (RFC 4180, any line ending) in one pass over its bytes, without
 * decoding them: where each record starts and ends, the line it starts on, and the bytes of the
 * cells the caller asks for, unquoted. It agrees with Commons CSV on where records end, so a
 * record's bytes can later be parsed on their own.
 */
final class RowScanner {
  /** What is told of each record. */
  interface Records {
    /**
     * Takes one record.
     *
     * @param start the offset of its first byte
     * @param end the offset after its line break
     * @param line the line it starts on, 1-based, counted as Commons CSV counts them
     * @param cells the number of cells it has
     * @param scanner the scanner, to read the captured cells with {@link #cell}
     * @throws IOException to stop the scan
     */
    void record(long start, long end, long line, int cells, RowScanner scanner) throws IOException;
  }

  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final boolean[] wanted;
  private final byte[][] cells;
  private final int[] lengths;

  /**
   * Creates a scanner that captures the given cells of each record.
   *
   * @param wanted the 0-based indexes of the cells to capture
   */
  RowScanner(int... wanted) {
    int max = Arrays.stream(wanted).max().orElse(-1);
    this.wanted = new boolean[max + 1];
    for (int w : wanted) {
      this.wanted[w] = true;
    }
    this.cells = new byte[max + 1][];
    this.lengths = new int[max + 1];
    for (int i = 0; i <= max; i++) {
      cells[i] = new byte[64];
    }
  }

  /**
   * Returns whether a cell was captured for the current record.
   *
   * @param i the cell's index
   * @param cellCount the record's number of cells
   * @return true if it was asked for and the record has it
   */
  boolean has(int i, int cellCount) {
    return i < cellCount && i < wanted.length && wanted[i];
  }

  /**
   * Returns a captured cell's bytes, unquoted; valid until the next record.
   *
   * @param i the cell's index
   * @return the array, of which {@link #length(int)} bytes are the cell
   */
  byte[] cell(int i) {
    return cells[i];
  }

  /**
   * Returns the length of a captured cell.
   *
   * @param i the cell's index
   * @return the number of bytes
   */
  int length(int i) {
    return lengths[i];
  }

  /**
   * Scans a file from an offset to its end.
   *
   * @param channel the file
   * @param from the offset of the first record
   * @param records what is told of each record
   * @return the line of a quoted cell left open at the end of the file, or 0
   * @throws IOException if reading fails or {@code records} stops the scan
   */
  long scan(FileChannel channel, long from, Records records) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    byte[] b = buffer.array();
    long offset = from;
    long recordStart = from;
    long line = 1;
    long recordLine = 1;
    int state = START;
    int cell = 0;
    boolean want = wanted(0);
    boolean any = false;
    boolean afterCr = false;
    long endedLine = 1; // the line of a record whose CR was the last byte
    byte prev = 0;
    Arrays.fill(lengths, 0);
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, offset);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        byte c = b[i];
        byte before = prev;
        prev = c;
        long at = offset + i;
        if (afterCr) {
          // A record's CR: it ends after the LF that may follow, and is told of only then.
          afterCr = false;
          boolean lf = c == '\n';
          records.record(recordStart, lf ? at + 1 : at, endedLine, cell + 1, this);
          recordStart = lf ? at + 1 : at;
          cell = 0;
          want = wanted(0);
          Arrays.fill(lengths, 0);
          if (lf) {
            continue;
          }
        }
        if (!want && (state == QUOTED || state == UNQUOTED)) {
          // Most bytes belong to cells nobody asked for: skip to the next byte that matters.
          int j = skip(b, i, n, state == QUOTED ? QUOTES : COMMAS);
          if (j > i) {
            prev = b[j - 1];
            i = j - 1;
            continue;
          }
        }
        switch (state) {
          case QUOTED -> {
            if (c == '"') {
              state = QUOTE_IN_QUOTED;
            } else {
              if (c == '\r' || (c == '\n' && before != '\r')) {
                line++;
              }
              if (want) {
                append(cell, c);
              }
            }
            continue;
          }
          case QUOTE_IN_QUOTED -> {
            if (c == '"') {
              if (want) {
                append(cell, c);
              }
              state = QUOTED;
              continue;
            }
          }
          default -> {}
        }
        // START, UNQUOTED, or the end of a quoted section.
        if (c == ',') {
          cell++;
          want = wanted(cell);
          if (want) {
            lengths[cell] = 0;
          }
          state = START;
          any = true;
        } else if (c == '\r' || c == '\n') {
          line++;
          state = START;
          any = false;
          if (c == '\r') {
            afterCr = true;
            endedLine = recordLine;
          } else {
            records.record(recordStart, at + 1, recordLine, cell + 1, this);
            recordStart = at + 1;
            cell = 0;
            want = wanted(0);
            Arrays.fill(lengths, 0);
          }
          recordLine = line;
        } else if (state == START && c == '"') {
          state = QUOTED;
          any = true;
        } else {
          // An unquoted cell, or bytes after a closing quote, which Commons CSV refuses later.
          if (want) {
            append(cell, c);
          }
          state = UNQUOTED;
          any = true;
        }
      }
      offset += n;
    }
    if (afterCr) {
      records.record(recordStart, offset, endedLine, cell + 1, this);
      return 0;
    }
    if (state == QUOTED) {
      return recordLine;
    }
    if (any) {
      records.record(recordStart, offset, recordLine, cell + 1, this);
    }
    return 0;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long COMMAS = ONES * ',';
  private static final long CRS = ONES * '\r';
  private static final long LFS = ONES * '\n';

  /**
   * Returns the index of the first byte from {@code i} on that is the given byte, CR or LF, or
   * {@code n}: eight bytes at a time while none of the eight is one of them.
   */
  private static int skip(byte[] b, int i, int n, long stop) {
    int j = i;
    while (j + 8 <= n) {
      long w = (long) LONGS.get(b, j);
      if ((zeroBytes(w ^ stop) | zeroBytes(w ^ CRS) | zeroBytes(w ^ LFS)) != 0) {
        break;
      }
      j += 8;
    }
    byte s = (byte) stop;
    while (j < n && b[j] != s && b[j] != '\r' && b[j] != '\n') {
      j++;
    }
    return j;
  }

  /** Is non-zero exactly when some byte of {@code v} is zero. */
  private static long zeroBytes(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  private boolean wanted(int cell) {
    return cell < wanted.length && wanted[cell];
  }

  private void append(int cell, byte c) {
    int l = lengths[cell];
    byte[] a = cells[cell];
    if (l == a.length) {
      a = Arrays.copyOf(a, l * 2);
      cells[cell] = a;
    }
    a[l] = c;
    lengths[cell] = l + 1;
  }
}
