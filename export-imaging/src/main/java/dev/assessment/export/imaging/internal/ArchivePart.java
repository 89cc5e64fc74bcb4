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

import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/** How an archive part starts: its marker entry, and names counted from the files before it. */
final class ArchivePart {
  /** The name of the marker entry that starts an archive part. */
  static final String MARKER_ENTRY = ".assessment-export-part";

  private ArchivePart() {}

  /**
   * Returns the JPEG codec a part's marker names.
   *
   * @param marker the marker's text
   * @return the codec, or {@code null} when the marker names none (a files part)
   */
  static @Nullable String codec(String marker) {
    for (String field : marker.strip().split(" ", -1)) {
      if (field.startsWith(CODEC_FIELD)) {
        return field.substring(CODEC_FIELD.length());
      }
    }
    return null;
  }

  /** The marker field that names the JPEG codec of an annotated part. */
  static final String CODEC_FIELD = "codec=";

  /**
   * When the export is a shard: writes the marker entry, and counts the files before the shard that
   * share a base with the shard's files, so that this part numbers them as the whole export does.
   *
   * @param codec the JPEG codec whose output the part holds, recorded in the marker; {@code null}
   *     when the layout encodes nothing
   */
  static void start(ExportContext context, ZipWriter zip, EntryNames names, @Nullable String codec)
      throws IOException {
    String marker = context.partMarker();
    if (marker == null) {
      return;
    }
    if (codec != null) {
      marker = marker + " " + CODEC_FIELD + codec;
    }
    byte[] bytes = marker.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    try (Spool spool = new Spool(1 << 10)) {
      spool.write(bytes);
      spool.finishWriting();
      zip.add(MARKER_ENTRY, true, crc.getValue(), spool);
    }
    // Only the bases of this shard's files matter: collect them first, so that memory is
    // bounded by the shard, not by every file before it.
    java.util.Set<String> keys = new java.util.HashSet<>();
    try (Stream<MediaFile> mine = context.files()) {
      Iterator<MediaFile> it = mine.iterator();
      while (it.hasNext()) {
        keys.add(names.key(it.next()));
      }
    }
    try (Stream<MediaFile> before = context.filesBeforeShard()) {
      Iterator<MediaFile> it = before.iterator();
      while (it.hasNext()) {
        names.countEarlier(it.next(), keys);
      }
    }
  }
}
