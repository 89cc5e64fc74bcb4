package dev.assessment.export.core.internal;

import dev.assessment.export.core.ExportException;
import org.jspecify.annotations.Nullable;

/** Where the CSV writers report data they wrote in a documented way. */
@FunctionalInterface
public interface Warnings {
  /**
   * Reports a warning.
   *
   * @param code the kind
   * @param subject what it is about, to group repeats
   * @param fileId the file, or null
   * @param message the message
   * @throws ExportException if the export is strict
   */
  void warn(String code, String subject, @Nullable String fileId, String message)
      throws ExportException;
}
