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
package dev.assessment.export.imaging;

import dev.assessment.export.imaging.internal.ArchiveCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Cuts an archive of the archive layouts into volumes, {@code <base>-001.zip}, {@code
 * <base>-002.zip}, …, each a valid archive with its own manifest, so that a delivery link never
 * points at one huge file. Entries are copied raw, in order; the same archive and caps give the
 * same volumes.
 *
 * @since 0.2
 */
public final class ArchiveVolumes {
  private ArchiveVolumes() {}

  /**
   * Cuts an archive into volumes.
   *
   * @param archive the archive, as an export wrote it
   * @param dir the folder to write the volumes into
   * @param base the volumes' name before {@code -001.zip}
   * @param maxEntries the most entries a volume holds, manifest not counted; at least 1
   * @param maxBytes the most bytes a volume's entries take; a single entry larger than this gets a
   *     volume of its own
   * @return the volumes written, in order
   * @throws IllegalArgumentException if a cap is less than 1
   * @throws IOException if the archive cannot be read or a volume written
   * @since 0.2
   */
  public static List<Path> split(Path archive, Path dir, String base, int maxEntries, long maxBytes)
      throws IOException {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "volumes hold at least one entry and one byte: maxEntries "
              + maxEntries
              + ", maxBytes "
              + maxBytes);
    }
    return ArchiveCopy.split(archive, dir, base, maxEntries, maxBytes);
  }
}
