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
import java.util.Deque;
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
  private final Deque<Task<T>> pending = new ArrayDeque<>();

  /** A submitted task, which says when it has stopped running, whether it ran or not. */
  private static final class Task<T> extends FutureTask<T> {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;

    Task(Callable<T> callable) {
      super(callable);
    }

    @Override
    public void run() {
      started = true;
      try {
        super.run();
      } finally {
        stopped.countDown();
      }
    }
  }

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
   * @throws IOException what the task threw, or an {@link InterruptedIOException}
   */
  public T take() throws IOException {
    Future<T> next = pending.remove();
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io =
          new InterruptedIOException("interrupted while waiting for a file");
      io.initCause(e);
      throw io;
    } catch (ExecutionException e) {
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

  /**
   * Stops the tasks and closes every result that was not taken: its own threads are shut down; on a
   * host's executor, the pending tasks are cancelled (the running ones interrupted) and waited for.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    if (own != null) {
      own.shutdownNow();
    }
    for (Task<T> t : pending) {
      t.cancel(true);
    }
    try {
      if (own != null) {
        if (!own.awaitTermination(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a reading or rendering thread did not stop within 60 s");
        }
      } else {
        for (Task<T> t : pending) {
          // A task the executor has not started will not run its work once cancelled.
          if (t.started) {
            t.stopped.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
