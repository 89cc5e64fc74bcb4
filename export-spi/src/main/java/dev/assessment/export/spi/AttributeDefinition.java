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

/**
 * An attribute that a workflow defines: its name and the type of its values.
 *
 * @param name the attribute's name, unique within its workflow, never empty
 * @param type the type of the attribute's values
 * @since 0.2
 */
public record AttributeDefinition(String name, AttributeType type) {
  /**
   * Creates the attribute definition, checking and copying its components.
   *
   * @param name the attribute's name, unique within its workflow, never empty
   * @param type the type of the attribute's values
   * @throws IllegalArgumentException if the name is empty
   * @since 0.2
   */
  public AttributeDefinition {
    Checks.id(name, "attribute name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Returns a definition.
   *
   * @param name the attribute's name
   * @param type the type of its values
   * @return the definition
   * @throws IllegalArgumentException if the name is empty
   * @since 0.2
   */
  public static AttributeDefinition of(String name, AttributeType type) {
    return new AttributeDefinition(name, type);
  }
}
