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
 * The value of one attribute of an entity, with the confidence of whoever assessed it.
 *
 * @param name the attribute's name, never empty; normally one the workflow defines
 * @param value the typed value
 * @param confidence the confidence within [0, 1], or null when none was given
 * @since 0.2
 */
public record AttributeValue(String name, Value value, @Nullable Double confidence) {
  /**
   * Creates the attribute value, checking and copying its components.
   *
   * @param name the attribute's name, never empty; normally one the workflow defines
   * @param value the typed value
   * @param confidence the confidence within [0, 1], or null when none was given
   * @throws IllegalArgumentException if the name is empty or the confidence is outside [0, 1]
   * @since 0.2
   */
  public AttributeValue {
    Checks.id(name, "attribute name");
    Objects.requireNonNull(value, "value");
    Checks.confidence(confidence, "confidence of attribute '" + name + "'");
  }

  /**
   * Returns an attribute value without a confidence.
   *
   * @param name the attribute's name
   * @param value the value
   * @return the attribute value
   * @throws IllegalArgumentException if the name is empty
   * @since 0.2
   */
  public static AttributeValue of(String name, Value value) {
    return new AttributeValue(name, value, null);
  }

  /**
   * Returns an attribute value with a confidence.
   *
   * @param name the attribute's name
   * @param value the value
   * @param confidence the confidence within [0, 1]
   * @return the attribute value
   * @throws IllegalArgumentException if the name is empty or the confidence is outside [0, 1]
   * @since 0.2
   */
  public static AttributeValue of(String name, Value value, double confidence) {
    return new AttributeValue(name, value, confidence);
  }
}
