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

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.layout.CsvText;
import dev.assessment.export.imaging.JpegCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/** Raw entry copies between archives: the merge of parts and the cut into volumes. */
public final class ArchiveCopy {
  private ArchiveCopy() {}

  /**
   * Reads an archive part's marker.
   *
   * @param part the part
   * @return the marker's text, or an empty string when there is none
   * @throws IOException if the part cannot be read
   */
  public static String marker(Path part) throws IOException {
    try (ZipFile zip = open(part)) {
      ZipArchiveEntry e = zip.getEntry(ArchivePart.MARKER_ENTRY);
      if (e == null) {
        return "";
      }
      try (InputStream in = zip.getInputStream(e)) {
        return new String(in.readNBytes(400), StandardCharsets.US_ASCII);
      }
    }
  }

  /**
   * Checks that annotated parts were drawn with one JPEG codec: their bytes differ between codecs,
   * so a merge of mixed parts would not be the one-machine export of any codec.
   *
   * @param names the parts' names, for messages
   * @param markers the parts' markers, in the same order
   * @throws ExportException naming a part of each codec
   */
  public static void checkOneCodec(List<String> names, List<String> markers)
      throws ExportException {
    String firstCodec = null;
    String firstName = null;
    for (int i = 0; i < markers.size(); i++) {
      String codec = ArchivePart.codec(markers.get(i));
      if (codec == null) {
        continue;
      }
      if (firstCodec == null) {
        firstCodec = codec;
        firstName = names.get(i);
      } else if (!firstCodec.equals(codec)) {
        throw new ExportException(
            "part "
                + names.get(i)
                + " was drawn with the "
                + codec
                + " JPEG codec and part "
                + firstName
                + " with "
                + firstCodec
                + ": their images differ in bytes, so they are not merged; export every shard with"
                + " one codec (-D"
                + JpegCodec.PROPERTY
                + "=imageio on every machine, or Java 22+ with libturbojpeg on every machine)");
      }
    }
  }

  /**
   * Merges parts, already checked and in shard order.
   *
   * @param parts the parts
   * @param out where the archive goes
   * @throws IOException if reading or writing fails
   */
  public static void merge(List<Path> parts, OutputStream out) throws IOException {
    Boolean manifests = null;
    try (ZipWriter writer = new ZipWriter(out);
        Spool manifest = new Spool(1 << 20)) {
      CRC32 crc = new CRC32();
      boolean header = false;
      for (Path part : parts) {
        try (ZipFile zip = open(part)) {
          boolean has = zip.getEntry(Manifest.NAME) != null;
          if (manifests != null && manifests != has) {
            throw new ExportException(
                "part "
                    + part
                    + (has ? " has" : " has no")
                    + " manifest, unlike "
                    + parts.get(0)
                    + ": merge parts of one request");
          }
          manifests = has;
          for (ZipArchiveEntry e : entries(zip)) {
            String name = e.getName();
            if (name.equals(ArchivePart.MARKER_ENTRY) || name.equals(Manifest.NAME)) {
              continue;
            }
            try (InputStream raw = zip.getRawInputStream(e)) {
              writer.addRaw(
                  name, e.getMethod(), e.getSize(), e.getCompressedSize(), e.getCrc(), raw);
            }
          }
          if (has) {
            try (InputStream in =
                new BufferedInputStream(zip.getInputStream(zip.getEntry(Manifest.NAME)))) {
              byte[] h = record(in);
              if (!header) {
                write(manifest, crc, h);
                header = true;
              }
              byte[] buffer = new byte[1 << 16];
              for (int n; (n = in.read(buffer)) > 0; ) {
                manifest.write(buffer, 0, n);
                crc.update(buffer, 0, n);
              }
            }
          }
        }
      }
      if (Boolean.TRUE.equals(manifests)) {
        manifest.finishWriting();
        writer.add(Manifest.NAME, false, crc.getValue(), manifest);
      }
      writer.finish();
    }
  }

  /**
   * Cuts an archive into volumes.
   *
   * @param archive the archive
   * @param dir the folder for the volumes
   * @param base the volumes' name prefix
   * @param maxEntries the most entries per volume
   * @param maxBytes the most bytes of entries per volume
   * @return the volumes
   * @throws IOException if reading or writing fails
   */
  public static List<Path> split(Path archive, Path dir, String base, int maxEntries, long maxBytes)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> volumes = new ArrayList<>();
    try (ZipFile zip = open(archive)) {
      List<ZipArchiveEntry> all = entries(zip);
      ZipArchiveEntry manifestEntry = zip.getEntry(Manifest.NAME);
      InputStream manifestIn =
          manifestEntry == null ? null : new BufferedInputStream(zip.getInputStream(manifestEntry));
      try {
        byte[] header = manifestIn == null ? null : record(manifestIn);
        Volume current = null;
        for (ZipArchiveEntry e : all) {
          if (e.getName().equals(Manifest.NAME) || e.getName().equals(ArchivePart.MARKER_ENTRY)) {
            continue;
          }
          long bytes = e.getCompressedSize() + 2L * (46 + e.getName().length());
          if (current == null
              || current.entries >= maxEntries
              || (current.entries > 0 && current.bytes + bytes > maxBytes)) {
            if (current != null) {
              current.close();
            }
            Path p =
                dir.resolve(String.format(Locale.ROOT, "%s-%03d.zip", base, volumes.size() + 1));
            volumes.add(p);
            current = new Volume(p, header);
          }
          // Manifest rows of skipped files before this entry go with it; then its own row.
          if (manifestIn != null) {
            while (true) {
              byte[] row = record(manifestIn);
              if (row.length == 0) {
                throw new ExportException(
                    "the manifest of " + archive + " has no row for " + e.getName());
              }
              current.row(row);
              String cell = firstCell(row);
              if (cell.equals(e.getName()) || CsvText.unneutralise(cell).equals(e.getName())) {
                break;
              }
            }
          }
          try (InputStream raw = zip.getRawInputStream(e)) {
            current.writer.addRaw(
                e.getName(), e.getMethod(), e.getSize(), e.getCompressedSize(), e.getCrc(), raw);
          }
          current.entries++;
          current.bytes += bytes;
        }
        if (current == null) {
          Path p = dir.resolve(String.format(Locale.ROOT, "%s-%03d.zip", base, 1));
          volumes.add(p);
          current = new Volume(p, header);
        }
        if (manifestIn != null) {
          byte[] row = record(manifestIn);
          while (row.length > 0) {
            current.row(row);
            row = record(manifestIn);
          }
        }
        current.close();
      } finally {
        if (manifestIn != null) {
          manifestIn.close();
        }
      }
    }
    return volumes;
  }

  /** One volume being written. */
  private static final class Volume {
    final OutputStream out;
    final ZipWriter writer;
    final Spool manifest;
    final CRC32 crc = new CRC32();
    final boolean hasManifest;
    int entries;
    long bytes;

    Volume(Path path, byte @Nullable [] header) throws IOException {
      out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
      writer = new ZipWriter(out);
      manifest = new Spool(1 << 20);
      hasManifest = header != null;
      if (header != null) {
        write(manifest, crc, header);
      }
    }

    void row(byte[] row) throws IOException {
      write(manifest, crc, row);
    }

    void close() throws IOException {
      try {
        if (hasManifest) {
          manifest.finishWriting();
          writer.add(Manifest.NAME, false, crc.getValue(), manifest);
        }
        writer.finish();
        writer.close();
      } finally {
        manifest.close();
        out.close();
      }
    }
  }

  private static void write(Spool spool, CRC32 crc, byte[] bytes) throws IOException {
    spool.write(bytes);
    crc.update(bytes);
  }

  /** Reads one CSV record with its CRLF (quotes respected); empty at the end. */
  private static byte[] record(InputStream in) throws IOException {
    return CsvText.readRecord(in);
  }

  /** The first cell of a record, its quotes removed. */
  private static String firstCell(byte[] row) {
    String s = new String(row, StandardCharsets.UTF_8);
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if ((c == ',' || c == '\r') && !quoted) {
        break;
      } else {
        cell.append(c);
      }
    }
    return cell.toString();
  }

  private static List<ZipArchiveEntry> entries(ZipFile zip) {
    List<ZipArchiveEntry> out = new ArrayList<>();
    Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder();
    while (e.hasMoreElements()) {
      out.add(e.nextElement());
    }
    return out;
  }

  private static ZipFile open(Path p) throws IOException {
    return ZipFile.builder().setPath(p).get();
  }
}
