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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the archive layouts' ZIP: UTF-8 names with the language-encoding flag, Zip64 exactly when
 * needed (also on a stream that cannot seek), entry times fixed at 2000-01-01 00:00 whatever the
 * time zone, already-compressed media STORED and the rest DEFLATED. Does not close the stream it
 * writes to.
 */
public final class ZipWriter implements AutoCloseable {
  private static final Set<String> COMPRESSED =
      Set.of(
          "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "jp2", "zip", "gz", "tgz",
          "bz2", "xz", "zst", "7z", "rar", "mp4", "m4v", "mov", "avi", "mkv", "webm", "mp3", "m4a",
          "aac", "ogg", "opus", "flac", "pdf");

  private final ZipArchiveOutputStream zip;
  private final OutputStream buffered;
  private boolean finished;

  /**
   * Starts an archive.
   *
   * @param sink where the archive goes; not closed
   */
  public ZipWriter(OutputStream sink) {
    this.buffered = new java.io.BufferedOutputStream(sink, 1 << 16);
    // The sink is not the archive's to close; finish() flushes what the buffer holds.
    this.zip = new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(buffered));
    zip.setEncoding("UTF-8");
    zip.setUseLanguageEncodingFlag(true);
    zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
    zip.setUseZip64(Zip64Mode.AsNeeded);
  }

  /**
   * Tells whether content with a suffix or media type is already compressed, so that deflating it
   * again would only cost time.
   *
   * @param suffix the entry's suffix, lower case
   * @param mediaType the media type, or null
   * @return true to STORE it
   */
  public static boolean isCompressed(String suffix, @Nullable String mediaType) {
    if (COMPRESSED.contains(suffix)) {
      return true;
    }
    if (mediaType == null) {
      return false;
    }
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("video/")
        || type.startsWith("audio/")
        || type.equals("image/jpeg")
        || type.equals("image/png")
        || type.equals("image/gif")
        || type.equals("image/webp");
  }

  /**
   * Adds an entry whose content waits in a spool: STORED as it is, or DEFLATED here first, so that
   * every entry is written with its sizes and CRC in its local header (no data descriptor). A merge
   * that copies entries raw then writes exactly the same bytes.
   *
   * @param name the entry's name
   * @param stored true to STORE, false to DEFLATE
   * @param crc the content's CRC-32
   * @param content the content
   * @throws IOException if writing fails
   */
  public void add(String name, boolean stored, long crc, Spool content) throws IOException {
    if (stored) {
      try (InputStream in = content.open()) {
        addRaw(name, ZipEntry.STORED, content.size(), content.size(), crc, in);
      }
      return;
    }
    try (Spool deflated = new Spool(Fetched.MEMORY_PER_FILE)) {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      try {
        // finish(), not close(): closing would close, and so drop, the spool.
        DeflaterOutputStream d = new DeflaterOutputStream(deflated, deflater, 1 << 16);
        content.writeTo(d);
        d.finish();
      } finally {
        deflater.end();
      }
      deflated.finishWriting();
      try (InputStream in = deflated.open()) {
        addRaw(name, ZipEntry.DEFLATED, content.size(), deflated.size(), crc, in);
      }
    }
  }

  /**
   * Adds an entry from its compressed bytes, as they are.
   *
   * @param name the entry's name
   * @param method {@link ZipEntry#STORED} or {@link ZipEntry#DEFLATED}
   * @param size the uncompressed size
   * @param compressedSize the size of {@code raw}
   * @param crc the CRC-32 of the uncompressed content
   * @param raw the compressed bytes; read to the end, not closed
   * @throws IOException if writing fails
   */
  public void addRaw(
      String name, int method, long size, long compressedSize, long crc, InputStream raw)
      throws IOException {
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setTime(fixedTime());
    entry.setMethod(method);
    entry.setSize(size);
    entry.setCompressedSize(compressedSize);
    entry.setCrc(crc);
    zip.addRawArchiveEntry(entry, raw);
  }

  /**
   * Writes the central directory; the stream is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public void finish() throws IOException {
    zip.finish();
    buffered.flush();
    finished = true;
  }

  /**
   * Releases the archive's resources. An archive that was not finished stays unfinished: a failed
   * export does not end with a central directory that makes it look whole.
   *
   * @throws IOException if releasing fails
   */
  @Override
  public void close() throws IOException {
    if (finished) {
      zip.close();
    }
  }

  /**
   * Returns the entry time, chosen in the current default time zone so that the DOS date and time
   * fields read 2000-01-01 00:00 whatever the zone: the archive's bytes do not depend on it.
   */
  private static long fixedTime() {
    return LocalDateTime.of(2000, 1, 1, 0, 0, 0)
        .atZone(ZoneId.systemDefault())
        .toInstant()
        .toEpochMilli();
  }
}
