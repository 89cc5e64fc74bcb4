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
package dev.assessment.export.spark;

import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.Serializable;

/**
 * Builds the host's repositories on each executor: repositories hold connections, so they are built
 * where they are used, not shipped. A JDBC factory is a URL and credentials; see {@link
 * ShardedExport#jdbc}.
 */
public interface RepositoryFactory extends Serializable {
  /**
   * Builds the repositories; called once per shard on the executor running it, and once on the
   * driver to count the files.
   *
   * @param <R> a type implementing the three repositories
   * @return the repositories
   * @throws Exception if the storage cannot be reached
   */
  <R extends WorkflowRepository & AssessmentRepository & MediaRepository> R repository()
      throws Exception;

  /**
   * Builds an exporter over {@link #repository()}.
   *
   * @return the exporter
   * @throws Exception if the storage cannot be reached
   */
  default Exporter exporter() throws Exception {
    return Exporter.builder().repository(repository()).build();
  }
}
