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

/**
 * Receives an export's progress.
 *
 * <p>Called on the thread that runs the export, after each file, so it must return quickly. What it
 * throws stops the export, which then fails with an {@link ExportException} that wraps it.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ExportListener {

  /**
   * Receives a progress snapshot.
   *
   * @param progress the export's progress so far
   * @since 0.2
   */
  void progress(ExportProgress progress);

  /**
   * Returns a listener that ignores progress.
   *
   * @return the listener
   * @since 0.2
   */
  static ExportListener none() {
    return progress -> {};
  }
}
