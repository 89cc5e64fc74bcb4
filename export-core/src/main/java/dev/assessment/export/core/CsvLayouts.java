package dev.assessment.export.core;

/** The two CSV layouts that export-core writes itself. */
public final class CsvLayouts {
  /** Long CSV: one row per attribute value, the location polygon included, confidences for all. */
  public static final Layout ATTRIBUTE_VALUES = Layout.of("attribute-values");

  /** Wide CSV: one row per annotation, a column per attribute, the location's confidence only. */
  public static final Layout ANNOTATIONS = Layout.of("annotations");

  private CsvLayouts() {}
}
