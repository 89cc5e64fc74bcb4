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
package dev.assessment.export.spi;

import java.util.List;
import java.util.Objects;

/**
 * A file together with its assessments: one element of an {@link AssessmentRepository} stream.
 *
 * @param file the file
 * @param assessments the file's assessments, in any order, ids unique; copied
 * @since 0.2
 */
public record AssessedFile(MediaFile file, List<Assessment> assessments) {
  /**
   * Creates the assessed file, checking and copying its components.
   *
   * @param file the file
   * @param assessments the file's assessments, in any order, ids unique; copied
   * @throws IllegalArgumentException if two assessments share an id
   * @since 0.2
   */
  public AssessedFile {
    Objects.requireNonNull(file, "file");
    assessments = List.copyOf(assessments);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Assessment a : assessments) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException(
            "file "
                + file.id()
                + " has two assessments with id "
                + a.id()
                + ": assessment ids must be unique within a file");
      }
    }
  }
}
