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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends media reads that deliver nothing for too long: one daemon thread looks at every read (and
 * every opening of a stream) in progress twice a second and, past the limit, closes the stream of a
 * read so that it fails (as a blocked socket read does when its socket is closed) and the file is
 * skipped with the reason, or interrupts an opening. One that has not returned {@link
 * #DEAF_GRACE_MILLIS} after that is deaf to both: {@link Wait#deaf} says so, for the export to fail
 * instead of waiting for it.
 */
final class StallWatch {
  private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);

  /** How long a read or opening may go on after it was closed or interrupted at the limit. */
  static final long DEAF_GRACE_MILLIS = 5_000;

  private static final Set<Wait> WAITS = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService WATCH =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "assessment-export-stall-watch");
            t.setDaemon(true);
            return t;
          });

  /** The watch's schedule; {@link #look} catches what it could throw, so it never ends. */
  @SuppressWarnings("unused")
  private static final ScheduledFuture<?> SCHEDULE =
      WATCH.scheduleWithFixedDelay(StallWatch::look, 500, 500, TimeUnit.MILLISECONDS);

  private StallWatch() {}

  /**
   * Watches a media stream's reads.
   *
   * @param in the stream
   * @param wait the stream's wait, from {@link #read}
   * @return the watched stream
   */
  static InputStream watch(InputStream in, Wait wait) {
    return new Watched(in, wait);
  }

  /**
   * Returns the wait of one media stream's reads, ended at the limit by closing the stream.
   *
   * @param fileId the file, for the message
   * @param limit how long one read may deliver nothing
   * @return the wait, not yet begun
   */
  static Wait read(String fileId, Duration limit) {
    return new Wait("read", fileId, limit.toNanos());
  }

  /**
   * Begins the wait of opening a media stream, ended at the limit by interrupting the thread.
   *
   * @param fileId the file, for the message
   * @param limit how long the opening may take
   * @return the wait, begun; {@link Wait#end()} it when the opening returns
   */
  static Wait opening(String fileId, Duration limit) {
    Wait wait = new Wait("opening", fileId, limit.toNanos());
    wait.begin();
    return wait;
  }

  private static void look() {
    long now = System.nanoTime();
    for (Wait w : WAITS) {
      try {
        w.look(now);
      } catch (RuntimeException e) {
        LOG.debug("ending a stalled media read failed", e);
      }
    }
  }

  /** A read or an opening of one file's stream, in progress or not. */
  static final class Wait {
    private final String kind;
    private final String fileId;
    private final long limitNanos;
    private volatile long started;
    private volatile long stalledAt;
    private volatile @Nullable Thread thread;
    private volatile @Nullable InputStream stream;

    private Wait(String kind, String fileId, long limitNanos) {
      this.kind = kind;
      this.fileId = fileId;
      this.limitNanos = limitNanos;
    }

    void begin() {
      thread = Thread.currentThread();
      started = System.nanoTime();
      WAITS.add(this);
    }

    void end() {
      started = 0;
      thread = null;
      WAITS.remove(this);
    }

    boolean stalled() {
      return stalledAt != 0;
    }

    long limitMillis() {
      return TimeUnit.NANOSECONDS.toMillis(limitNanos);
    }

    private void look(long now) {
      long began = started;
      if (began == 0 || now - began <= limitNanos || stalledAt != 0) {
        return;
      }
      stalledAt = now;
      LOG.warn(
          "a {} of file {} delivered nothing for {} ms (the stall limit); {} it",
          kind,
          fileId,
          limitMillis(),
          stream == null ? "interrupting" : "closing");
      InputStream s = stream;
      Thread t = thread;
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          LOG.debug("closing a stalled media stream failed", e);
        }
      } else if (t != null) {
        t.interrupt();
      }
    }

    /**
     * Says whether this wait has gone on {@link #DEAF_GRACE_MILLIS} past the close or interrupt
     * that should have ended it.
     *
     * @param now {@link System#nanoTime()}
     * @return what happened, naming the file and the thread, or null while all is well
     */
    @Nullable String deaf(long now) {
      long stalled = stalledAt;
      Thread t = thread;
      if (started == 0
          || stalled == 0
          || t == null
          || now - stalled < TimeUnit.MILLISECONDS.toNanos(DEAF_GRACE_MILLIS)) {
        return null;
      }
      return "the "
          + kind
          + " of file "
          + fileId
          + " delivered nothing for "
          + limitMillis()
          + " ms (the stall limit, Exporter.Builder.mediaStallLimit) and ignored the "
          + (kind.equals("read") ? "closing of its stream" : "interrupt")
          + " for "
          + DEAF_GRACE_MILLIS
          + " ms more; thread "
          + t.getName()
          + " was left running in the media repository";
    }
  }

  private static final class Watched extends FilterInputStream {
    private final Wait wait;

    Watched(InputStream in, Wait wait) {
      super(in);
      this.wait = wait;
      wait.stream = in;
    }

    private IOException stall(IOException e) {
      if (!wait.stalled()) {
        return e;
      }
      return new IOException(
          "no data for "
              + wait.limitMillis()
              + " ms (the stall limit, Exporter.Builder.mediaStallLimit); the read was"
              + " abandoned",
          e);
    }

    @Override
    public int read() throws IOException {
      wait.begin();
      try {
        return super.read();
      } catch (IOException e) {
        throw stall(e);
      } finally {
        wait.end();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      wait.begin();
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw stall(e);
      } finally {
        wait.end();
      }
    }

    @Override
    public long skip(long n) throws IOException {
      wait.begin();
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw stall(e);
      } finally {
        wait.end();
      }
    }

    @Override
    public void close() throws IOException {
      WAITS.remove(wait);
      super.close();
    }
  }
}
