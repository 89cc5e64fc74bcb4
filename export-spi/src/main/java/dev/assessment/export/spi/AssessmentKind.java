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
 * Who made an assessment.
 *
 * @since 0.2
 */
public enum AssessmentKind {
  /**
   * An automated step, such as a detection model.
   *
   * @since 0.2
   */
  MACHINE,
  /**
   * A person, such as a reviewer.
   *
   * @since 0.2
   */
  HUMAN
}
