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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends media reads that deliver nothing for too long: one daemon thread looks at every read in
 * progress twice a second and closes the stream of one that has waited past the limit, so that the
 * read fails (as a blocked socket read does when its socket is closed) and the file is skipped with
 * the reason.
 */
final class StallWatch {
  private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);
  private static final Set<Watched> READS = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService WATCH =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "assessment-export-stall-watch");
            t.setDaemon(true);
            return t;
          });

  /** The watch's schedule; {@link #look} catches what it could throw, so it never ends. */
  @SuppressWarnings("unused")
  private static final java.util.concurrent.ScheduledFuture<?> SCHEDULE =
      WATCH.scheduleWithFixedDelay(StallWatch::look, 500, 500, TimeUnit.MILLISECONDS);

  private StallWatch() {}

  /**
   * Watches a media stream's reads.
   *
   * @param in the stream
   * @param fileId the file, for the message
   * @param limit how long one read may deliver nothing
   * @return the watched stream
   */
  static InputStream watch(InputStream in, String fileId, Duration limit) {
    return new Watched(in, fileId, limit.toNanos());
  }

  private static void look() {
    long now = System.nanoTime();
    for (Watched w : READS) {
      long started = w.readStarted;
      if (started != 0 && now - started > w.limitNanos && !w.stalled) {
        w.stalled = true;
        LOG.warn(
            "a read of file {} delivered nothing for {} ms; closing it",
            w.fileId,
            TimeUnit.NANOSECONDS.toMillis(w.limitNanos));
        try {
          w.closeUnderlying();
        } catch (IOException | RuntimeException e) {
          LOG.debug("closing a stalled media stream failed", e);
        }
      }
    }
  }

  private static final class Watched extends FilterInputStream {
    private final String fileId;
    private final long limitNanos;
    private volatile long readStarted;
    private volatile boolean stalled;

    Watched(InputStream in, String fileId, long limitNanos) {
      super(in);
      this.fileId = fileId;
      this.limitNanos = limitNanos;
    }

    private void begin() {
      readStarted = System.nanoTime();
      READS.add(this);
    }

    private void end() {
      readStarted = 0;
      READS.remove(this);
    }

    private IOException stall(IOException e) {
      if (!stalled) {
        return e;
      }
      return new IOException(
          "no data for "
              + TimeUnit.NANOSECONDS.toMillis(limitNanos)
              + " ms (the stall limit, Exporter.Builder.mediaStallLimit); the read was"
              + " abandoned",
          e);
    }

    @Override
    public int read() throws IOException {
      begin();
      try {
        return super.read();
      } catch (IOException e) {
        throw stall(e);
      } finally {
        end();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      begin();
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw stall(e);
      } finally {
        end();
      }
    }

    @Override
    public long skip(long n) throws IOException {
      begin();
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw stall(e);
      } finally {
        end();
      }
    }

    void closeUnderlying() throws IOException {
      in.close();
    }

    @Override
    public void close() throws IOException {
      READS.remove(this);
      super.close();
    }
  }
}
