package dev.assessment.export.datasets;

import dev.assessment.export.core.Layout;

/** The training-data layouts that export-datasets writes. */
public final class DatasetLayouts {
  /**
   * A COCO 1.0 instances dataset in a ZIP: {@code annotations/instances.json} and the images
   * under {@code images/}, named as the files layout names them.
   */
  public static final Layout COCO = Layout.of("coco");

  /**
   * An Ultralytics YOLO segmentation dataset in a ZIP: {@code data.yaml}, {@code images/train/}
   * and one {@code labels/train/<name>.txt} per image, coordinates normalised to the image.
   */
  public static final Layout YOLO_SEG = Layout.of("yolo-seg");

  private DatasetLayouts() {}
}
