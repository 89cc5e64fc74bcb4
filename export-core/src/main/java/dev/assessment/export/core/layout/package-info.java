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
 * The extension point through which any module adds layouts, without export-core knowing them.
 *
 * <p>A module implements {@link dev.assessment.export.core.layout.LayoutProvider} for each layout
 * and registers it in {@code META-INF/services/dev.assessment.export.core.layout.LayoutProvider}
 * (and with {@code provides … with …} in its {@code module-info}). The exporter finds providers
 * with {@link java.util.ServiceLoader} when it is built, checks requests with them, and hands the
 * chosen one an {@link dev.assessment.export.core.layout.ExportContext} per export. A layout's
 * typed options implement {@link dev.assessment.export.core.layout.LayoutOptions}; {@link
 * dev.assessment.export.core.layout.Fields} derives their equality and fingerprint; {@link
 * dev.assessment.export.core.layout.PartMerger} puts shard parts together; {@link
 * dev.assessment.export.core.layout.CsvText} writes CSV that reads like the CSV layouts.
 *
 * <pre>{@code
 * public final class MyLayout implements LayoutProvider {
 *   public Layout layout() { return Layout.of("my-layout"); }
 *   public String extension() { return "txt"; }
 *   public String mediaType() { return "text/plain"; }
 *   public void write(ExportContext context, OutputStream out) throws IOException { … }
 *   public PartMerger merger() { return PartMerger.unsupported("…"); }
 * }
 * }</pre>
 *
 * <p>Nullness: every parameter and return value in this package is non-null unless annotated {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.core.layout;

import org.jspecify.annotations.NullMarked;
