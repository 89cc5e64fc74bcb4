package dev.assessment.export.core;

/** Thrown by an export that was cancelled through {@link ExportJob#cancel()}. */
public class ExportCancelledException extends ExportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which export was cancelled and where it stopped
   */
  public ExportCancelledException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which export was cancelled and where it stopped
   * @param cause the interruption that cancelled it
   */
  public ExportCancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
