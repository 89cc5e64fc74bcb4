package dev.assessment.export.imaging;

import dev.assessment.export.core.Layout;

/** The archive layouts that export-imaging writes. */
public final class ArchiveLayouts {
  /** ZIP of the original files under standard names, with a manifest. */
  public static final Layout FILES = Layout.of("files");

  /**
   * ZIP of the images of one order with their annotations drawn on, named as in {@link #FILES},
   * with a manifest. A request for it needs an order.
   */
  public static final Layout ANNOTATED_FILES = Layout.of("annotated-files");

  private ArchiveLayouts() {}
}
