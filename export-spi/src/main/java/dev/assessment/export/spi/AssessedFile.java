package dev.assessment.export.spi;

import java.util.List;
import java.util.Objects;

/**
 * A file together with its assessments: one element of an {@link AssessmentRepository} stream.
 *
 * @param file the file
 * @param assessments the file's assessments, in any order, ids unique; copied
 */
public record AssessedFile(MediaFile file, List<Assessment> assessments) {
  /**
   * Creates the assessed file, checking and copying its components.
   *
   * @param file the file
   * @param assessments the file's assessments, in any order, ids unique; copied
   * @throws IllegalArgumentException if two assessments share an id
   */
  public AssessedFile {
    Objects.requireNonNull(file, "file");
    assessments = List.copyOf(assessments);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Assessment a : assessments) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException(
            "file " + file.id() + " has two assessments with id " + a.id()
                + ": assessment ids must be unique within a file");
      }
    }
  }
}
