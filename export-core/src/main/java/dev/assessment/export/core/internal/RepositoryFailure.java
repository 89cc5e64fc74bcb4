package dev.assessment.export.core.internal;

/** A runtime exception that a repository threw, marked as such with the export's context. */
public final class RepositoryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Marks a repository's exception.
   *
   * @param message what the export was doing
   * @param cause the repository's exception
   */
  public RepositoryFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
