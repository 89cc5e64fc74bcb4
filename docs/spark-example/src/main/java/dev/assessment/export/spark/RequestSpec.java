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

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Layout;
import dev.assessment.export.spi.AssessmentScope;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The serialisable form of an {@link ExportRequest} that a Spark task carries.
 *
 * @param workflowId the workflow
 * @param layoutId the layout's id, e.g. {@code attribute-values} or {@code files}
 * @param scope the scope
 * @param dataSourceId the data source filter, or null
 * @param orderId the order filter, or null
 */
public record RequestSpec(
    String workflowId,
    String layoutId,
    AssessmentScope scope,
    @Nullable String dataSourceId,
    @Nullable String orderId)
    implements Serializable {

  /**
   * Builds the request, for one shard or the whole.
   *
   * @param shard the shard index, or -1 for the whole export
   * @param shards the number of shards
   * @return the request
   */
  public ExportRequest request(int shard, int shards) {
    ExportRequest.Builder b =
        ExportRequest.builder(workflowId)
            .layout(layout())
            .scope(scope)
            .dataSourceId(dataSourceId)
            .orderId(orderId);
    if (shard >= 0) {
      b.shard(shard, shards);
    }
    return b.build();
  }

  /**
   * Returns the layout.
   *
   * @return the layout of {@link #layoutId()}
   */
  public Layout layout() {
    return Layout.of(layoutId);
  }
}
