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
package dev.assessment.export.core.internal;

import dev.assessment.export.core.ExportCancelledException;
import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportListener;
import dev.assessment.export.core.ExportProgress;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportWarning;
import dev.assessment.export.core.Parts;
import dev.assessment.export.core.Shard;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.BaseStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one export: the context a layout provider writes with. It re-applies the request's
 * filters and scope, marks repository failures with their context, collects warnings, counts,
 * reports progress, and closes whatever a provider left open.
 */
public final class ExportRun implements ExportContext {
  private static final Logger LOG = LoggerFactory.getLogger(ExportRun.class);

  /** The number of distinct warnings kept; further ones are counted in a summary warning. */
  public static final int MAX_WARNINGS = 1000;

  private final ExportRequest request;
  private final FileQuery query;
  private final Workflow workflow;
  private final Map<String, WorkflowOrder> orders;
  private final Map<String, DataSource> dataSources;
  private final OptionalLong totalFiles;
  private final AssessmentRepository assessments;
  private final @Nullable MediaRepository media;
  private final ExportListener listener;
  private final AtomicBoolean cancelled;
  private final @Nullable Executor workExecutor;
  private final Map<String, ExportWarning> warnings = new LinkedHashMap<>();
  private long droppedWarnings;
  private final List<BaseStream<?, ?>> streams = new ArrayList<>();
  private final Set<InputStream> openMedia = ConcurrentHashMap.newKeySet();
  private final Set<StallWatch.Wait> waits = ConcurrentHashMap.newKeySet();
  private volatile @Nullable String currentFile;
  private long filesDone;
  private long filesSkipped;
  private final Duration stallLimit;
  private long filesWritten;
  private long assessmentsWritten;
  private long rows;
  private @Nullable CountingOutputStream bytes;
  private long total = -1;

  /**
   * Creates the state of one export.
   *
   * @param request the request
   * @param workflow the workflow
   * @param orders the workflow's orders by id
   * @param dataSources the workflow's data sources by id
   * @param totalFiles the count of files, when known
   * @param assessments the repository of files
   * @param media the repository of content, or null when the exporter has none
   * @param listener the progress listener
   * @param cancelled set when the export is cancelled
   * @param workExecutor the host's executor for helper work, or null for threads of the export's
   */
  public ExportRun(
      ExportRequest request,
      Workflow workflow,
      Map<String, WorkflowOrder> orders,
      Map<String, DataSource> dataSources,
      OptionalLong totalFiles,
      AssessmentRepository assessments,
      @Nullable MediaRepository media,
      ExportListener listener,
      AtomicBoolean cancelled,
      @Nullable Executor workExecutor,
      Duration stallLimit) {
    this.request = request;
    this.stallLimit = stallLimit;
    this.query = request.query();
    this.workflow = workflow;
    this.orders = orders;
    this.dataSources = dataSources;
    this.totalFiles = totalFiles;
    this.assessments = assessments;
    this.media = media;
    this.listener = listener;
    this.cancelled = cancelled;
    this.workExecutor = workExecutor;
  }

  @Override
  public Optional<Executor> workExecutor() {
    return Optional.ofNullable(workExecutor);
  }

  /**
   * Sets the stream whose count progress reports as bytes.
   *
   * @param bytes the counting stream over the sink
   */
  public void countBytes(CountingOutputStream bytes) {
    this.bytes = bytes;
  }

  @Override
  public ExportRequest request() {
    return request;
  }

  @Override
  public Workflow workflow() {
    return workflow;
  }

  @Override
  public Map<String, WorkflowOrder> orders() {
    return orders;
  }

  @Override
  public Map<String, DataSource> dataSources() {
    return dataSources;
  }

  @Override
  public OptionalLong totalFiles() {
    Shard shard = request.shard();
    if (shard == null) {
      return totalFiles;
    }
    long all = total();
    return OptionalLong.of(shard.to(all) - shard.from(all));
  }

  @Override
  public Stream<AssessedFile> assessedFiles() {
    Stream<AssessedFile> source = call(() -> assessments.assessedFiles(query), "opening the files");
    return inShard(guarded(source, f -> f.file().id(), true).filter(f -> query.selects(f.file())))
        .map(this::scoped)
        .peek(f -> handedOut(f.file().id()));
  }

  @Override
  public Stream<MediaFile> files() {
    Stream<MediaFile> source = call(() -> assessments.files(query), "opening the files");
    return inShard(guarded(source, MediaFile::id, true).filter(query::selects))
        .peek(f -> handedOut(f.id()));
  }

  /**
   * The files handed to the layout and not reported written or skipped yet, oldest first: the first
   * is the one being written. Bounded by a layout's read-ahead; capped in case a layout does not
   * report every file.
   */
  private final java.util.ArrayDeque<String> inProgress = new java.util.ArrayDeque<>();

  private synchronized void handedOut(String id) {
    if (inProgress.size() >= RECENT_IDS) {
      inProgress.pollFirst();
    }
    inProgress.addLast(id);
  }

  /**
   * Returns the file an export failure belongs to: the oldest file handed to the layout and not
   * written yet, which is the one being written; null when every file handed out was written (the
   * failure came while finishing the output) or none was handed out yet.
   *
   * @return the id, or null
   */
  public synchronized @Nullable String failedFile() {
    return inProgress.peekFirst();
  }

  @Override
  public Stream<MediaFile> filesBeforeShard() {
    Shard shard = request.shard();
    if (shard == null) {
      return Stream.empty();
    }
    long from = shard.from(total());
    Stream<MediaFile> source = call(() -> assessments.files(query), "opening the files");
    return guarded(source, MediaFile::id, false).filter(query::selects).limit(from);
  }

  @Override
  public @Nullable String partMarker() {
    Shard shard = request.shard();
    return shard == null ? null : Parts.marker(request, shard, total());
  }

  /** Keeps the shard's range of an already filtered stream; stops reading at its end. */
  private <T> Stream<T> inShard(Stream<T> filtered) {
    Shard shard = request.shard();
    if (shard == null) {
      return filtered;
    }
    long total = total();
    return filtered.skip(shard.from(total)).limit(shard.to(total) - shard.from(total));
  }

  /**
   * Returns the number of files of the whole request: the repository's count, or a count of its
   * file stream. Computed once.
   */
  private synchronized long total() {
    if (total < 0) {
      if (totalFiles.isPresent()) {
        total = totalFiles.getAsLong();
      } else {
        Stream<MediaFile> source = call(() -> assessments.files(query), "counting the files");
        try (Stream<MediaFile> s = guarded(source, MediaFile::id, false)) {
          total = s.filter(query::selects).count();
        }
      }
    }
    return total;
  }

  @Override
  public InputStream openMedia(MediaFile file) throws IOException {
    if (media == null) {
      throw new ExportException(
          "layout "
              + request.layout()
              + " reads file content, but the exporter has no media"
              + " repository: build it with Exporter.builder().media(…)");
    }
    InputStream in;
    StallWatch.Wait opening = StallWatch.opening(file.id(), stallLimit);
    waits.add(opening);
    try {
      in = media.open(file);
    } catch (IOException e) {
      throw opening.stalled() ? stalledOpening(opening, e) : e;
    } catch (Exception e) {
      if (opening.stalled()) {
        throw stalledOpening(opening, e);
      }
      throw new RepositoryFailure(
          "the media repository failed opening file " + file.id() + ": " + e, e);
    } finally {
      opening.end();
      waits.remove(opening);
    }
    Objects.requireNonNull(in, "the media repository returned null for file " + file.id());
    if (opening.stalled()) {
      // The watch interrupted this thread; the stream came too late to be trusted with the rest.
      Thread.interrupted();
      in.close();
      throw stalledOpening(opening, null);
    }
    StallWatch.Wait reads = StallWatch.read(file.id(), stallLimit);
    waits.add(reads);
    InputStream tracked =
        new FilterInputStream(StallWatch.watch(in, reads)) {
          @Override
          public void close() throws IOException {
            openMedia.remove(this);
            waits.remove(reads);
            super.close();
          }
        };
    openMedia.add(tracked);
    return tracked;
  }

  @Override
  public synchronized void warn(
      String code, String subject, @Nullable String fileId, String message) throws ExportException {
    if (request.strict()) {
      throw new ExportException(
          message + " (strict export: fix the data or export without strict)");
    }
    String key = code + '\u0000' + subject;
    ExportWarning previous = warnings.get(key);
    if (previous != null) {
      warnings.put(
          key,
          new ExportWarning(
              code, previous.message(), previous.fileId(), previous.occurrences() + 1));
      return;
    }
    if (warnings.size() >= MAX_WARNINGS) {
      droppedWarnings++;
      return;
    }
    LOG.debug("{}: {}", code, message);
    warnings.put(key, new ExportWarning(code, message, fileId, 1));
  }

  @Override
  public void fileSkipped(int assessmentCount) throws ExportException {
    filesSkipped++;
    fileWritten(assessmentCount, 0);
  }

  @Override
  public void fileWritten(int assessmentCount, long rowCount) throws ExportException {
    synchronized (this) {
      inProgress.pollFirst();
    }
    filesDone++;
    if (rowCount > 0) {
      filesWritten++;
    }
    assessmentsWritten += assessmentCount;
    rows += rowCount;
    try {
      listener.progress(progress());
    } catch (RuntimeException e) {
      throw new ExportException(
          "the export listener threw after file "
              + currentFile
              + " of workflow "
              + workflow.id()
              + ": "
              + e,
          e);
    }
    checkCancelled();
  }

  @Override
  public void checkCancelled() throws ExportCancelledException {
    // A cancelled job, or an interrupted thread (a host's Future.cancel(true), or
    // Thread.interrupt() of a synchronous export): the flag stays set for the caller.
    if (cancelled.get() || Thread.currentThread().isInterrupted()) {
      throw new ExportCancelledException(
          "export of workflow "
              + workflow.id()
              + " ("
              + request.layout()
              + ") was cancelled after "
              + filesDone
              + " file(s)");
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  /**
   * Returns the current progress.
   *
   * @return a snapshot
   */
  public ExportProgress progress() {
    CountingOutputStream b = bytes;
    return new ExportProgress(filesDone, totalFiles(), rows, b == null ? 0 : b.count());
  }

  /**
   * Returns the warnings so far, in the order first seen.
   *
   * @return the warnings
   */
  public synchronized List<ExportWarning> warnings() {
    List<ExportWarning> out = new ArrayList<>(warnings.values());
    if (droppedWarnings > 0) {
      out.add(
          new ExportWarning(
              "too-many-warnings",
              "more than " + MAX_WARNINGS + " distinct warnings; the rest were counted only",
              null,
              droppedWarnings));
    }
    return out;
  }

  /**
   * Returns the number of files written (with at least one row or entry).
   *
   * @return the count
   */
  public long filesWritten() {
    return filesWritten;
  }

  /**
   * Returns the number of selected files left out because their content failed.
   *
   * @return the count
   */
  public long filesSkipped() {
    return filesSkipped;
  }

  /**
   * Returns the number of assessments written.
   *
   * @return the count
   */
  public long assessmentsWritten() {
    return assessmentsWritten;
  }

  /**
   * Returns the number of rows or entries written.
   *
   * @return the count
   */
  public long rows() {
    return rows;
  }

  /**
   * Returns the id of the file the repository stream handed out last.
   *
   * @return the id, or null before the first file
   */
  public @Nullable String currentFile() {
    return currentFile;
  }

  /** Closes every stream a provider left open. Called by the exporter after every export. */
  public void closeLeftovers() {
    synchronized (streams) {
      for (BaseStream<?, ?> s : streams) {
        try {
          s.close();
        } catch (RuntimeException e) {
          LOG.debug("closing a repository stream failed", e);
        }
      }
      streams.clear();
    }
    closeMediaStreams();
  }

  /** The failure of an opening the stall watch interrupted; clears the interrupt it left. */
  private static IOException stalledOpening(StallWatch.Wait opening, @Nullable Exception e) {
    Thread.interrupted();
    return new IOException(
        "opening the stream took more than "
            + opening.limitMillis()
            + " ms (the stall limit, Exporter.Builder.mediaStallLimit) and was abandoned",
        e);
  }

  @Override
  public void checkMediaReads() throws ExportException {
    long now = System.nanoTime();
    for (StallWatch.Wait w : waits) {
      String deaf = w.deaf(now);
      if (deaf != null) {
        throw new ExportException(
            "export of workflow " + workflow.id() + " (" + request.layout() + ") stopped: " + deaf);
      }
    }
  }

  @Override
  public void closeMediaStreams() {
    for (InputStream in : List.copyOf(openMedia)) {
      try {
        in.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing a media stream failed", e);
      }
    }
  }

  private AssessedFile scoped(AssessedFile file) {
    if (file.assessments().size() < 2) {
      return file;
    }
    List<Assessment> sorted = new ArrayList<>(file.assessments());
    sorted.sort(Assessment.RECENCY);
    if (request.scope() == AssessmentScope.LATEST && sorted.size() > 1) {
      sorted = List.of(sorted.get(sorted.size() - 1));
    }
    return new AssessedFile(file.file(), sorted);
  }

  private <T> T call(Callable<T> call, String what) {
    T result;
    try {
      result = call.call();
    } catch (Exception e) {
      throw new RepositoryFailure(
          "the repository failed " + what + " of workflow " + workflow.id() + ": " + e, e);
    }
    return Objects.requireNonNull(result, "the repository returned null " + what);
  }

  /** How many of the latest file ids a stream remembers, to find a file streamed twice. */
  static final int RECENT_IDS = 4096;

  private void duplicate(String id) {
    try {
      warn(
          "duplicate-file",
          id,
          id,
          "file "
              + id
              + " was streamed twice by the repository; it was exported once (fix the repository's"
              + " query: a join that repeats a file's row?)");
    } catch (ExportException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The latest ids of a stream, oldest first: constant memory, so only near repeats are found. */
  private static final class RecentIds {
    private final int capacity;
    private final java.util.ArrayDeque<String> order = new java.util.ArrayDeque<>();
    private final java.util.HashSet<String> ids = new java.util.HashSet<>();

    RecentIds(int capacity) {
      this.capacity = capacity;
    }

    /** Returns false when the id is among the latest. */
    boolean add(String id) {
      if (!ids.add(id)) {
        return false;
      }
      order.addLast(id);
      if (order.size() > capacity) {
        ids.remove(order.removeFirst());
      }
      return true;
    }
  }

  /**
   * Wraps a repository stream: its failures name the workflow and the last file, and a file
   * streamed again soon after is dropped, so that every pass over the files sees the same ones.
   * Only the passes a layout writes from ({@code report}) warn of it; counting passes stay quiet,
   * or one repeat would be reported twice.
   */
  private <T> Stream<T> guarded(Stream<T> source, Function<T, String> idOf, boolean report) {
    synchronized (streams) {
      streams.add(source);
    }
    Spliterator<T> inner;
    try {
      inner = source.spliterator();
    } catch (RuntimeException e) {
      source.close();
      throw new RepositoryFailure(
          "the repository failed streaming the files of workflow " + workflow.id() + ": " + e, e);
    }
    RecentIds recent = new RecentIds(RECENT_IDS);
    Spliterator<T> outer =
        new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            while (true) {
              List<T> next = new ArrayList<>(1);
              boolean more;
              try {
                more = inner.tryAdvance(next::add);
              } catch (RuntimeException e) {
                throw new RepositoryFailure(
                    "the repository failed streaming the files of workflow "
                        + workflow.id()
                        + (currentFile == null
                            ? ", before the first file"
                            : ", after file " + currentFile)
                        + ": "
                        + e,
                    e);
              }
              if (!more) {
                return false;
              }
              T element =
                  Objects.requireNonNull(next.get(0), "the repository streamed a null file");
              String id = idOf.apply(element);
              if (!recent.add(id)) {
                if (report) {
                  duplicate(id);
                }
                continue;
              }
              currentFile = id;
              action.accept(element);
              return true;
            }
          }
        };
    return StreamSupport.stream(outer, false)
        .onClose(
            () -> {
              try {
                source.close();
              } catch (RuntimeException e) {
                throw new RepositoryFailure(
                    "the repository failed closing the files of workflow "
                        + workflow.id()
                        + ": "
                        + e,
                    e);
              }
            });
  }
}
