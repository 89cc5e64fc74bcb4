package dev.assessment.export.imaging.internal;

import jakarta.annotation.Nullable;
import java.util.HexFormat;

/**
 * A file's content read ahead into a spool, with its size, CRC-32 and SHA-256; or the reason it
 * could not be read.
 */
public final class Fetched implements AutoCloseable {
  private final @Nullable Spool spool;
  private final long crc;
  private final @Nullable byte[] sha256;
  private final @Nullable Exception failure;

  private Fetched(@Nullable Spool spool, long crc, @Nullable byte[] sha256, @Nullable Exception failure) {
    this.spool = spool;
    this.crc = crc;
    this.sha256 = sha256;
    this.failure = failure;
  }

  static Fetched ok(Spool spool, long crc, byte[] sha256) {
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
   */
  public String sha256() {
    return sha256 == null ? "" : HexFormat.of().formatHex(sha256);
  }

  @Override
  public void close() {
    if (spool != null) {
      spool.close();
    }
  }
}
