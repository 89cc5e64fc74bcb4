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

import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A file's content read ahead into a spool, with its size, CRC-32 and SHA-256; or the reason it
 * could not be read.
 */
public final class Fetched implements AutoCloseable {
  /** Content up to this size is held in memory while it waits; larger content spills to disk. */
  public static final int MEMORY_PER_FILE = 8 << 20;

  private final @Nullable Spool spool;
  private long crc;
  private byte @Nullable [] sha256;
  private final @Nullable Exception failure;

  private Fetched(
      @Nullable Spool spool, long crc, byte @Nullable [] sha256, @Nullable Exception failure) {
    this.spool = spool;
    this.crc = crc;
    this.sha256 = sha256;
    this.failure = failure;
  }

  /**
   * Returns content already read, with its digests.
   *
   * @param spool the content
   * @param crc its CRC-32
   * @param sha256 its SHA-256
   * @return the content
   */
  public static Fetched ok(Spool spool, long crc, byte[] sha256) {
    return new Fetched(spool, crc, sha256, null);
  }

  static Fetched failed(Exception failure) {
    return new Fetched(null, 0, null, failure);
  }

  /**
   * Returns why the content could not be read.
   *
   * @return the exception, or null when it was read
   */
  public @Nullable Exception failure() {
    return failure;
  }

  /**
   * Returns the content.
   *
   * @return the spool
   * @throws IllegalStateException if the content could not be read
   */
  public Spool spool() {
    if (spool == null) {
      throw new IllegalStateException("no content", failure);
    }
    return spool;
  }

  /**
   * Returns the content's first 16 bytes, to tell its format by its magic bytes.
   *
   * @return the bytes (fewer for a shorter content), or null when the content could not be read
   */
  public byte @Nullable [] head() {
    if (spool == null) {
      return null;
    }
    try (java.io.InputStream in = spool.open()) {
      return in.readNBytes(16);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /**
   * Returns the CRC-32 of the content.
   *
   * @return the CRC
   */
  public long crc() {
    return crc;
  }

  /**
   * Returns the SHA-256 of the content in lower-case hex.
   *
   * @return the hex digest
   * @throws java.io.IOException if the content was read without digests and cannot be re-read
   */
  public String sha256() throws java.io.IOException {
    digest();
    return sha256 == null ? "" : HexFormat.of().formatHex(sha256);
  }

  /** Computes the digests from the spool when the content was read without them. */
  private void digest() throws java.io.IOException {
    if (sha256 != null || spool == null) {
      return;
    }
    java.security.MessageDigest sha = newDigest();
    try (java.io.InputStream in = spool.open()) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    sha256 = sha.digest();
  }

  /**
   * Reads a file's content into a spool, computing its CRC-32 and SHA-256. A failure to open or
   * read is returned, not thrown, so that the file can be skipped and reported.
   *
   * @param context the export's context, which opens media
   * @param file the file
   * @return the content or the failure
   */
  public static Fetched read(
      dev.assessment.export.core.layout.ExportContext context,
      dev.assessment.export.spi.MediaFile file) {
    return read(context, file, true);
  }

  /**
   * Reads a file's content into a spool, with or without its digests; without, they are computed
   * from the spool when first asked for.
   *
   * @param context the export's context, which opens media
   * @param file the file
   * @param digest whether to compute the SHA-256 while reading (the CRC-32 always is)
   * @return the content or the failure
   */
  public static Fetched read(
      dev.assessment.export.core.layout.ExportContext context,
      dev.assessment.export.spi.MediaFile file,
      boolean digest) {
    Spool spool = new Spool(MEMORY_PER_FILE);
    String known = file.sha256();
    // A SHA-256 the storage knows is trusted and not computed again (docs/spi.md).
    digest = digest && known == null;
    try (java.io.InputStream in = context.openMedia(file)) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      java.security.MessageDigest sha = newDigest();
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (Thread.currentThread().isInterrupted() || context.isCancelled()) {
          throw new java.io.InterruptedIOException("cancelled while reading file " + file.id());
        }
        crc.update(buffer, 0, n);
        if (digest) {
          sha.update(buffer, 0, n);
        }
        spool.write(buffer, 0, n);
      }
      spool.finishWriting();
      Long size = file.size();
      if (size != null && size != spool.size()) {
        throw new java.io.IOException(
            "the content is "
                + spool.size()
                + " bytes, but the repository gave its size as "
                + size
                + " (MediaFile.size): it is truncated or the size is wrong");
      }
      byte[] sha256 = known != null ? HexFormat.of().parseHex(known) : digest ? sha.digest() : null;
      return new Fetched(spool, crc.getValue(), sha256, null);
    } catch (Spool.SpillFailure e) {
      spool.close();
      // Not this file's fault: the export fails, naming the temp folder.
      throw new java.io.UncheckedIOException(e);
    } catch (java.io.IOException | RuntimeException e) {
      spool.close();
      return failed(e);
    }
  }

  /**
   * Returns a SHA-256 digest.
   *
   * @return a new digest
   */
  static java.security.MessageDigest newDigest() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (spool != null) {
      spool.close();
    }
  }
}
