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

/**
 * The type of an attribute's values, as a workflow defines it.
 *
 * @since 0.2
 */
public enum AttributeType {
  /**
   * Free text; written as text and neutralised against spreadsheet formulas.
   *
   * @since 0.2
   */
  TEXT,
  /**
   * A number; written as a plain decimal number, never neutralised.
   *
   * @since 0.2
   */
  NUMBER,
  /**
   * A yes/no value; written as {@code true} or {@code false}.
   *
   * @since 0.2
   */
  BOOLEAN,
  /**
   * A list of choices; written as a JSON array of strings, e.g. {@code ["red","blue"]}.
   *
   * @since 0.2
   */
  CHOICES
}
