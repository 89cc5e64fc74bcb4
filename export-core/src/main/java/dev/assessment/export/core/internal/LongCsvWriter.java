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
import java.util.List;
import java.util.Map;

/**
 * The long layout ({@code ATTRIBUTE_VALUES}): one row per attribute value, the location polygon
 * first as the attribute {@code location}, each with its confidence.
 */
public final class LongCsvWriter extends AssessmentCsvWriter {

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
  public LongCsvWriter(
      Writer out,
      Workflow workflow,
      Map<String, WorkflowOrder> orders,
      Map<String, DataSource> dataSources,
      boolean neutralise,
      PolygonEncoding polygons,
      Warnings warnings)
      throws ExportException {
    super(out, workflow, orders, dataSources, neutralise, polygons, warnings);
  }

  @Override
  public List<String> header() {
    return Columns.LONG;
  }

  @Override
  protected long writeEmptyAssessment(String prefix) throws IOException {
    out.append(prefix);
    emptyCells(5);
    endRow();
    return 1;
  }

  @Override
  protected long writeEntity(MediaFile file, String prefix, Entity entity) throws IOException {
    long rows = 0;
    if (entity.location() != null) {
      out.append(prefix);
      out.append(",location");
      cell(location(file, entity));
      cell(confidence(entity.locationConfidence()));
      endRow();
      rows++;
    }
    for (AttributeValue attribute : entity.attributes()) {
      String name = attributeNames.get(attribute.name());
      if (name == null) {
        name = Columns.undefinedName(attribute.name(), attributeNames.values());
      }
      String value = value(file, entity, attribute.name(), attribute.value());
      out.append(prefix);
      cell(text(wellFormed("attribute name", null, name)));
      cell(value);
      cell(confidence(attribute.confidence()));
      endRow();
      rows++;
    }
    if (rows == 0) {
      out.append(prefix);
      emptyCells(3);
      endRow();
      rows = 1;
    }
    return rows;
  }
}
