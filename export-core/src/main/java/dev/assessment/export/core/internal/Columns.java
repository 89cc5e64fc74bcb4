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
package dev.assessment.export.core.internal;

import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The column names of the CSV layouts and the names attributes get in them. */
public final class Columns {
  /** The leading columns of both CSV layouts, in order. */
  public static final List<String> LEADING =
      List.of(
          "workflow_id",
          "workflow_name",
          "order_id",
          "order_name",
          "data_source_id",
          "data_source_name",
          "file_id",
          "external_id",
          "file_name",
          "assessment_id",
          "assessment_kind",
          "assessment_step",
          "assessor",
          "assessed_at",
          "entity_id",
          "label");

  /** Every column of the long layout, in order. */
  public static final List<String> LONG =
      concat(LEADING, List.of("attribute", "value", "confidence"));

  /** The fixed columns of the wide layout, before the attribute columns. */
  public static final List<String> WIDE_FIXED = concat(LEADING, List.of("location", "confidence"));

  /** The {@code attribute} cell of the row that holds an entity's location polygon. */
  public static final String LOCATION = "location";

  private static final Set<String> RESERVED = reserved();

  private Columns() {}

  /**
   * Returns the name each of a workflow's attributes gets in both CSV layouts, in the workflow's
   * order. A name that equals a fixed column of either layout, or a name given earlier, gets {@code
   * " (attribute)"} appended, then {@code " (attribute 2)"}, {@code " (attribute 3)"}, … until it
   * is free. So an attribute called {@code label} is the column {@code label (attribute)}, and one
   * called {@code location} is never taken for the location row.
   *
   * @param workflow the workflow
   * @return attribute name to CSV name, in the workflow's order
   */
  public static Map<String, String> attributeNames(Workflow workflow) {
    Set<String> taken = new HashSet<>(RESERVED);
    Map<String, String> names = new LinkedHashMap<>();
    for (AttributeDefinition attribute : workflow.attributes()) {
      names.put(attribute.name(), free(attribute.name(), taken));
    }
    return names;
  }

  /**
   * Returns the CSV name of an attribute the workflow does not define: its own name, unless that is
   * reserved or taken by a defined attribute, in which case {@code " (undefined)"} is appended.
   *
   * @param name the attribute's name
   * @param definedNames the CSV names of the defined attributes
   * @return the CSV name
   */
  public static String undefinedName(String name, java.util.Collection<String> definedNames) {
    return RESERVED.contains(name) || definedNames.contains(name) ? name + " (undefined)" : name;
  }

  private static String free(String name, Set<String> taken) {
    if (taken.add(name)) {
      return name;
    }
    String candidate = name + " (attribute)";
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + " (attribute " + n + ")";
    }
    return candidate;
  }

  private static Set<String> reserved() {
    Set<String> s = new HashSet<>(LONG);
    s.addAll(WIDE_FIXED);
    return Set.copyOf(s);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
