package dev.assessment.export.spark;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Layout;
import dev.assessment.export.spi.AssessmentScope;
import org.jspecify.annotations.Nullable;
import java.io.Serializable;

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
    String workflowId, String layoutId, AssessmentScope scope, @Nullable String dataSourceId,
    @Nullable String orderId) implements Serializable {

  /**
   * Builds the request, for one shard or the whole.
   *
   * @param shard the shard index, or -1 for the whole export
   * @param shards the number of shards
   * @return the request
   */
  public ExportRequest request(int shard, int shards) {
    ExportRequest.Builder b = ExportRequest.builder(workflowId).layout(layout()).scope(scope)
        .dataSourceId(dataSourceId).orderId(orderId);
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
