package dev.assessment.export.spi;

import java.util.Objects;

/**
 * A data source that files of a workflow arrive from.
 *
 * @param id the data source's id, never empty
 * @param workflowId the id of the workflow the data source feeds
 * @param name the data source's display name (may be empty)
 */
public record DataSource(String id, String workflowId, String name) {
  /**
   * Creates the data source, checking and copying its components.
   *
   * @param id the data source's id, never empty
   * @param workflowId the id of the workflow the data source feeds
   * @param name the data source's display name (may be empty)
   * @throws IllegalArgumentException if an id is empty
   */
  public DataSource {
    Checks.id(id, "data source id");
    Checks.id(workflowId, "workflow id");
    Objects.requireNonNull(name, "name");
  }
}
