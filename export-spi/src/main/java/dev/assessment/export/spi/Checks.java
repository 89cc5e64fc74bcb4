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

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the records of this package.
 *
 * @since 0.2
 */
final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} when it is a non-empty id, else throws naming the field.
   *
   * @since 0.2
   */
  static String id(@Nullable String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty: give every record an id");
    }
    return value;
  }

  /**
   * Returns {@code null} for null or empty text, else the text: the canonical optional text.
   *
   * @since 0.2
   */
  static @Nullable String optionalText(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Returns the confidence when it is absent or within [0, 1], else throws naming the field.
   *
   * @since 0.2
   */
  static @Nullable Double confidence(@Nullable Double value, String field) {
    if (value != null && !(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          field + " must be within [0, 1] or absent, was " + value + ": scale it or leave it out");
    }
    return value;
  }
}
