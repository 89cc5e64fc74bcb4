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

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An export running in the background, started by {@link Exporter#submit}: its progress, a way to
 * cancel it, and a future that completes when it ends, onto which the host chains delivery.
 *
 * <pre>{@code
 * ExportJob job = exporter.submit(request, ExportSink.of(path));
 * job.completion().thenAccept(result -> mailer.sendLink(upload(path), result.fileName()));
 * }</pre>
 *
 * <p>The future completes normally with the {@link ExportResult}, exceptionally with the {@link
 * ExportException} that stopped the export, or with a {@link CancellationException} after a cancel.
 * It completes only after every stream was closed and a {@code Path} sink's partial file was
 * deleted.
 *
 * @since 0.2
 */
public final class ExportJob {
  private final ExportRequest request;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Completion completion = new Completion();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile ExportProgress progress = new ExportProgress(0, OptionalLong.empty(), 0, 0);

  /** The thread running the export, while it runs; guarded by {@code this}. */
  private @Nullable Thread runner;

  ExportJob(ExportRequest request) {
    this.request = request;
  }

  /**
   * Returns the request this job exports.
   *
   * @return the request
   * @since 0.2
   */
  public ExportRequest request() {
    return request;
  }

  /**
   * Returns the latest progress.
   *
   * @return a snapshot, all zero before the first file
   * @since 0.2
   */
  public ExportProgress progress() {
    return progress;
  }

  /**
   * Asks the export to stop: it interrupts the job's thread, so that a wait for a file being read
   * or drawn ends at once; the export closes every stream (a read that ignores the interrupt has
   * its stream closed after a second), aborts the sink, and then completes the future with a {@link
   * CancellationException}. Does nothing once the job is done.
   *
   * @return true if the job was still running when asked
   * @since 0.2
   */
  public boolean cancel() {
    if (completion.isDone()) {
      return false;
    }
    cancelled.set(true);
    interruptRunner();
    return true;
  }

  private synchronized void interruptRunner() {
    if (runner != null) {
      runner.interrupt();
    }
  }

  synchronized void running(@Nullable Thread thread) {
    runner = thread;
  }

  /**
   * Tells whether the job has ended, in any way.
   *
   * @return true once the future is complete
   * @since 0.2
   */
  public boolean isDone() {
    return completion.isDone();
  }

  /**
   * Returns the future that completes when the export ends. Cancelling the future cancels the job
   * as {@link #cancel()} does, but completes the future at once.
   *
   * @return the future
   * @since 0.2
   */
  public CompletableFuture<ExportResult> completion() {
    return completion;
  }

  /**
   * Waits until the job's thread has finished with the export: its streams closed, the sink
   * committed or aborted, its helper threads ended. After {@code completion().cancel(true)} the
   * future is complete at once while this clean-up may still run; a host that must release
   * connections or delete temporary folders waits here.
   *
   * @param timeout how long to wait at most
   * @return true if the job has terminated, false if the time ran out
   * @throws InterruptedException if the waiting thread is interrupted
   * @since 0.2
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  void terminated() {
    terminated.countDown();
  }

  AtomicBoolean cancelFlag() {
    return cancelled;
  }

  void progress(ExportProgress progress) {
    this.progress = progress;
  }

  void complete(ExportResult result) {
    completion.complete(result);
  }

  void fail(Throwable t) {
    if (t instanceof ExportCancelledException) {
      CancellationException c = new CancellationException(t.getMessage());
      c.initCause(t);
      completion.completeExceptionally(c);
    } else {
      completion.completeExceptionally(t);
    }
  }

  @Override
  public String toString() {
    return "ExportJob[" + request + ", " + progress + (isDone() ? ", done" : "") + "]";
  }

  private final class Completion extends CompletableFuture<ExportResult> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled.set(true);
      interruptRunner();
      return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new CompletableFuture<>();
    }
  }
}
