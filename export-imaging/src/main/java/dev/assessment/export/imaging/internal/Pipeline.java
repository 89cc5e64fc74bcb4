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
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a fixed number of threads and hands their results back in the order the tasks were
 * submitted, so that what is written does not depend on timing. The caller bounds how many tasks
 * are in flight with {@link #pending()}. Results that are never taken are closed.
 *
 * @param <T> the result
 */
public final class Pipeline<T extends AutoCloseable> implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final @Nullable ExecutorService own;
  private final Executor executor;
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Deque<Task<T>> pending = new ArrayDeque<>();

  /** A submitted task, which says when it has stopped running, whether it ran or not. */
  private static final class Task<T> extends FutureTask<T> {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile @Nullable Thread runner;

    Task(Callable<T> callable) {
      super(callable);
    }

    @Override
    public void run() {
      started = true;
      runner = Thread.currentThread();
      try {
        super.run();
      } finally {
        runner = null;
        stopped.countDown();
      }
    }

    boolean running() {
      return started && stopped.getCount() > 0;
    }
  }

  /** How long stopping waits for interrupted tasks before it closes their streams. */
  private static final long INTERRUPT_GRACE_MILLIS = 1_000;

  /** How long stopping then waits for the tasks whose streams it closed. */
  private static final long CLOSE_GRACE_MILLIS = 4_000;

  private @Nullable Runnable unblock;

  /** What {@link #take()} runs while it waits; throws to stop waiting. */
  @FunctionalInterface
  public interface Watch {
    /**
     * Looks at the tasks' progress.
     *
     * @throws IOException to stop waiting, with the reason
     */
    void check() throws IOException;
  }

  private @Nullable Watch watch;

  /** How often {@link #take()} runs its watch while it waits. */
  private static final long WATCH_MILLIS = 500;

  /**
   * Starts the threads.
   *
   * @param threads how many tasks run at once
   * @param name the threads' name prefix
   */
  public Pipeline(int threads, String name) {
    this(threads, name, null);
  }

  /**
   * Runs tasks on a host's executor, or on threads of its own when there is none.
   *
   * @param threads how many tasks run at once (the caller bounds them with {@link #pending()})
   * @param name the threads' name prefix, for threads of its own
   * @param executor the host's executor, or null
   */
  public Pipeline(int threads, String name, @Nullable Executor executor) {
    if (executor != null) {
      this.own = null;
      this.executor = executor;
    } else {
      this.own =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.executor = own;
    }
  }

  /**
   * Sets what {@link #close()} does when interrupting the running tasks did not stop them within a
   * second: typically closing the media streams they read, as a blocked socket read only returns
   * when its stream is closed.
   *
   * @param unblock the action
   * @return this pipeline
   */
  public Pipeline<T> onStuck(Runnable unblock) {
    this.unblock = unblock;
    return this;
  }

  /**
   * Sets what {@link #take()} runs twice a second while it waits: typically a check that fails when
   * a task is stuck in a read that ignored every attempt to end it, so that the caller is not held.
   *
   * @param watch the check
   * @return this pipeline
   */
  public Pipeline<T> whileWaiting(Watch watch) {
    this.watch = watch;
    return this;
  }

  /**
   * Submits a task.
   *
   * @param task the task; what it throws is rethrown by {@link #take()}
   */
  public void submit(Callable<T> task) {
    Task<T> t = new Task<>(task);
    pending.add(t);
    executor.execute(t);
  }

  /**
   * Returns the number of tasks submitted and not yet taken.
   *
   * @return the count
   */
  public int pending() {
    return pending.size();
  }

  /**
   * Waits for the oldest task's result.
   *
   * @return the result; the caller closes it
   * @throws IOException what the task threw, what the {@link #whileWaiting watch} threw, or an
   *     {@link InterruptedIOException}
   */
  public T take() throws IOException {
    Future<T> next = pending.peek();
    if (next == null) {
      throw new java.util.NoSuchElementException("no task pending");
    }
    try {
      T result = await(next);
      pending.remove();
      return result;
    } catch (InterruptedException e) {
      // The task stays pending, for close() to cancel and wait for.
      Thread.currentThread().interrupt();
      InterruptedIOException io =
          new InterruptedIOException("interrupted while waiting for a file");
      io.initCause(e);
      throw io;
    } catch (ExecutionException e) {
      pending.remove();
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  /** Waits for a task, running the watch between waits. */
  private T await(Future<T> next) throws InterruptedException, ExecutionException, IOException {
    Watch w = watch;
    if (w == null) {
      return next.get();
    }
    while (true) {
      try {
        return next.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        w.check();
      }
    }
  }

  /**
   * Stops the tasks and closes every result that was not taken: its own threads are shut down; on a
   * host's executor, the pending tasks are cancelled (the running ones interrupted) and waited for.
   */
  @Override
  public void close() {
    if (own != null) {
      own.shutdownNow();
    }
    for (Task<T> t : pending) {
      t.cancel(true);
    }
    boolean interrupted = false;
    try {
      if (!awaitStopped(INTERRUPT_GRACE_MILLIS) && unblock != null) {
        // Interrupting did not stop them: close what they read, then wait a little more.
        unblock.run();
        awaitStopped(CLOSE_GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    List<String> stuck = new ArrayList<>();
    for (Task<T> t : pending) {
      Thread runner = t.runner;
      if (t.running() && runner != null) {
        stuck.add(runner.getName());
      }
    }
    closeTaken();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!stuck.isEmpty()) {
      LOG.warn(
          "thread(s) {} ignored both interrupt and the closing of their streams; left running",
          stuck);
      throw new IllegalStateException(
          "thread(s) "
              + stuck
              + " ignored both interrupt and the closing of their streams, and were left"
              + " running (a media repository whose reads can neither be interrupted nor"
              + " closed)");
    }
  }

  /** Waits for every started task to stop; true when all did within the time. */
  private boolean awaitStopped(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (Task<T> t : pending) {
      // A task the executor has not started will not run its work once cancelled.
      if (t.started
          && !t.stopped.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }

  private void closeTaken() {
    for (Task<T> t : pending) {
      if (t.isDone() && !t.isCancelled()) {
        try {
          t.get().close();
        } catch (Exception ignored) {
          // The task failed: it holds nothing.
        }
      }
    }
    pending.clear();
  }
}
