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
package dev.assessment.export.jdbc;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stream ahead on a thread of its own, so that fetching rows and building files overlaps
 * with what the consumer does with them. At most {@code capacity} elements wait; the thread is a
 * daemon, stopped when the returned stream is closed, before the source is closed.
 */
final class ReadAhead {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Object END = new Object();

  private ReadAhead() {}

  static <T> Stream<T> of(Stream<T> source, int capacity) {
    Worker<T> worker = new Worker<>(source, capacity);
    Thread thread = new Thread(worker, "assessment-export-jdbc-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    worker.thread = thread;
    thread.start();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(worker, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(worker::close);
  }

  private static final class Worker<T> implements Runnable, Iterator<T> {
    private final Stream<T> source;
    private final BlockingQueue<Object> queue;
    private volatile boolean stopped;
    private @Nullable Thread thread;
    private @Nullable Object next;
    private boolean ended;

    Worker(Stream<T> source, int capacity) {
      this.source = source;
      this.queue = new ArrayBlockingQueue<>(capacity + 1);
    }

    @Override
    public void run() {
      Object last = END;
      try {
        Iterator<T> it = source.iterator();
        while (!stopped && it.hasNext()) {
          queue.put(it.next());
        }
      } catch (InterruptedException e) {
        return; // stopped by close()
      } catch (RuntimeException | Error e) {
        last = e;
      }
      try {
        queue.put(last);
      } catch (InterruptedException e) {
        // stopped by close()
      }
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (ended) {
        return false;
      }
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(
            new InterruptedIOException("interrupted while waiting for the database"));
      }
      if (o == END) {
        ended = true;
        return false;
      }
      if (o instanceof RuntimeException e) {
        ended = true;
        throw e;
      }
      if (o instanceof Error e) {
        ended = true;
        throw e;
      }
      next = o;
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T t = (T) next;
      next = null;
      return t;
    }

    /** Stops the thread, then closes the source (which ends a fetch the thread is blocked in). */
    void close() {
      stopped = true;
      Thread t = thread;
      if (t != null) {
        t.interrupt();
        queue.clear();
        try {
          t.join(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        source.close();
      } finally {
        if (t != null) {
          try {
            t.join(TimeUnit.SECONDS.toMillis(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }
}
