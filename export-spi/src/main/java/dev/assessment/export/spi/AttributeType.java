package dev.assessment.export.spi;

/** The type of an attribute's values, as a workflow defines it. */
public enum AttributeType {
  /** Free text; written as text and neutralised against spreadsheet formulas. */
  TEXT,
  /** A number; written as a plain decimal number, never neutralised. */
  NUMBER,
  /** A yes/no value; written as {@code true} or {@code false}. */
  BOOLEAN,
  /** A list of choices; written as a JSON array of strings, e.g. {@code ["red","blue"]}. */
  CHOICES
}
