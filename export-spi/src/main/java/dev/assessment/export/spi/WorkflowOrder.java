package dev.assessment.export.spi;

import java.util.Objects;

/**
 * A workflow order: a batch of files submitted to a workflow under one name.
 *
 * @param id the order's id, never empty
 * @param workflowId the id of the workflow the order belongs to
 * @param name the order's display name (may be empty), used in archive entry names
 */
public record WorkflowOrder(String id, String workflowId, String name) {
  /**
   * Creates the workflow order, checking and copying its components.
   *
   * @param id the order's id, never empty
   * @param workflowId the id of the workflow the order belongs to
   * @param name the order's display name (may be empty), used in archive entry names
   * @throws IllegalArgumentException if an id is empty
   */
  public WorkflowOrder {
    Checks.id(id, "order id");
    Checks.id(workflowId, "workflow id");
    Objects.requireNonNull(name, "name");
  }
}
