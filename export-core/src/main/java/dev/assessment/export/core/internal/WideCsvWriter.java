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

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wide layout ({@code ANNOTATIONS}): one row per entity, its location and the location's
 * confidence, then a column per attribute the workflow defines, in the workflow's order. Attributes
 * the workflow does not define are reported, not written.
 */
public final class WideCsvWriter extends AssessmentCsvWriter {
  private final List<String> header;
  private final Map<String, Integer> columnOf = new HashMap<>();
  private final String[] cells;

  /**
   * Creates a writer; writes nothing yet.
   *
   * @param out where rows go
   * @param workflow the workflow
   * @param orders orders by id
   * @param dataSources data sources by id
   * @param neutralise whether text is neutralised
   * @param polygons polygon encoding
   * @param warnings where to report
   */
  public WideCsvWriter(
      Writer out,
      Workflow workflow,
      Map<String, WorkflowOrder> orders,
      Map<String, DataSource> dataSources,
      boolean neutralise,
      PolygonEncoding polygons,
      Warnings warnings)
      throws ExportException {
    super(out, workflow, orders, dataSources, neutralise, polygons, warnings);
    List<String> h = new ArrayList<>(Columns.WIDE_FIXED);
    int i = 0;
    for (Map.Entry<String, String> e : attributeNames.entrySet()) {
      columnOf.put(e.getKey(), i++);
      h.add(text(wellFormed("attribute name", null, e.getValue())));
    }
    this.header = List.copyOf(h);
    this.cells = new String[i];
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  protected long writeEmptyAssessment(String prefix) throws IOException {
    out.append(prefix);
    emptyCells(4 + cells.length);
    endRow();
    return 1;
  }

  @Override
  protected long writeEntity(MediaFile file, String prefix, Entity entity) throws IOException {
    Arrays.fill(cells, "");
    for (AttributeValue attribute : entity.attributes()) {
      Integer column = columnOf.get(attribute.name());
      if (column == null) {
        warnings.warn(
            "undefined-attribute",
            attribute.name(),
            file.id(),
            "file "
                + file.id()
                + ", entity "
                + entity.id()
                + ": attribute '"
                + attribute.name()
                + "' is not defined by workflow "
                + workflow.id()
                + ", so the wide layout has no column for it; the long layout"
                + " (ATTRIBUTE_VALUES) writes it");
        continue;
      }
      cells[column] = value(file, entity, attribute.name(), attribute.value());
    }
    out.append(prefix);
    if (entity.location() != null) {
      cell(location(file, entity));
      cell(confidence(entity.locationConfidence()));
    } else {
      emptyCells(2);
    }
    for (String c : cells) {
      cell(c);
    }
    endRow();
    return 1;
  }
}
