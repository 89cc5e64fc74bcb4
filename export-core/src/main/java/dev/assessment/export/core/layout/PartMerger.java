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

import dev.assessment.export.core.ExportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the parts of a sharded export back together into the bytes the one-machine export of the
 * request writes. {@link dev.assessment.export.core.Parts} has the marker checks every merger
 * starts with, and the CSV merge.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PartMerger {

  /**
   * Merges parts, streaming.
   *
   * @param parts the parts, in any order
   * @param out where the merged output goes; not closed
   * @throws ExportException if the parts do not belong together, naming them
   * @throws IOException if a part cannot be read or the output written
   * @since 0.2
   */
  void merge(List<Path> parts, OutputStream out) throws IOException;

  /**
   * Tells why this layout's parts cannot be merged.
   *
   * @return the reason, or empty when they can
   * @since 0.2
   */
  default Optional<String> refusal() {
    return Optional.empty();
  }

  /**
   * Returns a merger that refuses: sharding a request for its layout is refused with the reason.
   *
   * @param reason why parts cannot be merged, e.g. {@code its index must see every image}
   * @return the merger
   * @since 0.2
   */
  static PartMerger unsupported(String reason) {
    Objects.requireNonNull(reason, "reason");
    return new PartMerger() {
      @Override
      public void merge(List<Path> parts, OutputStream out) throws IOException {
        throw new ExportException("parts of this layout cannot be merged: " + reason);
      }

      @Override
      public Optional<String> refusal() {
        return Optional.of(reason);
      }
    };
  }
}
