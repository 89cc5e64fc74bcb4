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

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One assessment of a file: by a machine step or a person, at a time, with the entities found.
 *
 * @param id the assessment's id, never empty
 * @param kind who assessed
 * @param step the workflow step that assessed, or null; empty is null
 * @param assessor who assessed (a model version, a user name), or null; empty is null
 * @param assessedAt when the assessment was made
 * @param entities the entities in stored order, ids unique; copied; empty means nothing found
 * @since 0.2
 */
public record Assessment(
    String id,
    AssessmentKind kind,
    @Nullable String step,
    @Nullable String assessor,
    Instant assessedAt,
    List<Entity> entities) {

  /**
   * Orders assessments from oldest to most recent: by {@code assessedAt}, then by id. Ids made of
   * ASCII digits only compare as whole numbers (so {@code 9} comes before {@code 10}) and before
   * any other id; other ids compare as strings. The most recent assessment of a file is the
   * greatest in this order.
   *
   * @since 0.2
   */
  public static final Comparator<Assessment> RECENCY =
      Comparator.comparing(Assessment::assessedAt)
          .thenComparing(Assessment::id, Assessment::compareIds);

  /**
   * Creates the assessment, checking and copying its components.
   *
   * @param id the assessment's id, never empty
   * @param kind who assessed
   * @param step the workflow step that assessed, or null; empty is null
   * @param assessor who assessed (a model version, a user name), or null; empty is null
   * @param assessedAt when the assessment was made
   * @param entities the entities in stored order, ids unique; copied; empty means nothing found
   * @throws IllegalArgumentException if the id is empty or two entities share an id
   * @since 0.2
   */
  public Assessment {
    Checks.id(id, "assessment id");
    Objects.requireNonNull(kind, "kind");
    step = Checks.optionalText(step);
    assessor = Checks.optionalText(assessor);
    Objects.requireNonNull(assessedAt, "assessedAt");
    entities = List.copyOf(entities);
    Set<String> ids = new HashSet<>();
    for (Entity entity : entities) {
      if (!ids.add(entity.id())) {
        throw new IllegalArgumentException(
            "assessment "
                + id
                + " has two entities with id "
                + entity.id()
                + ": entity ids must be unique within an assessment");
      }
    }
  }

  private static int compareIds(String a, String b) {
    boolean aNumeric = isDigits(a);
    boolean bNumeric = isDigits(b);
    if (aNumeric && bNumeric) {
      int byValue = new BigInteger(a).compareTo(new BigInteger(b));
      return byValue != 0 ? byValue : a.compareTo(b);
    }
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
