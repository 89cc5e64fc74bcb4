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
package dev.assessment.export.example;

import dev.assessment.export.core.ExportListener;
import dev.assessment.export.core.ExportProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows an export's progress on one terminal line, redrawn at most ten times a second, and only
 * when the output is a terminal and the export runs longer than a moment.
 */
final class ProgressBar implements ExportListener {
  private static final long START_AFTER_NANOS = 500_000_000L;
  private static final long EVERY_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ProgressBar onTerminal(PrintWriter err) {
    return new ProgressBar(err, System.console() != null);
  }

  @Override
  public void progress(ExportProgress p) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < START_AFTER_NANOS || now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    String count =
        p.totalFiles().isPresent()
            ? p.files() + "/" + p.totalFiles().getAsLong() + " files"
            : p.files() + " files";
    String bar = "";
    if (p.fraction().isPresent()) {
      int width = 30;
      int done = (int) Math.round(p.fraction().getAsDouble() * width);
      bar = "[" + "#".repeat(done) + " ".repeat(width - done) + "] ";
    }
    err.printf(Locale.ROOT, "\r%s%s, %d rows, %.1f MB ", bar, count, p.rows(), p.bytes() / 1e6);
    err.flush();
  }

  /** Erases the bar, if it was drawn. */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(79) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
