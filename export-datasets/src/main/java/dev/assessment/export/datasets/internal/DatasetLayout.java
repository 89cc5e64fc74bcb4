package dev.assessment.export.datasets.internal;

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.datasets.DatasetOptions;
import dev.assessment.export.imaging.ArchiveOptions;
import java.util.Set;

/** What the dataset layouts share: a ZIP, their options, and no merge. */
abstract class DatasetLayout implements LayoutProvider {
  private final Layout layout;
  private final String unmergeable;

  DatasetLayout(Layout layout, String unmergeable) {
    this.layout = layout;
    this.unmergeable = unmergeable;
  }

  @Override
  public final Layout layout() {
    return layout;
  }

  @Override
  public final String extension() {
    return "zip";
  }

  @Override
  public final String mediaType() {
    return "application/zip";
  }

  @Override
  public final Set<Class<? extends LayoutOptions>> optionTypes() {
    return Set.of(DatasetOptions.class, ArchiveOptions.class);
  }

  @Override
  public final PartMerger merger() {
    return PartMerger.unsupported(unmergeable);
  }
}
