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
 * The archive layouts, {@link dev.assessment.export.imaging.ArchiveLayouts#FILES} and {@link
 * dev.assessment.export.imaging.ArchiveLayouts#ANNOTATED_FILES}, with their options ({@link
 * dev.assessment.export.imaging.ArchiveOptions}), and tools for their output: merging the archive
 * parts of a sharded export ({@link dev.assessment.export.imaging.ArchiveParts}) and cutting an
 * archive into volumes ({@link dev.assessment.export.imaging.ArchiveVolumes}). The layouts are
 * provided to export-core as {@code LayoutProvider} services, so an exporter finds them when this
 * module is on the class or module path.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o-1")
 *     .option(ArchiveOptions.builder().maxLongEdge(2048).build())
 *     .build();
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.imaging;

import org.jspecify.annotations.NullMarked;
