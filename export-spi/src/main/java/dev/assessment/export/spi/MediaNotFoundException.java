package dev.assessment.export.spi;

import java.io.IOException;

/**
 * Thrown by {@link MediaRepository#open(MediaFile)} when the storage holds no content for a file.
 * Archive exports skip such a file and report it, unless the export is strict.
 */
public class MediaNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing, naming the file
   */
  public MediaNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is missing, naming the file
   * @param cause the storage's own exception
   */
  public MediaNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
