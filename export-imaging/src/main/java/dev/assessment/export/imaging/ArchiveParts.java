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

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.Parts;
import dev.assessment.export.imaging.internal.ArchiveCopy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the archive parts of a sharded {@code files} or {@code annotated-files} export into the
 * bytes the one-machine export of the request writes: entries are copied raw, without decompressing
 * or recompressing, in shard order; the parts' manifests become one.
 *
 * <pre>{@code
 * ArchiveParts.merge(List.of(part0, part1, part2), Files.newOutputStream(target));
 * }</pre>
 *
 * @since 0.2
 */
public final class ArchiveParts {
  private ArchiveParts() {}

  /**
   * Merges archive parts. Streams: memory holds one copy buffer and the manifest in a spool.
   *
   * @param parts the parts, in any order
   * @param out where the archive goes; not closed
   * @throws ExportException if the parts do not belong together (another request, other data, a
   *     missing or repeated shard, annotated images of different JPEG codecs), naming them
   * @throws IOException if a part cannot be read or the output written
   * @since 0.2
   */
  public static void merge(List<Path> parts, OutputStream out) throws IOException {
    List<Parts.Marker> markers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Path p : parts) {
      String text = ArchiveCopy.marker(p);
      markers.add(Parts.parse(p.toString(), text));
      names.add(p.toString());
      texts.add(text);
    }
    List<Parts.Marker> ordered = Parts.check(markers);
    ArchiveCopy.checkOneCodec(names, texts);
    List<Path> paths = new ArrayList<>();
    for (Parts.Marker m : ordered) {
      paths.add(Path.of(m.name()));
    }
    ArchiveCopy.merge(paths, out);
  }
}
