package dev.assessment.export.spi;

import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * Which files, and which of their assessments, an export asks a repository for.
 *
 * @param workflowId the workflow whose files are wanted
 * @param dataSourceId only files from this data source, or null for every data source
 * @param orderId only files that came in through this order, or null for every file
 * @param scope which assessments of each file are wanted
 */
public record FileQuery(
    String workflowId,
    @Nullable String dataSourceId,
    @Nullable String orderId,
    AssessmentScope scope) {
  /**
   * Creates the file query, checking and copying its components.
   *
   * @param workflowId the workflow whose files are wanted
   * @param dataSourceId only files from this data source, or null for every data source
   * @param orderId only files that came in through this order, or null for every file
   * @param scope which assessments of each file are wanted
   * @throws IllegalArgumentException if an id is empty
   */
  public FileQuery {
    Checks.id(workflowId, "workflow id");
    if (dataSourceId != null) {
      Checks.id(dataSourceId, "data source id");
    }
    if (orderId != null) {
      Checks.id(orderId, "order id");
    }
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * Returns a query for every file of a workflow and all their assessments.
   *
   * @param workflowId the workflow's id
   * @return the query
   */
  public static FileQuery all(String workflowId) {
    return new FileQuery(workflowId, null, null, AssessmentScope.ALL);
  }

  /**
   * Tells whether a file passes this query's workflow, data source and order filters.
   *
   * @param file the file
   * @return true when the file is selected
   */
  public boolean selects(MediaFile file) {
    return file.workflowId().equals(workflowId)
        && (dataSourceId == null || dataSourceId.equals(file.dataSourceId()))
        && (orderId == null || orderId.equals(file.orderId()));
  }
}
