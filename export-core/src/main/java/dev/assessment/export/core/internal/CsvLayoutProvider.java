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

import dev.assessment.export.core.CsvLayouts;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Layout;
import dev.assessment.export.core.Parts;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.spi.AssessedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;

/** One of the two CSV layouts, built into export-core. */
public final class CsvLayoutProvider implements LayoutProvider {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Layout layout;

  /**
   * Creates the provider of a CSV layout.
   *
   * @param layout {@link CsvLayouts#ATTRIBUTE_VALUES} or {@link CsvLayouts#ANNOTATIONS}
   */
  public CsvLayoutProvider(Layout layout) {
    if (!layout.equals(CsvLayouts.ATTRIBUTE_VALUES) && !layout.equals(CsvLayouts.ANNOTATIONS)) {
      throw new IllegalArgumentException(layout + " is not a CSV layout");
    }
    this.layout = layout;
  }

  @Override
  public Layout layout() {
    return layout;
  }

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public String mediaType() {
    return "text/csv; charset=UTF-8";
  }

  @Override
  public PartMerger merger() {
    return Parts::mergeCsv;
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    ExportRequest request = context.request();
    String marker = context.partMarker();
    if (marker != null) {
      out.write((marker + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    if (request.bom()) {
      out.write(BOM);
    }
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    AssessmentCsvWriter csv =
        layout.equals(CsvLayouts.ATTRIBUTE_VALUES)
            ? new LongCsvWriter(
                writer,
                context.workflow(),
                context.orders(),
                context.dataSources(),
                request.neutraliseFormulas(),
                request.polygons(),
                context::warn)
            : new WideCsvWriter(
                writer,
                context.workflow(),
                context.orders(),
                context.dataSources(),
                request.neutraliseFormulas(),
                request.polygons(),
                context::warn);
    try (Stream<AssessedFile> files = context.assessedFiles()) {
      Iterator<AssessedFile> it = files.iterator();
      while (it.hasNext()) {
        AssessedFile file = it.next();
        long rows = csv.write(file);
        context.fileWritten(file.assessments().size(), rows);
      }
    }
    csv.finish();
  }
}
