package dev.assessment.export.imaging.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes held until they can be written: in memory up to a threshold, then in a temporary file
 * that {@link #close()} deletes. Written by one thread, then read by another.
 */
public final class Spool extends OutputStream {
  private final int memoryLimit;
  private byte[] buffer = new byte[8192];
  private int count;
  private Path file;
  private OutputStream fileOut;
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
    if (fileOut == null && count + len > memoryLimit) {
      file = Files.createTempFile("assessment-export-", ".spool");
      fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      fileOut.write(buffer, 0, count);
      buffer = null;
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
    } else {
      if (count + len > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(memoryLimit, Math.max(buffer.length * 2, count + len)));
      }
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }
    size += len;
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
    return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(buffer, 0, count);
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
    buffer = null;
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
