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

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.imaging.ArchiveLayouts;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code annotated-files} layout: every file of the order, decoded, turned as displayed, with
 * the selected assessments' annotations drawn on, encoded again, and packed under the files
 * layout's names, with a manifest that says what was drawn or why a file was skipped.
 *
 * <p>Rendering runs on {@link ArchiveOptions#threads()} threads, at most twice as many files in
 * flight; the archive is written in the repository's order, so its bytes do not depend on the
 * number of threads.
 */
public final class AnnotatedLayoutProvider extends ArchiveLayout {
  /** The manifest's columns after the standard ones. */
  static final List<String> EXTRA_COLUMNS = List.of("annotations_drawn", "notes");

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public AnnotatedLayoutProvider() {
    super(ArchiveLayouts.ANNOTATED_FILES);
  }

  /** Annotated archives are made per order: a request without one is refused. */
  @Override
  public void validate(ExportRequest request) {
    if (request.orderId() == null) {
      throw new IllegalStateException("annotated-files needs an order: call orderId(id)");
    }
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    ArchiveOptions options = ArchiveOptions.of(context.request());
    EntryNames names =
        new EntryNames(context.workflow(), context.orders(), options.maxEntryNameBytes());
    ImageRenderer renderer = new ImageRenderer(options);
    int threads = options.threads();
    int window = threads * 2;
    Deque<AssessedFile> pendingFiles = new ArrayDeque<>();
    try (ZipWriter zip = new ZipWriter(out);
        Manifest manifest = new Manifest(context, EXTRA_COLUMNS);
        Stream<AssessedFile> files = context.assessedFiles();
        Pipeline<Job> jobs =
            new Pipeline<Job>(
                    threads, "assessment-export-render", context.workExecutor().orElse(null))
                .onStuck(context::closeMediaStreams)
                .whileWaiting(context::checkMediaReads)) {
      ArchivePart.start(context, zip, names, renderer.codecId());
      Iterator<AssessedFile> it = files.iterator();
      while (true) {
        while (jobs.pending() < window && it.hasNext()) {
          AssessedFile file = it.next();
          pendingFiles.add(file);
          jobs.submit(() -> Job.run(context, renderer, file));
        }
        if (jobs.pending() == 0) {
          break;
        }
        AssessedFile assessed = pendingFiles.remove();
        try (Job job = jobs.take()) {
          context.checkCancelled();
          // Named in file order, from the original content: as the files layout names it.
          String name = names.next(assessed.file(), job.original.head());
          write(context, zip, manifest, assessed, name, job);
        }
      }
      if (options.manifest()) {
        manifest.writeTo(zip);
      }
      zip.finish();
    }
  }

  private static void write(
      ExportContext context,
      ZipWriter zip,
      Manifest manifest,
      AssessedFile assessed,
      String name,
      Job job)
      throws IOException {
    MediaFile file = assessed.file();
    Exception failure = job.original.failure();
    if (failure != null) {
      String status = FilesLayoutProvider.skipStatus(failure);
      context.warn(
          failure instanceof MediaNotFoundException ? "media-missing" : "media-unreadable",
          file.id(),
          file.id(),
          "file " + file.id() + " (" + name + ") was skipped: " + status.substring(9));
      manifest.add(name, file, -1, "", status, "", "");
      context.fileSkipped(assessed.assessments().size());
      return;
    }
    Rendered rendered = job.rendered;
    for (Rendered.Warning w : rendered.warnings()) {
      context.warn(w.code(), "", file.id(), w.message());
    }
    if (rendered.skipped() != null) {
      context.warn(
          "image-skipped",
          file.id(),
          file.id(),
          "file " + file.id() + " (" + name + ") was skipped: " + rendered.skipped());
      manifest.add(name, file, -1, "", "skipped: " + rendered.skipped(), "", "");
      context.fileSkipped(assessed.assessments().size());
      return;
    }
    Fetched content = rendered.content() != null ? rendered.content() : job.original;
    String entry = rendered.suffix() == null ? name : withSuffix(name, rendered.suffix());
    boolean stored =
        rendered.suffix() != null
            || ZipWriter.isCompressed(EntryNames.suffixOf(name), file.mediaType());
    zip.add(entry, stored, content.crc(), content.spool());
    manifest.add(
        entry,
        file,
        content.spool().size(),
        content.sha256(),
        Manifest.OK,
        Integer.toString(rendered.drawn()),
        rendered.notes());
    context.fileWritten(assessed.assessments().size(), 1);
  }

  /** Replaces a name's suffix, keeping {@code jpg}-like suffixes of JPEG output. */
  static String withSuffix(String name, String suffix) {
    int dot = name.lastIndexOf('.');
    String current = name.substring(dot + 1);
    if (current.equals(suffix)) {
      return name;
    }
    return name.substring(0, dot + 1) + suffix;
  }

  /** One file's work: its content read, then rendered. */
  static final class Job implements AutoCloseable {
    final Fetched original;
    final Rendered rendered;

    private Job(Fetched original, Rendered rendered) {
      this.original = original;
      this.rendered = rendered;
    }

    static Job run(ExportContext context, ImageRenderer renderer, AssessedFile file) {
      if (context.isCancelled()) {
        return new Job(
            Fetched.failed(new java.io.InterruptedIOException("cancelled")),
            Rendered.skipped("cancelled"));
      }
      Fetched original = Fetched.read(context, file.file(), false);
      if (original.failure() != null) {
        return new Job(original, Rendered.skipped("no content"));
      }
      List<Assessment> assessments = file.assessments();
      try {
        return new Job(original, renderer.render(file.file(), original, assessments));
      } catch (RuntimeException | Error e) {
        original.close();
        throw e;
      }
    }

    @Override
    public void close() {
      rendered.close();
      original.close();
    }
  }
}
