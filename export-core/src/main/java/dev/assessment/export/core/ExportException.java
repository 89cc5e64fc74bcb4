package dev.assessment.export.core;

import org.jspecify.annotations.Nullable;
import java.io.IOException;

/**
 * What went wrong while exporting: an unknown id, a repository or sink that failed, bad data in
 * strict mode, a cancel. The message names what failed, which id, and where possible the fix.
 */
public class ExportException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, which, and how to fix it
   */
  public ExportException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed, which, and how to fix it
   * @param cause the exception of the repository, sink or codec that failed
   */
  public ExportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
