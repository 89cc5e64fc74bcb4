package dev.assessment.export.imaging.internal;

import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Reads files' content from the media repository a bounded number of files ahead of the one
 * being written, on its own threads, into spools. Results are taken in the order files were
 * submitted, so the archive does not depend on timing.
 */
public final class Prefetcher implements AutoCloseable {
  /** Content up to this size is held in memory while it waits; larger content spills to disk. */
  public static final int MEMORY_PER_FILE = 8 << 20;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExportContext context;
  private final ExecutorService pool;
  private final Deque<Future<Fetched>> pending = new ArrayDeque<>();

  /**
   * Starts the reading threads.
   *
   * @param context the export's context, which opens media
   * @param threads how many files may be read at once
   */
  public Prefetcher(ExportContext context, int threads) {
    this.context = context;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "assessment-export-read-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts reading a file.
   *
   * @param file the file
   */
  public void submit(MediaFile file) {
    pending.add(pool.submit(() -> fetch(file)));
  }

  /**
   * Returns the number of files submitted and not yet taken.
   *
   * @return the count
   */
  public int pending() {
    return pending.size();
  }

  /**
   * Waits for the oldest submitted file.
   *
   * @return its content or the reason it could not be read; the caller closes it
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public Fetched take() throws InterruptedException {
    Future<Fetched> next = pending.remove();
    try {
      return next.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      return Fetched.failed(cause instanceof Exception ex ? ex : new RuntimeException(cause));
    }
  }

  /** Stops reading and deletes whatever was read and not taken. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Future<Fetched> f : pending) {
      if (f.isDone() && !f.isCancelled()) {
        try {
          f.get().close();
        } catch (InterruptedException | ExecutionException ignored) {
          // Nothing was spooled.
        }
      }
    }
    pending.clear();
  }

  private Fetched fetch(MediaFile file) {
    Spool spool = new Spool(MEMORY_PER_FILE);
    try (InputStream in = context.openMedia(file)) {
      CRC32 crc = new CRC32();
      MessageDigest sha = sha256();
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (Thread.currentThread().isInterrupted() || context.isCancelled()) {
          throw new IOException("cancelled while reading file " + file.id());
        }
        crc.update(buffer, 0, n);
        sha.update(buffer, 0, n);
        spool.write(buffer, 0, n);
      }
      spool.finishWriting();
      return Fetched.ok(spool, crc.getValue(), sha.digest());
    } catch (IOException | RuntimeException e) {
      spool.close();
      return Fetched.failed(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
