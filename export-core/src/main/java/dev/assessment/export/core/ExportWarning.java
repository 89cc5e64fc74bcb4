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

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something in the data that an export wrote in a documented way or skipped, rather than fail.
 * Warnings of the same code and subject are reported once, with the number of occurrences; the
 * message names the first occurrence.
 *
 * <p>Codes: {@code undefined-attribute}, {@code non-finite-number}, {@code non-finite-polygon},
 * {@code degenerate-polygon}, {@code unknown-data-source}, {@code unknown-order}, and those of the
 * archive layouts (see {@code docs/}).
 *
 * @param code a stable, machine-readable kind, e.g. {@code undefined-attribute}
 * @param message what happened, which file, and what the export did about it
 * @param fileId the file of the first occurrence, or null when not about a file
 * @param occurrences how many times it happened, at least 1
 * @since 0.2
 */
public record ExportWarning(
    String code, String message, @Nullable String fileId, long occurrences) {
  /**
   * Creates a warning.
   *
   * @param code a stable, machine-readable kind
   * @param message what happened, which file, and what the export did about it
   * @param fileId the file of the first occurrence, or null
   * @param occurrences how many times it happened, at least 1
   * @throws IllegalArgumentException if occurrences is less than 1
   * @since 0.2
   */
  public ExportWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be at least 1, was " + occurrences);
    }
  }

  @Override
  public String toString() {
    return occurrences == 1 ? code + ": " + message : code + " (" + occurrences + "×): " + message;
  }
}
