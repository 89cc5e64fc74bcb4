package dev.assessment.export.spi;

import java.util.List;
import java.util.Objects;

/**
 * A file together with its assessments: one element of an {@link AssessmentRepository} stream.
 *
 * @param file the file
 * @param assessments the file's assessments, in any order; copied
 */
public record AssessedFile(MediaFile file, List<Assessment> assessments) {
  /**
   * Creates the assessed file, checking and copying its components.
   *
   * @param file the file
   * @param assessments the file's assessments, in any order; copied
   */
  public AssessedFile {
    Objects.requireNonNull(file, "file");
    assessments = List.copyOf(assessments);
  }
}
