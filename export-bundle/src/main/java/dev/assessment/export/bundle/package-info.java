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
 * Bundles: a folder holding a workflow's export in the long layout, with the files and media the
 * CSV cannot describe, opened as a {@link dev.assessment.export.bundle.BundleRepository} that
 * streams it.
 *
 * <p>A bundle holds {@code assessments.csv} (the long layout, exactly as the exporter writes it,
 * with or without a BOM), and optionally {@code attributes.csv} ({@code name, type}), {@code
 * files.csv} ({@code file_id, external_id, file_name, media_type, data_source_id, data_source_name,
 * order_id, order_name} and an optional {@code path}) and the media files, at {@code
 * media/<file_name>} unless {@code path} says otherwise.
 *
 * <pre>{@code
 * Bundle.write(repository, "wf-1", Path.of("bundle"));
 * BundleRepository copy = Bundle.open(Path.of("bundle"));
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.bundle;

import org.jspecify.annotations.NullMarked;
