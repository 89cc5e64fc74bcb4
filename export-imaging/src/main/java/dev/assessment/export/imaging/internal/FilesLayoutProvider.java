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
import dev.assessment.export.imaging.ArchiveLayouts;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code files} layout: a ZIP of the original files under standard names, in the repository's
 * order, with a manifest last. Content is read a few files ahead on other threads; a file that
 * cannot be read is skipped and reported, never left half-written in the archive.
 */
public final class FilesLayoutProvider extends ArchiveLayout {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FilesLayoutProvider() {
    super(ArchiveLayouts.FILES);
  }

  /** The originals do not depend on the assessments, so the scope leaves the name alone. */
  @Override
  public boolean readsAssessments() {
    return false;
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    ArchiveOptions options = ArchiveOptions.of(context.request());
    try (PackingArchive archive = new PackingArchive(context, out);
        Manifest manifest = new Manifest(context, List.of());
        Stream<MediaFile> files = context.files()) {
      archive.forEach(
          files.map(f -> new AssessedFile(f, List.of())),
          options.manifest(),
          (assessed, name, fetched) -> {
            MediaFile file = assessed.file();
            Exception failure = fetched.failure();
            if (failure != null) {
              String status = skipStatus(failure);
              context.warn(
                  failure instanceof MediaNotFoundException ? "media-missing" : "media-unreadable",
                  file.id(),
                  file.id(),
                  "file " + file.id() + " (" + name + ") was skipped: " + status.substring(9));
              manifest.add(name, file, -1, "", status);
              context.fileSkipped(0);
              return;
            }
            boolean stored = ZipWriter.isCompressed(EntryNames.suffixOf(name), file.mediaType());
            archive.zip().add(name, stored, fetched.crc(), fetched.spool());
            if (options.manifest()) {
              manifest.add(name, file, fetched.spool().size(), fetched.sha256(), Manifest.OK);
            }
            context.fileWritten(0, 1);
          });
      if (options.manifest()) {
        manifest.writeTo(archive.zip());
      }
      archive.finish();
    }
  }

  /** Returns the manifest status of a skipped file: {@code skipped: <reason>}. */
  static String skipStatus(Exception failure) {
    if (failure instanceof MediaNotFoundException) {
      return "skipped: media not found";
    }
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return "skipped: media could not be read: " + message.replace('\n', ' ').replace('\r', ' ');
  }
}
