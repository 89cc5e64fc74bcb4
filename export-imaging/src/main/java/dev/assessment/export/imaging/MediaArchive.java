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

import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.imaging.internal.EntryNames;
import dev.assessment.export.imaging.internal.Fetched;
import dev.assessment.export.imaging.internal.ImageHeaders;
import dev.assessment.export.imaging.internal.PackingArchive;
import dev.assessment.export.imaging.internal.Spool;
import dev.assessment.export.imaging.internal.ZipWriter;
import dev.assessment.export.spi.AssessedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A ZIP archive for layouts of other modules that pack a workflow's original files beside entries
 * of their own, as the files layout does: the same entry names, the same read-ahead, the same
 * STORED or DEFLATED choice, fixed entry times, Zip64 as needed. Used on the export's thread.
 *
 * <pre>{@code
 * try (MediaArchive archive = MediaArchive.open(context, out);
 *     Stream<AssessedFile> files = context.assessedFiles()) {
 *   archive.forEach(files, media -> {
 *     Optional<ImageSize> size = media.imageSize();
 *     if (size.isPresent()) {
 *       media.pack("images/" + media.entryName());
 *     }
 *   });
 *   archive.add("index.json", json -> json.write(…));
 *   archive.finish();
 * }
 * }</pre>
 *
 * <p>{@link ArchiveOptions} of the request set the entry names' length limit and the read-ahead.
 *
 * @since 0.2
 */
public final class MediaArchive implements AutoCloseable {
  private final PackingArchive archive;

  private MediaArchive(PackingArchive archive) {
    this.archive = archive;
  }

  /**
   * Starts an archive for an export.
   *
   * @param context the export
   * @param out where the archive goes; not closed
   * @return the archive
   * @throws IOException if the archive cannot be started
   * @since 0.2
   */
  public static MediaArchive open(ExportContext context, OutputStream out) throws IOException {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(out, "out");
    return new MediaArchive(new PackingArchive(context, out));
  }

  /**
   * What a layout does with each file.
   *
   * @since 0.2
   */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles one file, on the export's thread.
     *
     * @param media the file, its name and its content
     * @throws IOException if writing fails
     * @since 0.2
     */
    void accept(Media media) throws IOException;
  }

  /**
   * Writes an entry's content.
   *
   * @since 0.2
   */
  @FunctionalInterface
  public interface EntryWriter {
    /**
     * Writes the content.
     *
     * @param out where the content goes; not to be closed
     * @throws IOException if writing fails
     * @since 0.2
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Reads each file's content a few files ahead (on other threads) and hands the files to the
   * handler in their order. The content is released after the handler returns.
   *
   * @param files the files, in order; not closed
   * @param handler what is done with each
   * @throws IOException if the handler or the archive fails
   * @throws dev.assessment.export.core.ExportCancelledException if the export was cancelled
   * @since 0.2
   */
  public void forEach(Stream<AssessedFile> files, Handler handler) throws IOException {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(handler, "handler");
    archive.forEach(
        files,
        false,
        (file, name, content) -> handler.accept(new Media(archive.zip(), file, name, content)));
  }

  /**
   * Adds an entry of the layout's own, DEFLATED. The content is spooled (to a temporary file past 1
   * MiB) so that its size and CRC go in the entry's header, as for every other entry.
   *
   * @param name the entry's name, e.g. {@code annotations/instances.json}
   * @param writer writes the content
   * @throws IOException if writing fails
   * @since 0.2
   */
  public void add(String name, EntryWriter writer) throws IOException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(writer, "writer");
    CRC32 crc = new CRC32();
    try (Spool spool = new Spool(1 << 20)) {
      OutputStream shielded =
          new CheckedOutputStream(spool, crc) {
            @Override
            public void close() throws IOException {
              flush();
            }
          };
      writer.writeTo(shielded);
      shielded.flush();
      spool.finishWriting();
      archive.zip().add(name, false, crc.getValue(), spool);
    }
  }

  /**
   * Writes the central directory; the archive is complete.
   *
   * @throws IOException if writing fails
   * @since 0.2
   */
  public void finish() throws IOException {
    archive.finish();
  }

  /**
   * Releases the archive. An archive that was not finished stays without a central directory.
   *
   * @throws IOException if releasing fails
   * @since 0.2
   */
  @Override
  public void close() throws IOException {
    archive.close();
  }

  /**
   * One file handed to a {@link Handler}: its entry name and its content, read ahead.
   *
   * @since 0.2
   */
  public static final class Media {
    private final ZipWriter zip;
    private final AssessedFile file;
    private final String entryName;
    private final Fetched content;

    private Media(ZipWriter zip, AssessedFile file, String entryName, Fetched content) {
      this.zip = zip;
      this.file = file;
      this.entryName = entryName;
      this.content = content;
    }

    /**
     * Returns the file and its assessments, as the context's stream handed it out.
     *
     * @return the file
     * @since 0.2
     */
    public AssessedFile file() {
      return file;
    }

    /**
     * Returns the name the files layout gives this file, e.g. {@code 000003112442_8492192_1.jpg}.
     *
     * @return the entry name
     * @since 0.2
     */
    public String entryName() {
      return entryName;
    }

    /**
     * Returns why the content could not be read: a {@link
     * dev.assessment.export.spi.MediaNotFoundException} when the storage has none.
     *
     * @return the failure, or empty when the content was read
     * @since 0.2
     */
    public Optional<Exception> failure() {
      return Optional.ofNullable(content.failure());
    }

    /**
     * Returns the size of the image as displayed (after EXIF orientation), read from its header.
     *
     * @return the size, or empty when the content is not an image this library reads, or could not
     *     be read
     * @throws IOException if the spooled content cannot be read again
     * @since 0.2
     */
    public Optional<ImageSize> imageSize() throws IOException {
      if (content.failure() != null) {
        return Optional.empty();
      }
      return ImageHeaders.displayedSize(content.spool());
    }

    /**
     * Packs the original content under a name, STORED when already compressed (JPEG, PNG, …),
     * DEFLATED otherwise.
     *
     * @param name the entry's name, e.g. {@code "images/" + entryName()}
     * @throws IOException if writing fails
     * @throws IllegalStateException if the content could not be read
     * @since 0.2
     */
    public void pack(String name) throws IOException {
      Objects.requireNonNull(name, "name");
      boolean stored =
          ZipWriter.isCompressed(EntryNames.suffixOf(entryName), file.file().mediaType());
      zip.add(name, stored, content.crc(), content.spool());
    }
  }
}
