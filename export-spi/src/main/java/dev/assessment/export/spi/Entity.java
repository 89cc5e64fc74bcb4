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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One finding of an assessment: an annotation with a location polygon, or a file-level entity
 * without one, together with its attribute values.
 *
 * @param id the entity's id, unique within its assessment, never empty
 * @param label the entity's label (its class, such as {@code dent}), or null; empty is null
 * @param location the location polygon, or null for a file-level entity
 * @param locationConfidence the confidence of the location within [0, 1], or null
 * @param attributes the attribute values in stored order, names unique; copied
 * @since 0.2
 */
public record Entity(
    String id,
    @Nullable String label,
    @Nullable Polygon location,
    @Nullable Double locationConfidence,
    List<AttributeValue> attributes) {
  /**
   * Creates the entity, checking and copying its components.
   *
   * @param id the entity's id, unique within its assessment, never empty
   * @param label the entity's label (its class, such as {@code dent}), or null; empty is null
   * @param location the location polygon, or null for a file-level entity
   * @param locationConfidence the confidence of the location within [0, 1], or null
   * @param attributes the attribute values in stored order, names unique; copied
   * @throws IllegalArgumentException if the id is empty, a confidence is outside [0, 1], a location
   *     confidence is given without a location, or two values share an attribute name
   * @since 0.2
   */
  public Entity {
    Checks.id(id, "entity id");
    label = Checks.optionalText(label);
    Checks.confidence(locationConfidence, "location confidence of entity " + id);
    if (location == null && locationConfidence != null) {
      throw new IllegalArgumentException(
          "entity "
              + id
              + " has a location confidence but no location: drop the confidence"
              + " or add the polygon");
    }
    attributes = List.copyOf(attributes);
    Set<String> names = new HashSet<>();
    for (AttributeValue attribute : attributes) {
      if (!names.add(attribute.name())) {
        throw new IllegalArgumentException(
            "entity "
                + id
                + " has two values for attribute '"
                + attribute.name()
                + "': use one value (a list of choices holds several)");
      }
    }
  }

  /**
   * Returns a file-level entity: attributes without a location.
   *
   * @param id the entity's id
   * @param label the label, or null
   * @param attributes the attribute values
   * @return the entity
   * @throws IllegalArgumentException as the canonical constructor does
   * @since 0.2
   */
  public static Entity fileLevel(
      String id, @Nullable String label, List<AttributeValue> attributes) {
    return new Entity(id, label, null, null, attributes);
  }

  /**
   * Returns an annotation: a located entity.
   *
   * @param id the entity's id
   * @param label the label, or null
   * @param location the polygon
   * @param locationConfidence the polygon's confidence, or null
   * @param attributes the attribute values
   * @return the entity
   * @throws IllegalArgumentException as the canonical constructor does
   * @since 0.2
   */
  public static Entity annotation(
      String id,
      @Nullable String label,
      Polygon location,
      @Nullable Double locationConfidence,
      List<AttributeValue> attributes) {
    return new Entity(id, label, location, locationConfidence, attributes);
  }
}
