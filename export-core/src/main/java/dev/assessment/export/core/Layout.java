package dev.assessment.export.core;

/** The shape of an export's output. */
public enum Layout {
  /** Long CSV: one row per attribute value, the location polygon included, confidences for all. */
  ATTRIBUTE_VALUES,
  /** Wide CSV: one row per annotation, a column per attribute, the location's confidence only. */
  ANNOTATIONS,
  /** ZIP of the original files with standard names and a manifest; needs export-imaging. */
  FILES,
  /** ZIP of the images with their annotations drawn on; needs an order and export-imaging. */
  ANNOTATED_FILES;

  /**
   * Tells whether this layout writes CSV (as opposed to a ZIP archive).
   *
   * @return true for {@link #ATTRIBUTE_VALUES} and {@link #ANNOTATIONS}
   */
  public boolean isCsv() {
    return this == ATTRIBUTE_VALUES || this == ANNOTATIONS;
  }

  /**
   * Returns the layout's name in lower case with dashes, as file names and the command line use
   * it, e.g. {@code attribute-values}.
   *
   * @return the slug
   */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
