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
package dev.assessment.export.imaging.internal;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of rendering one file: the encoded image with its CRC and digest, or why the file was
 * skipped; and what was drawn.
 *
 * @param content the bytes to pack, or null when skipped
 * @param suffix the entry's suffix ({@code jpg} or {@code png}), or null to keep the file's own
 * @param skipped why the file was skipped, or null
 * @param drawn how many annotations were drawn
 * @param notes what was not drawn and why; empty when everything was
 * @param warnings warnings to report, in order, on the thread that writes the archive
 */
public record Rendered(
    @Nullable Fetched content,
    @Nullable String suffix,
    @Nullable String skipped,
    int drawn,
    String notes,
    java.util.List<Warning> warnings)
    implements AutoCloseable {

  static Rendered skipped(String reason) {
    return new Rendered(null, null, reason, 0, "", java.util.List.of());
  }

  /**
   * A warning found while rendering.
   *
   * @param code the warning's code
   * @param message its message
   */
  public record Warning(String code, String message) {}

  @Override
  public void close() {
    if (content != null) {
      content.close();
    }
  }
}
