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

  private CsvLayouts() {}
}
