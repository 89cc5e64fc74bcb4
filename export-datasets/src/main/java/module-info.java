/**
 * Training-data layouts of Assessment Export, {@code coco} and {@code yolo-seg}, built on the
 * public layout API and provided to the exporter as {@link
 * dev.assessment.export.core.layout.LayoutProvider} services.
 */
module dev.assessment.export.datasets {
  requires transitive dev.assessment.export.imaging;
  requires static transitive org.jspecify;
  requires tools.jackson.core;

  exports dev.assessment.export.datasets;

  provides dev.assessment.export.core.layout.LayoutProvider with
      dev.assessment.export.datasets.internal.CocoLayoutProvider,
      dev.assessment.export.datasets.internal.YoloSegLayoutProvider;
}
