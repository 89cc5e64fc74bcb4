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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a fixed number of threads and hands their results back in the order the tasks were
 * submitted, so that what is written does not depend on timing. The caller bounds how many tasks
 * are in flight with {@link #pending()}. Results that are never taken are closed.
 *
 * @param <T> the result
 */
public final class Pipeline<T extends AutoCloseable> implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final Deque<Future<T>> pending = new ArrayDeque<>();

  /**
   * Starts the threads.
   *
   * @param threads how many tasks run at once
   * @param name the threads' name prefix
   */
  public Pipeline(int threads, String name) {
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Submits a task.
   *
   * @param task the task; what it throws is rethrown by {@link #take()}
   */
  public void submit(Callable<T> task) {
    pending.add(pool.submit(task));
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

  /** Stops the threads and closes every result that was not taken. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a reading or rendering thread did not stop within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Future<T> f : pending) {
      if (f.isDone() && !f.isCancelled()) {
        try {
          f.get().close();
        } catch (Exception ignored) {
          // The task failed: it holds nothing.
        }
      }
    }
    pending.clear();
  }
}
