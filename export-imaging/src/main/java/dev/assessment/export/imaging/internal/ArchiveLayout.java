package dev.assessment.export.imaging.internal;

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.LayoutProvider;
import java.util.EnumSet;
import java.util.Set;

/** What the archive layouts share: one layout each, written as a ZIP. */
abstract class ArchiveLayout implements LayoutProvider {
  private final Layout layout;

  ArchiveLayout(Layout layout) {
    this.layout = layout;
  }

  @Override
  public final Set<Layout> layouts() {
    return EnumSet.of(layout);
  }

  @Override
  public final String extension(Layout layout) {
    return "zip";
  }

  @Override
  public final String mediaType(Layout layout) {
    return "application/zip";
  }
}
