package dev.assessment.export.spark;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Layout;
import dev.assessment.export.spi.AssessmentScope;
import jakarta.annotation.Nullable;
import java.io.Serializable;

/**
 * The serialisable form of an {@link ExportRequest} that a Spark task carries.
 *
 * @param workflowId the workflow
 * @param layout the layout
 * @param assessments the scope
 * @param dataSourceId the data source filter, or null
 * @param orderId the order filter, or null
 */
public record RequestSpec(
    String workflowId, Layout layout, AssessmentScope assessments, @Nullable String dataSourceId,
    @Nullable String orderId) implements Serializable {

  /**
   * Builds the request, for one shard or the whole.
   *
   * @param shard the shard index, or -1 for the whole export
   * @param shards the number of shards
   * @return the request
   */
  public ExportRequest request(int shard, int shards) {
    ExportRequest.Builder b = ExportRequest.builder(workflowId).layout(layout).assessments(assessments)
        .dataSource(dataSourceId).order(orderId);
    if (shard >= 0) {
      b.shard(shard, shards);
    }
    return b.build();
  }
}
