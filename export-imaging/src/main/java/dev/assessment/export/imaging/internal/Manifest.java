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
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The {@code manifest.csv} of an archive, spooled while the archive is written (it is the last
 * entry), one row per file whether written or skipped.
 */
public final class Manifest implements AutoCloseable {
  /** The manifest's entry name. */
  public static final String NAME = "manifest.csv";

  /** The manifest's columns. */
  public static final List<String> COLUMNS =
      List.of(
          "entry_name",
          "file_id",
          "external_id",
          "file_name",
          "media_type",
          "size",
          "sha256",
          "status");

  /** The status of a file that was written. */
  public static final String OK = "ok";

  private final Spool spool = new Spool(1 << 20);
  private final boolean neutralise;
  private final ExportContext context;
  private final CRC32 crc = new CRC32();

  /**
   * Starts a manifest with its header.
   *
   * @param context the export, for its warnings and whether text cells are neutralised
   * @param extraColumns columns after the standard ones, e.g. what the annotated layout drew
   * @throws IOException if the spool cannot be written
   */
  public Manifest(ExportContext context, List<String> extraColumns) throws IOException {
    this.context = context;
    this.neutralise = context.request().neutraliseFormulas();
    StringBuilder header = new StringBuilder();
    boolean first = true;
    for (String c : COLUMNS) {
      CsvText.appendCell(header, c, first);
      first = false;
    }
    for (String c : extraColumns) {
      CsvText.appendCell(header, c, false);
    }
    line(header.append("\r\n").toString());
  }

  /**
   * Adds a file's row.
   *
   * @param entryName the entry's name (also for a skipped file: the name it would have had)
   * @param file the file
   * @param size the size written, or -1 when skipped
   * @param sha256 the content's SHA-256, or empty when skipped
   * @param status {@link #OK} or the reason the file was skipped
   * @param extra cells of the extra columns
   * @throws IOException if the spool cannot be written
   */
  public void add(
      String entryName, MediaFile file, long size, String sha256, String status, String... extra)
      throws IOException {
    StringBuilder row = new StringBuilder(160);
    CsvText.appendCell(row, text(entryName), true);
    CsvText.appendCell(row, text(file.id()), false);
    CsvText.appendCell(row, text(wellFormed(file, "external_id", file.externalId())), false);
    CsvText.appendCell(row, text(wellFormed(file, "file_name", file.fileName())), false);
    String mediaType = file.mediaType() == null ? "" : file.mediaType();
    CsvText.appendCell(row, text(wellFormed(file, "media_type", mediaType)), false);
    CsvText.appendCell(row, size < 0 ? "" : Long.toString(size), false);
    CsvText.appendCell(row, sha256, false);
    CsvText.appendCell(row, text(status), false);
    for (String e : extra) {
      CsvText.appendCell(row, text(e), false);
    }
    line(row.append("\r\n").toString());
  }

  /**
   * Writes the manifest as the archive's last entry.
   *
   * @param zip the archive
   * @throws IOException if writing fails
   */
  public void writeTo(ZipWriter zip) throws IOException {
    spool.finishWriting();
    zip.add(NAME, false, crc.getValue(), spool);
  }

  @Override
  public void close() {
    spool.close();
  }

  private void line(String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    crc.update(bytes);
    spool.write(bytes);
  }

  private String text(String s) {
    // Our own status text may quote an exception's message: no lone surrogate reaches the encoder.
    String w = CsvText.replaceLoneSurrogates(s);
    return neutralise ? CsvText.neutralise(w) : w;
  }

  private String wellFormed(MediaFile file, String field, String s) throws ExportException {
    return CsvText.wellFormed(context, field, file.id(), s);
  }
}
