/**
 * Training-data layouts: {@link dev.assessment.export.datasets.DatasetLayouts#COCO} (a COCO 1.0
 * instances dataset) and {@link dev.assessment.export.datasets.DatasetLayouts#YOLO_SEG}
 * (Ultralytics segmentation labels), both with the assessment context that training tools leave
 * out, and their options ({@link dev.assessment.export.datasets.DatasetOptions}). Found by the
 * exporter through {@link java.util.ServiceLoader} when this module is on the class or module
 * path.
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
