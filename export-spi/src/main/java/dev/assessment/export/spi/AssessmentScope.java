package dev.assessment.export.spi;

/** Which assessments of each file a query or an export covers. */
public enum AssessmentScope {
  /** Every assessment of each file. */
  ALL,
  /**
   * Only the most recent assessment of each file: the latest {@code assessedAt}, and on a tie the
   * greatest assessment id (see {@link Assessment#RECENCY}).
   */
  LATEST
}
