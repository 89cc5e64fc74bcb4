package dev.assessment.export.spi;

import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * A file of a workflow, usually an image, as it arrived from a data source.
 *
 * @param id the file's id, never empty
 * @param workflowId the id of the workflow the file belongs to
 * @param externalId the id the customer knows the file by (may be empty)
 * @param fileName the original file name (may be empty)
 * @param mediaType the media type, such as {@code image/jpeg}, or null when unknown
 * @param dataSourceId the id of the data source the file came from
 * @param orderId the id of the workflow order the file came in through, or null
 */
public record MediaFile(
    String id,
    String workflowId,
    String externalId,
    String fileName,
    @Nullable String mediaType,
    String dataSourceId,
    @Nullable String orderId) {
  /**
   * Creates the media file, checking and copying its components.
   *
   * @param id the file's id, never empty
   * @param workflowId the id of the workflow the file belongs to
   * @param externalId the id the customer knows the file by (may be empty)
   * @param fileName the original file name (may be empty)
   * @param mediaType the media type, such as {@code image/jpeg}, or null when unknown
   * @param dataSourceId the id of the data source the file came from
   * @param orderId the id of the workflow order the file came in through, or null
   * @throws IllegalArgumentException if an id is empty
   */
  public MediaFile {
    Checks.id(id, "file id");
    Checks.id(workflowId, "workflow id");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(fileName, "fileName");
    mediaType = Checks.optionalText(mediaType);
    Checks.id(dataSourceId, "data source id");
    orderId = Checks.optionalText(orderId);
  }
}
