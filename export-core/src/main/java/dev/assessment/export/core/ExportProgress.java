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
package dev.assessment.export.core;

import java.util.OptionalLong;

/**
 * A snapshot of an export's progress.
 *
 * @param files files written so far
 * @param totalFiles the number of files the export will write, when the repository can count
 * @param rows CSV rows (or archive entries) written so far
 * @param bytes bytes handed to the sink so far
 * @since 0.2
 */
public record ExportProgress(long files, OptionalLong totalFiles, long rows, long bytes) {
  /**
   * Creates a snapshot.
   *
   * @param files files written so far
   * @param totalFiles the total, when known
   * @param rows rows or entries written so far
   * @param bytes bytes handed to the sink so far
   * @since 0.2
   */
  public ExportProgress {
    java.util.Objects.requireNonNull(totalFiles, "totalFiles");
  }

  /**
   * Returns the fraction done, when the total is known.
   *
   * @return a number within [0, 1], or empty when the total is unknown
   * @since 0.2
   */
  public java.util.OptionalDouble fraction() {
    if (totalFiles.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    long total = totalFiles.getAsLong();
    return java.util.OptionalDouble.of(total == 0 ? 1.0 : Math.min(1.0, (double) files / total));
  }
}
