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
package dev.assessment.export.core.layout;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Serves one layout: names it, says what its output is, checks requests for it, writes it and
 * merges its shard parts. Found by {@link java.util.ServiceLoader} (register the class in {@code
 * META-INF/services/dev.assessment.export.core.layout.LayoutProvider} and, in a named module,
 * {@code provides … with …}) or added with {@code Exporter.Builder.layoutProvider(…)}. A module
 * that writes several layouts registers one provider each.
 *
 * <p>Instances must have a public no-argument constructor (when discovered), be stateless and
 * thread-safe: the exporter keeps one instance and calls it from every export, on the exporting
 * thread.
 *
 * @since 0.2
 */
public interface LayoutProvider {

  /**
   * Returns the layout this provider serves. Called once, when an exporter is built; no two
   * providers of one exporter may serve the same layout.
   *
   * @return the layout
   * @since 0.2
   */
  Layout layout();

  /**
   * Returns the file name extension of the output, without the dot.
   *
   * @return e.g. {@code csv} or {@code zip}
   * @since 0.2
   */
  String extension();

  /**
   * Returns the media type of the output.
   *
   * @return e.g. {@code application/zip}
   * @since 0.2
   */
  String mediaType();

  /**
   * Returns the option types this layout reads from a request ({@link
   * ExportRequest#option(Class)}). A request that carries an option of another type is refused.
   *
   * @return the option classes; empty by default
   * @since 0.2
   */
  default Set<Class<? extends LayoutOptions>> optionTypes() {
    return Set.of();
  }

  /**
   * Tells whether the output depends on the assessments (and so on the request's scope). The
   * suggested file name of a layout that does not gets no {@code -latest}.
   *
   * @return true by default
   * @since 0.2
   */
  default boolean readsAssessments() {
    return true;
  }

  /**
   * Checks a request for this layout before anything is opened, beyond what {@link
   * ExportRequest.Builder#build()} checks: e.g. that a layout which needs an order has one. Called
   * by the exporter on the caller's thread for every export and job; the option types were checked
   * already.
   *
   * @param request the request
   * @throws IllegalStateException if the request's settings do not suit this layout; the message
   *     names the setting and the fix
   * @throws IllegalArgumentException if an option's value does not suit this layout
   * @since 0.2
   */
  default void validate(ExportRequest request) {}

  /**
   * Writes one export, on the calling thread. Streams obtained from the context must be closed
   * before returning (the exporter closes any left open, as a safety net). The provider does not
   * close {@code out}. When the request is a shard, the output must hold {@link
   * ExportContext#partMarker()} so that {@link #merger()} can check the parts.
   *
   * @param context the export's request, metadata, data, warnings and progress
   * @param out where the bytes go
   * @throws IOException if the export fails; {@link dev.assessment.export.core.ExportException}
   *     when the message is meant for the person exporting
   * @since 0.2
   */
  void write(ExportContext context, OutputStream out) throws IOException;

  /**
   * Returns how the parts of a sharded export of this layout go back together. A layout whose parts
   * cannot be merged returns {@link PartMerger#unsupported(String)}, and requests that shard it are
   * then refused with that reason.
   *
   * @return the merger
   * @since 0.2
   */
  PartMerger merger();
}
