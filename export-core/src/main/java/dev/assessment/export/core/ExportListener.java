package dev.assessment.export.core;

/**
 * Receives an export's progress.
 *
 * <p>Called on the thread that runs the export, after each file, so it must return quickly. What
 * it throws stops the export, which then fails with an {@link ExportException} that wraps it.
 */
@FunctionalInterface
public interface ExportListener {

  /**
   * Receives a progress snapshot.
   *
   * @param progress the export's progress so far
   */
  void progress(ExportProgress progress);

  /**
   * Returns a listener that ignores progress.
   *
   * @return the listener
   */
  static ExportListener none() {
    return progress -> {};
  }
}
