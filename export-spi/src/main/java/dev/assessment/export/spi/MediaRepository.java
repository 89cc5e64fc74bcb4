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
package dev.assessment.export.spi;

import java.io.InputStream;

/**
 * The content of files: the original bytes an archive layout packs or draws on.
 *
 * <p>Called once per file of an archive export, possibly from several threads at once and a few
 * files ahead of the one being written. The caller always closes the returned stream, and may close
 * it before reading it to the end. The stream must not hold the whole file in memory when the file
 * is large. One export holds at most {@code readAhead} (default 4) streams open at once, for
 * different files.
 *
 * <p>The file is the one the {@link AssessmentRepository} stream returned, with its {@link
 * MediaFile#storageKey()} untouched, so that an implementation can open the content without looking
 * the file up again.
 *
 * @since 0.2
 */
public interface MediaRepository {

  /**
   * Opens the content of a file.
   *
   * @param file the file, as returned by an {@link AssessmentRepository} stream
   * @return the file's bytes; the caller closes the stream
   * @throws MediaNotFoundException if the storage holds no content for the file
   * @throws Exception if the storage fails (as it comes: {@code IOException}, {@code SQLException},
   *     …); the exporter skips the file and reports why, or fails a strict export
   * @since 0.2
   */
  InputStream open(MediaFile file) throws Exception;
}
