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
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.spi.AssessedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A ZIP that packs a workflow's files under the files layout's names: it starts with the part
 * marker when the export is a shard, and reads content a few files ahead on other threads, handing
 * it back in the repository's order. What the archive layouts and the dataset layouts share.
 */
public final class PackingArchive implements AutoCloseable {
  private final ExportContext context;
  private final ArchiveOptions options;
  private final ZipWriter zip;
  private final EntryNames names;

  /** What is done with each file, in order. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Handles one file.
     *
     * @param file the file and its assessments
     * @param name its entry name
     * @param content its content, or the reason it could not be read; closed after the call
     * @throws IOException if writing fails
     */
    void visit(AssessedFile file, String name, Fetched content) throws IOException;
  }

  /**
   * Starts the archive.
   *
   * @param context the export
   * @param out where the archive goes; not closed
   * @throws IOException if the part marker cannot be written
   */
  public PackingArchive(ExportContext context, OutputStream out) throws IOException {
    this.context = context;
    this.options = ArchiveOptions.of(context.request());
    this.zip = new ZipWriter(out);
    this.names = new EntryNames(context.workflow(), context.orders(), options.maxEntryNameBytes());
    ArchivePart.start(context, zip, names, null);
  }

  /**
   * Reads each file's content, {@link ArchiveOptions#readAhead()} files ahead, and hands the files
   * to the visitor in order. Stops a cancelled export between files.
   *
   * @param files the files, in order; not closed
   * @param digest whether to compute the SHA-256 while reading
   * @param visitor what is done with each file
   * @throws IOException if the visitor or the archive fails
   */
  public void forEach(Stream<AssessedFile> files, boolean digest, Visitor visitor)
      throws IOException {
    Deque<AssessedFile> pendingFiles = new ArrayDeque<>();
    try (Pipeline<Fetched> reads =
        new Pipeline<Fetched>(
                options.readAhead(), "assessment-export-read", context.workExecutor().orElse(null))
            .onStuck(context::closeMediaStreams)
            .whileWaiting(context::checkMediaReads)) {
      Iterator<AssessedFile> it = files.iterator();
      while (true) {
        while (reads.pending() < options.readAhead() && it.hasNext()) {
          AssessedFile file = it.next();
          pendingFiles.add(file);
          reads.submit(() -> Fetched.read(context, file.file(), digest));
        }
        if (reads.pending() == 0) {
          return;
        }
        AssessedFile file = pendingFiles.remove();
        try (Fetched fetched = reads.take()) {
          context.checkCancelled();
          // Named in file order, once the content is there to tell a missing suffix.
          visitor.visit(file, names.next(file.file(), fetched.head()), fetched);
        }
      }
    }
  }

  /**
   * Returns the archive, to add entries of the layout's own.
   *
   * @return the writer
   */
  public ZipWriter zip() {
    return zip;
  }

  /**
   * Writes the central directory.
   *
   * @throws IOException if writing fails
   */
  public void finish() throws IOException {
    zip.finish();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
