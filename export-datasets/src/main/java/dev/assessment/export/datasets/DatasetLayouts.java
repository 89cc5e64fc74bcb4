/*
 * Copyright 2025-2026 The Assessment Export Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.assessment.export.datasets;

import dev.assessment.export.core.Layout;

/**
 * The training-data layouts that export-datasets writes.
 *
 * @since 0.2
 */
public final class DatasetLayouts {
  /**
   * A COCO 1.0 instances dataset in a ZIP: {@code annotations/instances.json} and the images under
   * {@code images/}, named as the files layout names them.
   *
   * @since 0.2
   */
  public static final Layout COCO = Layout.of("coco");

  /**
   * An Ultralytics YOLO segmentation dataset in a ZIP: {@code data.yaml}, {@code images/train/} and
   * one {@code labels/train/<name>.txt} per image, coordinates normalised to the image.
   *
   * @since 0.2
   */
  public static final Layout YOLO_SEG = Layout.of("yolo-seg");

  private DatasetLayouts() {}
}
