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
 * A data source that files of a workflow arrive from.
 *
 * @param id the data source's id, never empty
 * @param workflowId the id of the workflow the data source feeds
 * @param name the data source's display name (may be empty)
 * @since 0.2
 */
public record DataSource(String id, String workflowId, String name) {
  /**
   * Creates the data source, checking and copying its components.
   *
   * @param id the data source's id, never empty
   * @param workflowId the id of the workflow the data source feeds
   * @param name the data source's display name (may be empty)
   * @throws IllegalArgumentException if an id is empty
   * @since 0.2
   */
  public DataSource {
    Checks.id(id, "data source id");
    Checks.id(workflowId, "workflow id");
    Objects.requireNonNull(name, "name");
  }
}
