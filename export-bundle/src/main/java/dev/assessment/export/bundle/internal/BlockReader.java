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
package dev.assessment.export.bundle.internal;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads the assessments of a list of files on helper threads, in blocks of consecutive files (each
 * block with one parser, which goes through its rows in one pass), and hands them back in the
 * files' order. At most {@code 2 × threads} blocks are in flight, so memory is bounded whatever the
 * number of files; the threads end when the stream is closed, or a second after they fall idle.
 */
public final class BlockReader {
  /** Files per block: enough rows to keep a parser busy, few enough to hold a block in memory. */
  static final int BLOCK = 128;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private BlockReader() {}

  /**
   * Streams the files with their assessments.
   *
   * @param index the bundle
   * @param files the files, in order
   * @return the stream; close it to stop the helper threads
   */
  public static Stream<AssessedFile> stream(BundleIndex index, List<MediaFile> files) {
    int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
    if (files.size() <= BLOCK || threads < 2) {
      return inline(index, files);
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "assessment-export-bundle-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    Blocks blocks = new Blocks(index, files, pool, threads * 2);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(blocks, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(blocks::close);
  }

  /** On the caller's thread, with one parser. */
  private static Stream<AssessedFile> inline(BundleIndex index, List<MediaFile> files) {
    RowCursor[] rows = {null};
    return files.stream()
        .map(
            f -> {
              try {
                if (rows[0] == null) {
                  rows[0] = index.openRows();
                }
                return new AssessedFile(f, index.assessments(f, rows[0]));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .onClose(
            () -> {
              try {
                if (rows[0] != null) {
                  rows[0].close();
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static List<AssessedFile> read(BundleIndex index, List<MediaFile> block)
      throws IOException {
    List<AssessedFile> out = new ArrayList<>(block.size());
    try (RowCursor rows = index.openRows()) {
      for (MediaFile f : block) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("stopped while reading the bundle");
        }
        out.add(new AssessedFile(f, index.assessments(f, rows)));
      }
    }
    return out;
  }

  private static final class Blocks implements Iterator<AssessedFile> {
    private final BundleIndex index;
    private final List<MediaFile> files;
    private final ThreadPoolExecutor pool;
    private final int window;
    private final Deque<Future<List<AssessedFile>>> inFlight = new ArrayDeque<>();
    private int nextBlock;
    private @Nullable Iterator<AssessedFile> current;

    Blocks(BundleIndex index, List<MediaFile> files, ThreadPoolExecutor pool, int window) {
      this.index = index;
      this.files = files;
      this.pool = pool;
      this.window = window;
    }

    private void fill() {
      while (inFlight.size() < window && nextBlock < files.size()) {
        List<MediaFile> block = files.subList(nextBlock, Math.min(files.size(), nextBlock + BLOCK));
        nextBlock += block.size();
        inFlight.add(pool.submit(() -> read(index, block)));
      }
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        fill();
        Future<List<AssessedFile>> next = inFlight.poll();
        if (next == null) {
          return false;
        }
        try {
          current = next.get().iterator();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new UncheckedIOException(
              new InterruptedIOException("interrupted while reading the bundle"));
        } catch (ExecutionException e) {
          close();
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw new UncheckedIOException(io);
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new UncheckedIOException(new IOException(cause));
        }
      }
      return true;
    }

    @Override
    public AssessedFile next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Iterator<AssessedFile> it = current;
      if (it == null) {
        throw new NoSuchElementException();
      }
      return it.next();
    }

    void close() {
      for (Future<List<AssessedFile>> f : inFlight) {
        f.cancel(true);
      }
      inFlight.clear();
      pool.shutdownNow();
    }
  }
}
