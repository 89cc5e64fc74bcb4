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

import dev.assessment.export.core.layout.CsvText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parts of a sharded export and how they go back together. Each shard of a request (see {@link
 * Shard}) exports a part that holds a marker naming the request's fingerprint, the shard and the
 * number of files; merging checks the markers, so that parts of another request, or a missing or
 * repeated shard, are refused, and then streams the parts into the bytes the one-machine export of
 * the request would have written. {@link Exporter#merge} picks the layout's merger; the methods
 * here are what mergers are built from.
 *
 * <pre>{@code
 * for (int i = 0; i < 4; i++) {
 *   exporter.export(request.toBuilder().shard(i, 4).build(), ExportSink.of(dir.resolve("part-" + i)));
 * }
 * exporter.merge(request.layout(), List.of(part0, part1, part2, part3), out);
 * }</pre>
 *
 * @since 0.2
 */
public final class Parts {
  private static final String PREFIX = "#assessment-export-part v1 ";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Parts() {}

  /**
   * Returns the marker of a part.
   *
   * @param request the request
   * @param shard the shard
   * @param totalFiles the number of files of the whole export
   * @return the marker, without a line end
   * @since 0.2
   */
  public static String marker(ExportRequest request, Shard shard, long totalFiles) {
    return PREFIX
        + request.fingerprint()
        + " "
        + shard.index()
        + " "
        + shard.count()
        + " "
        + totalFiles;
  }

  /**
   * What a part's marker says.
   *
   * @param name the part's name, for messages
   * @param fingerprint the request's fingerprint
   * @param index the shard's index
   * @param count the number of shards
   * @param totalFiles the number of files of the whole export
   * @since 0.2
   */
  public record Marker(String name, String fingerprint, int index, int count, long totalFiles) {
    /**
     * Checks the marker's fields.
     *
     * @param name the part's name
     * @param fingerprint the request's fingerprint
     * @param index the shard's index
     * @param count the number of shards
     * @param totalFiles the number of files
     * @since 0.2
     */
    public Marker {
      new Shard(index, count);
    }
  }

  /**
   * Parses a marker.
   *
   * @param name the part's name, for messages
   * @param text the marker's text
   * @return what it says
   * @throws ExportException if the text is not a part's marker
   * @since 0.2
   */
  public static Marker parse(String name, String text) throws ExportException {
    if (!text.startsWith(PREFIX)) {
      throw new ExportException(
          name
              + " is not a part of a sharded export: it does not start with "
              + PREFIX.strip()
              + " (export with ExportRequest.Builder.shard(index, count))");
    }
    String[] f = text.substring(PREFIX.length()).strip().split(" ", -1);
    try {
      return new Marker(
          name, f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]));
    } catch (RuntimeException e) {
      throw new ExportException(name + " has a damaged part marker: " + text, e);
    }
  }

  /**
   * Checks that markers belong together: one request, the same data, every shard exactly once.
   *
   * @param markers the parts' markers, in any order
   * @return the markers in shard order
   * @throws ExportException naming the parts that do not belong, or the missing shards
   * @since 0.2
   */
  public static List<Marker> check(List<Marker> markers) throws ExportException {
    if (markers.isEmpty()) {
      throw new ExportException("no parts to merge");
    }
    Marker first = markers.get(0);
    Marker[] byIndex = new Marker[first.count()];
    for (Marker m : markers) {
      if (!m.fingerprint().equals(first.fingerprint())
          || m.count() != first.count()
          || m.totalFiles() != first.totalFiles()) {
        throw new ExportException(
            "part "
                + m.name()
                + " does not belong with "
                + first.name()
                + ": it is shard "
                + m.index()
                + " of "
                + m.count()
                + " of "
                + m.totalFiles()
                + " files of request "
                + abbreviate(m.fingerprint())
                + ", the other shard "
                + first.index()
                + " of "
                + first.count()
                + " of "
                + first.totalFiles()
                + " files of request "
                + abbreviate(first.fingerprint()));
      }
      if (byIndex[m.index()] != null) {
        throw new ExportException(
            "parts "
                + byIndex[m.index()].name()
                + " and "
                + m.name()
                + " are both shard "
                + m.index()
                + " of "
                + m.count()
                + ": give each shard once");
      }
      byIndex[m.index()] = m;
    }
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < byIndex.length; i++) {
      if (byIndex[i] == null) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new ExportException(
          "shard(s) "
              + missing
              + " of "
              + first.count()
              + " are missing: export them with"
              + " shard(index, "
              + first.count()
              + ") and merge every part");
    }
    return Arrays.asList(byIndex);
  }

  /**
   * Merges the CSV parts of a sharded export into the bytes the one-machine export writes: the
   * first part's BOM and header, then every part's rows in shard order. Streams; holds one buffer.
   *
   * @param parts the parts, in any order
   * @param out where the merged CSV goes; not closed
   * @throws ExportException if the parts do not belong together or their headers differ
   * @throws IOException if a part cannot be read or the output written
   * @since 0.2
   */
  public static void mergeCsv(List<Path> parts, OutputStream out) throws IOException {
    List<Marker> markers = new ArrayList<>();
    for (Path p : parts) {
      try (InputStream in = Files.newInputStream(p)) {
        markers.add(parse(p.toString(), firstLine(in)));
      }
    }
    List<Marker> ordered = check(markers);
    byte[] header = null;
    for (Marker m : ordered) {
      try (InputStream in =
          new BufferedInputStream(Files.newInputStream(Path.of(m.name())), 1 << 16)) {
        firstLine(in);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean hasBom = Arrays.equals(bom, BOM);
        if (!hasBom) {
          in.reset();
        }
        byte[] h = headerRecord(in);
        if (header == null) {
          header = h;
          if (hasBom) {
            out.write(BOM);
          }
          out.write(h);
        } else if (!Arrays.equals(header, h)) {
          throw new ExportException(
              "part " + m.name() + " has another header than part " + ordered.get(0).name());
        }
        in.transferTo(out);
      }
    }
  }

  /** Reads the marker line, up to and including its LF. */
  private static String firstLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      sb.append((char) c);
      if (sb.length() > 300) {
        break;
      }
    }
    return sb.toString();
  }

  /** Reads the CSV header record, up to its CRLF outside quotes. */
  private static byte[] headerRecord(InputStream in) throws IOException {
    return CsvText.readRecord(in);
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.substring(0, Math.min(12, fingerprint.length())).toLowerCase(Locale.ROOT);
  }
}
