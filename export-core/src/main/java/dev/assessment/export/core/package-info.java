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
 * What a host application calls: build an {@link dev.assessment.export.core.Exporter} once from the
 * repositories, then run {@link dev.assessment.export.core.ExportRequest}s into {@link
 * dev.assessment.export.core.ExportSink}s.
 *
 * <pre>{@code
 * Exporter exporter = Exporter.builder().repository(repository).build();
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(CsvLayouts.ATTRIBUTE_VALUES)
 *     .scope(AssessmentScope.LATEST)
 *     .build();
 * ExportResult result = exporter.export(request, ExportSink.of(Path.of("export.csv")));
 * }</pre>
 *
 * <p>Key types: {@link dev.assessment.export.core.ExportRequest} (what to export), {@link
 * dev.assessment.export.core.Exporter} (runs it, synchronously or as an {@link
 * dev.assessment.export.core.ExportJob}), {@link dev.assessment.export.core.ExportSink} (where the
 * bytes go), {@link dev.assessment.export.core.ExportResult} (counts and warnings) and {@link
 * dev.assessment.export.core.ExportException} (what went wrong).
 *
 * <p>Nullness: every parameter, return value and record component in this package is non-null
 * unless it is annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.core;

import org.jspecify.annotations.NullMarked;
