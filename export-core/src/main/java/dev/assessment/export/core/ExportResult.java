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
}
