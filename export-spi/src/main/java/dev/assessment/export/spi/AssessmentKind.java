package dev.assessment.export.spi;

/** Who made an assessment. */
public enum AssessmentKind {
  /** An automated step, such as a detection model. */
  MACHINE,
  /** A person, such as a reviewer. */
  HUMAN
}
