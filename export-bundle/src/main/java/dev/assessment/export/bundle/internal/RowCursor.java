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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads records of assessments.csv for one query: one parser goes on from where the last run of
 * rows ended, so files read in the order of their rows are parsed in one pass; a run elsewhere gets
 * a parser that starts at its first byte. Not thread-safe: one per stream.
 */
public final class RowCursor implements AutoCloseable {
  private final FileChannel channel;
  private final Path path;
  private @Nullable CSVParser parser;
  private @Nullable Iterator<CSVRecord> records;
  private long position = -1;
  private long firstLine;
  private @Nullable String lastTimeText;
  private @Nullable Instant lastTime;

  RowCursor(FileChannel channel, Path path) {
    this.channel = channel;
    this.path = path;
  }

  /** Goes to a run of rows, unless the parser is there already. */
  void seek(long start, long line) throws IOException {
    if (parser != null && position == start) {
      return;
    }
    close(parser);
    CSVParser p = CsvFiles.parse(CsvFiles.utf8(new From(channel, start)));
    parser = p;
    records = p.iterator();
    position = start;
    firstLine = line;
  }

  /** The line the next record starts on. */
  long line() {
    CSVParser p = parser;
    return p == null ? firstLine : firstLine + p.getCurrentLineNumber();
  }

  /** The next record of the run. */
  CSVRecord next() throws ExportException {
    Iterator<CSVRecord> it = records;
    long line = line();
    if (it == null) {
      throw new IllegalStateException("seek first");
    }
    try {
      return it.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      CsvFiles.refuseIfNotUtf8(e, path);
      throw CsvFiles.malformed(
          path,
          line,
          String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    } catch (java.util.NoSuchElementException e) {
      throw new ExportException(
          path.getFileName() + " line " + line + ": changed while it was read; export again");
    }
  }

  /** Records that the run ended at this byte, where the parser now is. */
  void ended(long end) {
    position = end;
  }

  /** Parses a time; the rows of one assessment repeat it, so the last one is kept. */
  Instant instant(String text) {
    Instant t = lastTime;
    if (t != null && text.equals(lastTimeText)) {
      return t;
    }
    t = Instant.parse(text);
    lastTimeText = text;
    lastTime = t;
    return t;
  }

  @Override
  public void close() throws IOException {
    try {
      close(parser);
    } finally {
      channel.close();
    }
  }

  private static void close(@Nullable CSVParser p) throws IOException {
    if (p != null) {
      p.close();
    }
  }

  /** The file from an offset on, read with positional reads of the channel. */
  private static final class From extends InputStream {
    private final FileChannel channel;
    private final ByteBuffer one = ByteBuffer.allocate(1);
    private long position;

    From(FileChannel channel, long position) {
      this.channel = channel;
      this.position = position;
    }

    @Override
    public int read() throws IOException {
      one.clear();
      int n = channel.read(one, position);
      if (n <= 0) {
        return -1;
      }
      position++;
      return one.get(0) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = channel.read(ByteBuffer.wrap(b, off, len), position);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public void close() {
      // The channel is the cursor's.
    }
  }
}
