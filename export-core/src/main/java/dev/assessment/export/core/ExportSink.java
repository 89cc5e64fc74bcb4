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
package dev.assessment.export.core;

import dev.assessment.export.core.internal.Sinks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where an export's bytes go.
 *
 * <p>Built-ins: {@link #of(OutputStream)} for a stream the caller owns, and {@link #of(Path)} for a
 * file written atomically. A host may implement its own, for example to stream straight into its
 * object store; the exporter calls {@link #open()} once per export, writes to the target's stream
 * on the export's thread, then calls exactly one of {@link Target#commit()} and {@link
 * Target#abort()}.
 *
 * @since 0.2
 */
public interface ExportSink {

  /**
   * Opens a target for one export.
   *
   * @return the target
   * @throws IOException if the target cannot be opened
   * @since 0.2
   */
  Target open() throws IOException;

  /**
   * Returns a sink that writes to a stream the caller owns: it is flushed at the end of the export
   * but never closed. On failure, what was written stays written.
   *
   * @param out the stream
   * @return the sink
   * @since 0.2
   */
  static ExportSink of(OutputStream out) {
    return Sinks.stream(out);
  }

  /**
   * Returns a sink that writes a file atomically: to a temporary file in the same directory, moved
   * into place on success and deleted on failure or cancel, so the path never holds a partial
   * export. An existing file at the path is replaced on success only. Missing parent folders are
   * created when the export starts, as a host writing to {@code exports/<date>/…} expects; they
   * stay, empty, if the export fails.
   *
   * @param path the file to write
   * @return the sink
   * @since 0.2
   */
  static ExportSink of(Path path) {
    return Sinks.path(path);
  }

  /**
   * One export's destination.
   *
   * @since 0.2
   */
  interface Target {
    /**
     * Returns the stream to write to; the exporter does not close it, {@link #commit()} and {@link
     * #abort()} do.
     *
     * @return the stream
     * @since 0.2
     */
    OutputStream stream();

    /**
     * Makes what was written the result, after the last byte.
     *
     * @throws IOException if the result cannot be kept
     * @since 0.2
     */
    void commit() throws IOException;

    /**
     * Discards what was written, after a failure or a cancel; never throws.
     *
     * @since 0.2
     */
    void abort();
  }
}
