package dev.assessment.export.spi;

import java.util.List;
import java.util.Optional;

/**
 * Workflow metadata: the workflow, its orders and its data sources.
 *
 * <p>Called by the exporter once per export, before any file is read, on the thread that runs
 * the export; implementations must be safe to call from several threads at once. Metadata is
 * small and is returned whole. An unknown id is not an error here: the result is empty, and the
 * exporter turns it into an error that names the id.
 */
public interface WorkflowRepository {

  /**
   * Returns the workflow with its attribute definitions.
   *
   * @param workflowId the workflow's id
   * @return the workflow, or empty when there is none with that id
   * @throws java.io.UncheckedIOException or another runtime exception when the storage fails;
   *     the exporter wraps it with the workflow id
   */
  Optional<Workflow> workflow(String workflowId);

  /**
   * Returns the workflow's orders.
   *
   * @param workflowId the workflow's id
   * @return the orders in a stable order; empty for an unknown workflow
   */
  List<WorkflowOrder> orders(String workflowId);

  /**
   * Returns the workflow's data sources.
   *
   * @param workflowId the workflow's id
   * @return the data sources in a stable order; empty for an unknown workflow
   */
  List<DataSource> dataSources(String workflowId);
}
