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
package dev.assessment.export.jdbc;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes workflows into the reference schema, content as bytes, in one transaction: from any
 * repository (a bundle opened with {@code Bundle.open}, say), streaming its files and inserting
 * them in JDBC batches.
 */
public final class JdbcLoader {
  /** Files per batch: a round trip for this many files' rows of each table. */
  private static final int BATCH_FILES = 500;

  /** Content held for one batch before it is sent; larger content is sent on its own. */
  private static final long BATCH_BYTES = 16L << 20;

  private JdbcLoader() {}

  /**
   * Loads every workflow of an in-memory repository. Files are appended after those already there,
   * in the repository's order.
   *
   * @param connection the connection; the schema must exist (see {@link JdbcSchema#create})
   * @param repository the data to load
   * @return the number of files loaded
   * @throws SQLException if an insert fails; nothing is committed then
   * @throws IOException if content cannot be read
   */
  public static int load(Connection connection, InMemoryRepository repository)
      throws SQLException, IOException {
    return inTransaction(
        connection,
        () -> {
          int files = 0;
          for (Workflow w : repository.workflows()) {
            files += insert(connection, repository, w.id());
          }
          return files;
        });
  }

  /**
   * Loads one workflow of a repository, streaming its files: memory stays flat whatever their
   * number. Files are appended after those already there, in the repository's order.
   *
   * @param connection the connection; the schema must exist (see {@link JdbcSchema#create})
   * @param repository the data to load
   * @param workflowId the workflow
   * @param <R> a type implementing the three repositories
   * @return the number of files loaded
   * @throws SQLException if an insert fails; nothing is committed then
   * @throws IOException if the repository fails or content cannot be read
   */
  public static <R extends WorkflowRepository & AssessmentRepository & MediaRepository> int load(
      Connection connection, R repository, String workflowId) throws SQLException, IOException {
    return inTransaction(connection, () -> insert(connection, repository, workflowId));
  }

  private interface Work {
    int run() throws SQLException, IOException;
  }

  private static int inTransaction(Connection connection, Work work)
      throws SQLException, IOException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      int files = work.run();
      connection.commit();
      return files;
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static <R extends WorkflowRepository & AssessmentRepository & MediaRepository> int insert(
      Connection c, R repository, String workflowId) throws SQLException, IOException {
    try {
      Workflow w =
          repository
              .workflow(workflowId)
              .orElseThrow(() -> new IOException("no workflow " + workflowId));
      insertWorkflow(c, w, repository.dataSources(workflowId), repository.orders(workflowId));
      long seq = nextSeq(c);
      int files = 0;
      try (Batches batches = new Batches(c);
          Stream<AssessedFile> all = repository.assessedFiles(FileQuery.all(workflowId))) {
        Iterator<AssessedFile> it = all.iterator();
        while (it.hasNext()) {
          batches.file(seq++, it.next(), repository);
          files++;
        }
        batches.flush();
      }
      return files;
    } catch (SQLException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // The SPI declares Exception: anything else the repository threw, named once.
      throw new IOException("the repository failed reading workflow " + workflowId + ": " + e, e);
    }
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM ae_file")) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  private static void insertWorkflow(
      Connection c, Workflow w, List<DataSource> dataSources, List<WorkflowOrder> orders)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO ae_workflow (id, name) VALUES (?, ?)")) {
      ps.setString(1, w.id());
      ps.setString(2, w.name());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ae_attribute_definition (workflow_id, position, name, type) VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (AttributeDefinition a : w.attributes()) {
        ps.setString(1, w.id());
        ps.setInt(2, position++);
        ps.setString(3, a.name());
        ps.setString(4, a.type().name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO ae_data_source (id, workflow_id, name) VALUES (?, ?, ?)")) {
      for (DataSource d : dataSources) {
        ps.setString(1, d.id());
        ps.setString(2, w.id());
        ps.setString(3, d.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ae_workflow_order (id, workflow_id, name) VALUES (?, ?, ?)")) {
      for (WorkflowOrder o : orders) {
        ps.setString(1, o.id());
        ps.setString(2, w.id());
        ps.setString(3, o.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The four inserts of files and their rows, sent every {@link #BATCH_FILES} files. */
  private static final class Batches implements AutoCloseable {
    private final PreparedStatement file;
    private final PreparedStatement assessment;
    private final PreparedStatement entity;
    private final PreparedStatement value;
    private int files;
    private long bytes;

    Batches(Connection c) throws SQLException {
      file =
          c.prepareStatement(
              "INSERT INTO ae_file (seq, id, workflow_id, external_id, file_name, media_type, data_source_id, order_id,"
                  + " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      assessment =
          c.prepareStatement(
              "INSERT INTO ae_assessment (file_id, id, kind, step, assessor, assessed_at) VALUES (?, ?, ?, ?, ?, ?)");
      entity =
          c.prepareStatement(
              "INSERT INTO ae_entity (file_id, assessment_id, position, id, label, location, location_confidence)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      value =
          c.prepareStatement(
              "INSERT INTO ae_attribute_value (file_id, assessment_id, entity_position, position, name, type,"
                  + " text_value, number_value, bool_value, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void file(long seq, AssessedFile f, MediaRepository media) throws Exception {
      file.setLong(1, seq);
      file.setString(2, f.file().id());
      file.setString(3, f.file().workflowId());
      file.setString(4, f.file().externalId());
      file.setString(5, f.file().fileName());
      file.setString(6, f.file().mediaType());
      file.setString(7, f.file().dataSourceId());
      file.setString(8, f.file().orderId());
      byte[] content;
      try (InputStream in = media.open(f.file())) {
        content = in.readAllBytes();
      } catch (MediaNotFoundException e) {
        content = null;
      }
      if (content == null) {
        file.setNull(9, Types.BINARY);
      } else {
        file.setBytes(9, content);
        bytes += content.length;
      }
      file.addBatch();
      rows(f);
      if (++files >= BATCH_FILES || bytes >= BATCH_BYTES) {
        flush();
      }
    }

    private void rows(AssessedFile f) throws SQLException {
      for (Assessment a : f.assessments()) {
        assessment.setString(1, f.file().id());
        assessment.setString(2, a.id());
        assessment.setString(3, a.kind().name());
        assessment.setString(4, a.step());
        assessment.setString(5, a.assessor());
        assessment.setObject(6, OffsetDateTime.ofInstant(a.assessedAt(), ZoneOffset.UTC));
        assessment.addBatch();
        int ep = 0;
        for (Entity e : a.entities()) {
          entity.setString(1, f.file().id());
          entity.setString(2, a.id());
          entity.setInt(3, ep);
          entity.setString(4, e.id());
          entity.setString(5, e.label());
          entity.setString(6, e.location() == null ? null : Codec.polygon(e.location()));
          setDouble(entity, 7, e.locationConfidence());
          entity.addBatch();
          int vp = 0;
          for (AttributeValue v : e.attributes()) {
            value.setString(1, f.file().id());
            value.setString(2, a.id());
            value.setInt(3, ep);
            value.setInt(4, vp++);
            value.setString(5, v.name());
            value.setString(6, v.value().type().name());
            Value x = v.value();
            value.setString(
                7,
                x instanceof Value.Text t
                    ? t.text()
                    : x instanceof Value.Choices ch ? Codec.choices(ch.choices()) : null);
            setDouble(value, 8, x instanceof Value.Numeric n ? n.number() : null);
            if (x instanceof Value.Bool b) {
              value.setBoolean(9, b.bool());
            } else {
              value.setNull(9, Types.BOOLEAN);
            }
            setDouble(value, 10, v.confidence());
            value.addBatch();
          }
          ep++;
        }
      }
    }

    /** Sends the batches, files first for the foreign keys. */
    void flush() throws SQLException {
      file.executeBatch();
      assessment.executeBatch();
      entity.executeBatch();
      value.executeBatch();
      files = 0;
      bytes = 0;
    }

    @Override
    public void close() throws SQLException {
      try (file;
          assessment;
          entity;
          value) {
        // closed in reverse order
      }
    }
  }

  private static void setDouble(PreparedStatement ps, int i, Double d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, d);
    }
  }
}
