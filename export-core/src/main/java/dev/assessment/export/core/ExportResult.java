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

import java.util.List;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param layout the layout written
 * @param files the number of files written (CSV: files with at least one row)
 * @param filesSkipped the number of selected files left out because their content was missing,
 *     unreadable or not an image; each has a warning
 * @param assessments the number of assessments written
 * @param rows CSV data rows (the header not counted), or archive entries (the manifest not counted)
 * @param bytes the number of bytes handed to the sink
 * @param warnings what was written in a documented way or skipped rather than fail; copied
 * @param fileName a suggested file name for the output, safe on every OS
 * @param mediaType the output's media type, e.g. {@code text/csv; charset=UTF-8}
 * @since 0.2
 */
public record ExportResult(
    Layout layout,
    long files,
    long filesSkipped,
    long assessments,
    long rows,
    long bytes,
    List<ExportWarning> warnings,
    String fileName,
    String mediaType) {
  /**
   * Creates a result.
   *
   * @param layout the layout written
   * @param files files written
   * @param filesSkipped files left out because their content failed
   * @param assessments assessments written
   * @param rows rows or entries written
   * @param bytes bytes handed to the sink
   * @param warnings the warnings
   * @param fileName a suggested file name
   * @param mediaType the media type
   * @since 0.2
   */
  public ExportResult {
    Objects.requireNonNull(layout, "layout");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  /**
   * Returns whether files were selected and every one of them was left out: the output holds no
   * file (an archive holds only its manifest), and the warnings say why. An export of a selection
   * that is empty is not such an export. A host should not deliver such an output as if it were the
   * data: the example host exits with status 3.
   *
   * @return true when nothing selected was written because every file failed
   * @since 0.2
   */
  public boolean everyFileSkipped() {
    return filesSkipped > 0 && files == 0;
  }
}
