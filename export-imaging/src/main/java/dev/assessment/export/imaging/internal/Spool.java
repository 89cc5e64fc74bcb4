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

import dev.assessment.export.core.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Bytes held until they can be written: in memory up to a threshold, then in a temporary file that
 * {@link #close()} deletes (Commons IO's {@code DeferredFileOutputStream}). Written by one thread,
 * then read by another.
 */
public final class Spool extends OutputStream {
  /** The system property naming the folder spools spill to; without it, {@code java.io.tmpdir}. */
  public static final String FOLDER_PROPERTY = "assessment.export.spillFolder";

  private final DeferredFileOutputStream out;
  private final Path folder;
  private boolean finished;

  /**
   * Our own spill storage failed: the export fails, for a local disk fault is not a file's fault.
   */
  public static final class SpillFailure extends ExportException {
    private static final long serialVersionUID = 1L;

    SpillFailure(Path folder, IOException cause) {
      super(
          "the temp folder "
              + folder
              + " could not hold the export's spooled data: "
              + cause
              + " (free space there, or point the system property "
              + FOLDER_PROPERTY
              + " or java.io.tmpdir at a folder with room)",
          cause);
    }
  }

  /**
   * Returns the folder spools spill to.
   *
   * @return the folder of {@link #FOLDER_PROPERTY}, else {@code java.io.tmpdir}
   */
  public static Path folder() {
    String configured = System.getProperty(FOLDER_PROPERTY);
    return Path.of(
        configured != null && !configured.isBlank()
            ? configured
            : System.getProperty("java.io.tmpdir"));
  }

  /**
   * Creates an empty spool.
   *
   * @param memoryLimit the bytes held in memory before the content moves to a temporary file
   */
  public Spool(int memoryLimit) {
    this.folder = folder();
    this.out =
        DeferredFileOutputStream.builder()
            .setThreshold(memoryLimit)
            .setPrefix("assessment-export-")
            .setSuffix(".spool")
            .setDirectory(folder.toFile())
            .get();
  }

  // Writes to memory cannot fail: an IOException comes from the temporary file.

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new SpillFailure(folder, e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw new SpillFailure(folder, e);
    }
  }

  /**
   * Ends writing; the content can then be read.
   *
   * @throws IOException if the temporary file cannot be closed
   */
  public void finishWriting() throws IOException {
    if (!finished) {
      finished = true;
      try {
        out.close();
      } catch (IOException e) {
        throw new SpillFailure(folder, e);
      }
    }
  }

  /**
   * Returns the number of bytes written.
   *
   * @return the size
   */
  public long size() {
    return out.getByteCount();
  }

  /**
   * Opens the content, after {@link #finishWriting()}.
   *
   * @return a stream over the content; the caller closes it
   * @throws IOException if the temporary file cannot be read
   */
  public InputStream open() throws IOException {
    return out.toInputStream();
  }

  /**
   * Writes the content to a stream, after {@link #finishWriting()}.
   *
   * @param target where the content goes; not closed
   * @throws IOException if reading or writing fails
   */
  public void writeTo(OutputStream target) throws IOException {
    out.writeTo(target);
  }

  /**
   * Opens the content for an image reader, after {@link #finishWriting()}: the file itself when it
   * was spilled, else a stream over memory.
   *
   * @return the image input; the caller closes it
   * @throws IOException if the content cannot be opened
   */
  public ImageInputStream imageInput() throws IOException {
    Path file = file();
    if (file != null) {
      return new FileImageInputStream(file.toFile());
    }
    return new MemoryCacheImageInputStream(open());
  }

  private @Nullable Path file() {
    return out.isInMemory() ? null : out.getPath();
  }

  /** Releases the content: the memory, and the temporary file if there is one. */
  @Override
  public void close() {
    try {
      finishWriting();
    } catch (IOException ignored) {
      // Deleting is what matters.
    }
    Path file = file();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A temporary file the OS will clear.
      }
    }
  }
}
