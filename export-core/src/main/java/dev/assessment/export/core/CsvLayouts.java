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

import dev.assessment.export.core.internal.Columns;
import dev.assessment.export.spi.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The two CSV layouts that export-core writes itself.
 *
 * @since 0.2
 */
public final class CsvLayouts {
  /**
   * Long CSV: one row per attribute value, the location polygon included, confidences for all.
   *
   * @since 0.2
   */
  public static final Layout ATTRIBUTE_VALUES = Layout.of("attribute-values");

  /**
   * Wide CSV: one row per annotation, a column per attribute, the location's confidence only.
   *
   * @since 0.2
   */
  public static final Layout ANNOTATIONS = Layout.of("annotations");

  /**
   * The {@code attribute} cell of the long layout's row that holds an entity's location polygon.
   *
   * @since 0.2
   */
  public static final String LOCATION_ATTRIBUTE = Columns.LOCATION;

  private CsvLayouts() {}

  /**
   * Returns the columns of the long layout ({@link #ATTRIBUTE_VALUES}), in order: what a reader of
   * that layout expects in its header.
   *
   * @return the column names, immutable
   * @since 0.2
   */
  public static List<String> attributeValuesColumns() {
    return Columns.LONG;
  }

  /**
   * Returns the name each of a workflow's attributes gets in both CSV layouts, in the workflow's
   * order: its own name, unless that equals a fixed column or an earlier attribute's name, in which
   * case {@code " (attribute)"}, then {@code " (attribute 2)"}, … is appended (docs/formats.md).
   *
   * @param workflow the workflow
   * @return attribute name to column or {@code attribute} cell text, immutable
   * @since 0.2
   */
  public static Map<String, String> attributeColumnNames(Workflow workflow) {
    return java.util.Collections.unmodifiableMap(Columns.attributeNames(workflow));
  }
}
