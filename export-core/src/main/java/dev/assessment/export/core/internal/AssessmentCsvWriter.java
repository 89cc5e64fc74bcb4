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
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Streams the rows of one CSV layout, a file at a time. The cells that repeat on every row of a
 * file, an assessment or an entity are escaped once and reused. Nothing is written until the first
 * file or {@link #finish()}; the header is always written, even with no rows.
 */
public abstract class AssessmentCsvWriter implements Closeable, Flushable {
  /**
   * Where rows are built: a buffer handed to the writer in large blocks, so that writing a cell
   * takes no lock (the JDK's writers synchronise every call).
   */
  protected final StringBuilder out = new StringBuilder(1 << 16);

  private final Writer sink;

  /** The workflow being written. */
  protected final Workflow workflow;

  /** Attribute name to CSV name, in the workflow's order. */
  protected final Map<String, String> attributeNames;

  private final Map<String, WorkflowOrder> orders;
  private final Map<String, DataSource> dataSources;
  private final boolean neutralise;
  private final PolygonEncoding polygons;

  /** Where data written in a documented way is reported. */
  protected final Warnings warnings;

  private final String workflowPart;
  private final StringBuilder scratch = new StringBuilder(256);
  private boolean headerWritten;
  private long records;

  /**
   * Creates a writer; writes nothing yet.
   *
   * @param out where rows go; closed by {@link #close()}
   * @param workflow the workflow
   * @param orders the workflow's orders by id
   * @param dataSources the workflow's data sources by id
   * @param neutralise whether text cells are neutralised against formulas
   * @param polygons how polygons are written
   * @param warnings where to report
   */
  protected AssessmentCsvWriter(
      Writer out,
      Workflow workflow,
      Map<String, WorkflowOrder> orders,
      Map<String, DataSource> dataSources,
      boolean neutralise,
      PolygonEncoding polygons,
      Warnings warnings)
      throws ExportException {
    this.sink = Objects.requireNonNull(out, "out");
    this.workflow = workflow;
    this.attributeNames = Columns.attributeNames(workflow);
    this.orders = orders;
    this.dataSources = dataSources;
    this.neutralise = neutralise;
    this.polygons = polygons;
    this.warnings = warnings;
    StringBuilder sb = new StringBuilder();
    Cells.append(sb, text(wellFormed("workflow_id", null, workflow.id())), true);
    Cells.append(sb, text(wellFormed("workflow_name", null, workflow.name())), false);
    this.workflowPart = sb.toString();
  }

  /**
   * Returns the header's column names.
   *
   * @return the names, in order
   */
  public abstract List<String> header();

  /**
   * Writes the rows of one file: one per attribute value (long) or per entity (wide), and one for
   * each assessment without entities. A file without assessments writes nothing.
   *
   * @param file the file with the assessments to write, in the order to write them
   * @return the number of rows written
   * @throws IOException if the writer fails, or the data is bad and the export strict
   */
  public final long write(AssessedFile file) throws IOException {
    writeHeaderOnce();
    if (file.assessments().isEmpty()) {
      return 0;
    }
    String filePart = filePart(file.file());
    long rows = 0;
    for (Assessment assessment : file.assessments()) {
      String assessmentPart = filePart + assessmentPart(file.file().id(), assessment);
      if (assessment.entities().isEmpty()) {
        rows += writeEmptyAssessment(assessmentPart);
      }
      for (Entity entity : assessment.entities()) {
        scratch.setLength(0);
        scratch.append(assessmentPart);
        textCell(scratch, "entity_id", file.file().id(), entity.id());
        textCell(
            scratch,
            "entity_label",
            file.file().id(),
            entity.label() == null ? "" : entity.label());
        rows += writeEntity(file.file(), scratch.toString(), entity);
      }
    }
    records += rows;
    return rows;
  }

  /**
   * Writes the header if no row was written, and flushes.
   *
   * @throws IOException if the writer fails
   */
  public final void finish() throws IOException {
    writeHeaderOnce();
    drain();
    sink.flush();
  }

  /**
   * Returns the number of data rows written.
   *
   * @return the count, the header not included
   */
  public final long recordCount() {
    return records;
  }

  @Override
  public void flush() throws IOException {
    drain();
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      sink.close();
    }
  }

  private void drain() throws IOException {
    if (out.length() > 0) {
      sink.append(out);
      out.setLength(0);
    }
  }

  /**
   * Writes the row of an assessment without entities.
   *
   * @param prefix the escaped leading cells up to {@code assessed_at}
   * @return the number of rows written
   * @throws IOException if the writer fails
   */
  protected abstract long writeEmptyAssessment(String prefix) throws IOException;

  /**
   * Writes the rows of one entity.
   *
   * @param file the entity's file
   * @param prefix the escaped leading cells up to {@code label}
   * @param entity the entity
   * @return the number of rows written
   * @throws IOException if the writer fails, or the data is bad and the export strict
   */
  protected abstract long writeEntity(MediaFile file, String prefix, Entity entity)
      throws IOException;

  /**
   * Writes {@code n} empty cells.
   *
   * @param n how many
   * @throws IOException if the writer fails
   */
  protected final void emptyCells(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      out.append(',');
    }
  }

  /**
   * Writes one cell, escaped, after a comma.
   *
   * @param cell the cell's text
   * @throws IOException if the writer fails
   */
  protected final void cell(String cell) throws IOException {
    if (cell.isEmpty()) {
      out.append(',');
    } else {
      Cells.write(out, cell, false);
    }
  }

  /**
   * Ends the current row.
   *
   * @throws IOException if the writer fails
   */
  protected final void endRow() throws IOException {
    out.append("\r\n");
    if (out.length() >= 1 << 15) {
      drain();
    }
  }

  /**
   * Returns a confidence's cell text.
   *
   * @param confidence the confidence, or null
   * @return the text, empty when absent
   */
  protected static String confidence(@Nullable Double confidence) {
    return confidence == null ? "" : Cells.number(confidence);
  }

  /**
   * Returns a polygon's cell text, reporting bad polygons.
   *
   * @param file the file
   * @param entity the entity whose location it is
   * @return the text; empty when a coordinate is not finite
   * @throws IOException if the export is strict and the polygon bad
   */
  protected final String location(MediaFile file, Entity entity) throws IOException {
    Polygon polygon = Objects.requireNonNull(entity.location());
    if (!polygon.isFinite()) {
      warnings.warn(
          "non-finite-polygon",
          "",
          file.id(),
          "file "
              + file.id()
              + ", entity "
              + entity.id()
              + ": the location has a non-finite coordinate; its cell was left empty");
      return "";
    }
    if (polygon.points().size() < 3) {
      warnings.warn(
          "degenerate-polygon",
          "",
          file.id(),
          "file "
              + file.id()
              + ", entity "
              + entity.id()
              + ": the location has "
              + polygon.points().size()
              + " point(s), fewer than three; written as stored");
    }
    return Cells.polygon(polygon, polygons);
  }

  /**
   * Returns a value's cell text, reporting values the CSV cannot hold.
   *
   * @param file the file
   * @param entity the entity
   * @param attribute the attribute's name
   * @param value the value
   * @return the text
   * @throws IOException if the export is strict and the value bad
   */
  protected final String value(MediaFile file, Entity entity, String attribute, Value value)
      throws IOException {
    if (value instanceof Value.Text t) {
      return text(wellFormed("attribute '" + attribute + "'", file.id(), t.text()));
    } else if (value instanceof Value.Numeric n) {
      if (!Double.isFinite(n.number())) {
        warnings.warn(
            "non-finite-number",
            attribute,
            file.id(),
            "file "
                + file.id()
                + ", entity "
                + entity.id()
                + ", attribute '"
                + attribute
                + "': "
                + n.number()
                + " is not a finite number; its cell was left empty");
        return "";
      }
      return Cells.number(n.number());
    } else if (value instanceof Value.Bool b) {
      return b.bool() ? "true" : "false";
    } else if (value instanceof Value.Unanswered) {
      return "";
    } else {
      return Cells.choices(((Value.Choices) value).choices());
    }
  }

  /**
   * Returns text as a cell holds it: neutralised against formulas when the export asks for it.
   *
   * @param s the text
   * @return the cell text
   */
  protected final String text(String s) {
    return neutralise ? Cells.neutralise(s) : s;
  }

  private void textCell(StringBuilder sb, String field, @Nullable String fileId, String s)
      throws ExportException {
    Cells.append(sb, text(wellFormed(field, fileId, s)), false);
  }

  /**
   * Returns text that UTF-8 can carry, as {@link Cells#wellFormed} does.
   *
   * @param field the column or attribute, for the message
   * @param fileId the file, or null for the workflow's own text
   * @param s the text
   * @return {@code s}, or a copy with U+FFFD for each lone surrogate
   * @throws ExportException if the export is strict and the text has a lone surrogate
   */
  protected final String wellFormed(String field, @Nullable String fileId, String s)
      throws ExportException {
    return Cells.wellFormed(warnings, field, fileId, s);
  }

  private String filePart(MediaFile file) throws IOException {
    StringBuilder sb = new StringBuilder(128).append(workflowPart);
    String orderId = file.orderId();
    String orderName = "";
    if (orderId != null) {
      WorkflowOrder order = orders.get(orderId);
      if (order == null) {
        warnings.warn(
            "unknown-order",
            orderId,
            file.id(),
            "file "
                + file.id()
                + " names order "
                + orderId
                + ", which the workflow repository does not list; order_name was left empty");
      } else {
        orderName = order.name();
      }
    }
    DataSource dataSource = dataSources.get(file.dataSourceId());
    if (dataSource == null) {
      warnings.warn(
          "unknown-data-source",
          file.dataSourceId(),
          file.id(),
          "file "
              + file.id()
              + " names data source "
              + file.dataSourceId()
              + ", which the workflow repository does not list; data_source_name was left empty");
    }
    String id = file.id();
    textCell(sb, "order_id", id, orderId == null ? "" : orderId);
    textCell(sb, "order_name", id, orderName);
    textCell(sb, "data_source_id", id, file.dataSourceId());
    textCell(sb, "data_source_name", id, dataSource == null ? "" : dataSource.name());
    textCell(sb, "file_id", null, id);
    textCell(sb, "external_id", id, file.externalId());
    textCell(sb, "file_name", id, file.fileName());
    return sb.toString();
  }

  private String assessmentPart(String fileId, Assessment assessment) throws ExportException {
    StringBuilder sb = new StringBuilder(96);
    textCell(sb, "assessment_id", fileId, assessment.id());
    textCell(sb, "assessment_kind", fileId, assessment.kind().name().toLowerCase(Locale.ROOT));
    textCell(sb, "step", fileId, assessment.step() == null ? "" : assessment.step());
    textCell(sb, "assessor", fileId, assessment.assessor() == null ? "" : assessment.assessor());
    Cells.append(sb, Cells.instant(assessment.assessedAt()), false);
    return sb.toString();
  }

  private void writeHeaderOnce() throws IOException {
    if (headerWritten) {
      return;
    }
    headerWritten = true;
    boolean first = true;
    for (String column : header()) {
      Cells.write(out, column, first);
      first = false;
    }
    endRow();
  }
}
