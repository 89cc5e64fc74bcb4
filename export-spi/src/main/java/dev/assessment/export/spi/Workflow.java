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

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An assessment workflow: its id, its name and the attributes it defines, in the order the wide
 * layout shows them.
 *
 * @param id the workflow's id, never empty
 * @param name the workflow's display name (may be empty)
 * @param attributes the attribute definitions in display order, names unique; copied
 * @since 0.2
 */
public record Workflow(String id, String name, List<AttributeDefinition> attributes) {
  /**
   * Creates the workflow, checking and copying its components.
   *
   * @param id the workflow's id, never empty
   * @param name the workflow's display name (may be empty)
   * @param attributes the attribute definitions in display order, names unique; copied
   * @throws IllegalArgumentException if the id is empty or two attributes share a name
   * @since 0.2
   */
  public Workflow {
    Checks.id(id, "workflow id");
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
    Set<String> seen = new HashSet<>();
    for (AttributeDefinition attribute : attributes) {
      if (!seen.add(attribute.name())) {
        throw new IllegalArgumentException(
            "workflow "
                + id
                + " defines attribute '"
                + attribute.name()
                + "' twice: attribute names must be unique within a workflow");
      }
    }
  }

  /**
   * Returns the definition of the named attribute.
   *
   * @param attributeName the attribute's name
   * @return the definition, or empty when this workflow does not define it
   * @since 0.2
   */
  public Optional<AttributeDefinition> attribute(String attributeName) {
    Objects.requireNonNull(attributeName, "attributeName");
    return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
  }
}
