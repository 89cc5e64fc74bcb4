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
/**
 * Training-data layouts: {@link dev.assessment.export.datasets.DatasetLayouts#COCO} (a COCO 1.0
 * instances dataset) and {@link dev.assessment.export.datasets.DatasetLayouts#YOLO_SEG}
 * (Ultralytics segmentation labels), both with the assessment context that training tools leave
 * out, and their options ({@link dev.assessment.export.datasets.DatasetOptions}). Found by the
 * exporter through {@link java.util.ServiceLoader} when this module is on the class or module path.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(DatasetLayouts.COCO)
 *     .scope(AssessmentScope.LATEST)
 *     .option(DatasetOptions.builder().images(false).build())
 *     .build();
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.datasets;

import org.jspecify.annotations.NullMarked;
