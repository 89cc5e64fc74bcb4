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

import java.util.List;
import java.util.Optional;

/**
 * Workflow metadata: the workflow, its orders and its data sources.
 *
 * <p>Called by the exporter once per export, before any file is read, on the thread that runs the
 * export; implementations must be safe to call from several threads at once. Metadata is small and
 * is returned whole: return a list that is already read, not a lazy view over a cursor. An unknown
 * id is not an error here: the result is empty, and the exporter turns it into an error that names
 * the id.
 *
 * <p>Every method may throw what the storage throws, checked or not ({@code SQLException}, {@code
 * IOException}, …): the exporter wraps it once, with the workflow's id, in an {@code
 * ExportException}.
 *
 * @since 0.2
 */
public interface WorkflowRepository {

  /**
   * Returns the workflow with its attribute definitions.
   *
   * @param workflowId the workflow's id
   * @return the workflow, or empty when there is none with that id
   * @throws Exception when the storage fails; the exporter wraps it with the workflow id
   * @since 0.2
   */
  Optional<Workflow> workflow(String workflowId) throws Exception;

  /**
   * Returns the workflow's orders.
   *
   * @param workflowId the workflow's id
   * @return the orders in a stable order; empty for an unknown workflow
   * @throws Exception when the storage fails
   * @since 0.2
   */
  List<WorkflowOrder> orders(String workflowId) throws Exception;

  /**
   * Returns the workflow's data sources.
   *
   * @param workflowId the workflow's id
   * @return the data sources in a stable order; empty for an unknown workflow
   * @throws Exception when the storage fails
   * @since 0.2
   */
  List<DataSource> dataSources(String workflowId) throws Exception;
}
