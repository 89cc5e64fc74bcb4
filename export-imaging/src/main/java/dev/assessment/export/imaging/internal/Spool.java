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
package dev.assessment.export.imaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bytes held until they can be written: in memory, in chunks (never copied to grow), up to a
 * threshold, then in a temporary file that {@link #close()} deletes. Written by one thread, then
 * read by another.
 */
public final class Spool extends OutputStream {
  private static final int CHUNK = 1 << 18;

  private final int memoryLimit;
  private List<byte[]> chunks = new ArrayList<>();
  private int last;
  private @Nullable Path file;
  private @Nullable OutputStream fileOut;
  private long size;

  /**
   * Creates an empty spool.
   *
   * @param memoryLimit how many bytes are held in memory before spilling to a temporary file
   */
  public Spool(int memoryLimit) {
    this.memoryLimit = memoryLimit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fileOut == null && size + len > memoryLimit) {
      file = Files.createTempFile("assessment-export-", ".spool");
      fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      for (int i = 0; i < chunks.size(); i++) {
        fileOut.write(chunks.get(i), 0, i == chunks.size() - 1 ? last : CHUNK);
      }
      chunks = List.of();
    }
    size += len;
    if (fileOut != null) {
      fileOut.write(b, off, len);
      return;
    }
    while (len > 0) {
      if (chunks.isEmpty() || last == CHUNK) {
        chunks.add(new byte[CHUNK]);
        last = 0;
      }
      int n = Math.min(len, CHUNK - last);
      System.arraycopy(b, off, chunks.get(chunks.size() - 1), last, n);
      last += n;
      off += n;
      len -= n;
    }
  }

  /**
   * Ends writing.
   *
   * @throws IOException if the temporary file cannot be written
   */
  public void finishWriting() throws IOException {
    if (fileOut != null) {
      fileOut.close();
      fileOut = null;
    }
  }

  /**
   * Returns the number of bytes written.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Opens what was written, after {@link #finishWriting()}.
   *
   * @return the bytes
   * @throws IOException if the temporary file cannot be read
   */
  public InputStream open() throws IOException {
    if (file != null) {
      return Files.newInputStream(file);
    }
    List<InputStream> parts = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      parts.add(
          new java.io.ByteArrayInputStream(
              chunks.get(i), 0, i == chunks.size() - 1 ? last : CHUNK));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /**
   * Copies what was written to a stream, after {@link #finishWriting()}: from memory chunk by
   * chunk, from the temporary file in large reads.
   *
   * @param out where to copy
   * @throws IOException if reading or writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    if (file == null) {
      for (int i = 0; i < chunks.size(); i++) {
        out.write(chunks.get(i), 0, i == chunks.size() - 1 ? last : CHUNK);
      }
      return;
    }
    byte[] chunk = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        out.write(chunk, 0, n);
      }
    }
  }

  /**
   * Opens what was written as an image input stream, reading a spilled file in place.
   *
   * @return the stream
   * @throws IOException if the temporary file cannot be read
   */
  public javax.imageio.stream.ImageInputStream imageInput() throws IOException {
    if (file != null) {
      return new javax.imageio.stream.FileImageInputStream(file.toFile());
    }
    return new javax.imageio.stream.MemoryCacheImageInputStream(open());
  }

  /** Drops the bytes and deletes the temporary file, if any; never throws. */
  @Override
  public void close() {
    try {
      if (fileOut != null) {
        fileOut.close();
      }
    } catch (IOException ignored) {
      // Deleting is what matters.
    }
    fileOut = null;
    chunks = List.of();
    last = 0;
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A temporary file the OS will clear.
      }
      file = null;
    }
  }
}
