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
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
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

/**
 * Writes the workflows of an {@link InMemoryRepository} (a bundle read with {@code Bundle.read},
 * say) into the reference schema, content as bytes, in one transaction.
 */
public final class JdbcLoader {
  private JdbcLoader() {}

  /**
   * Loads every workflow of a repository. Files are appended after those already there, in the
   * repository's order.
   *
   * @param connection the connection; the schema must exist (see {@link JdbcSchema#create})
   * @param repository the data to load
   * @return the number of files loaded
   * @throws SQLException if an insert fails; nothing is committed then
   * @throws IOException if content cannot be read
   */
  public static int load(Connection connection, InMemoryRepository repository)
      throws SQLException, IOException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      int files = 0;
      long seq = nextSeq(connection);
      for (Workflow w : repository.workflows()) {
        insertWorkflow(connection, w, repository);
        for (AssessedFile f : repository.contents(w.id())) {
          insertFile(connection, seq++, f, repository);
          files++;
        }
      }
      connection.commit();
      return files;
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM ae_file")) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  private static void insertWorkflow(Connection c, Workflow w, InMemoryRepository repository)
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
      for (DataSource d : repository.dataSources(w.id())) {
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
      for (WorkflowOrder o : repository.orders(w.id())) {
        ps.setString(1, o.id());
        ps.setString(2, w.id());
        ps.setString(3, o.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertFile(
      Connection c, long seq, AssessedFile f, InMemoryRepository repository)
      throws SQLException, IOException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ae_file (seq, id, workflow_id, external_id, file_name, media_type, data_source_id, order_id,"
                + " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setString(2, f.file().id());
      ps.setString(3, f.file().workflowId());
      ps.setString(4, f.file().externalId());
      ps.setString(5, f.file().fileName());
      ps.setString(6, f.file().mediaType());
      ps.setString(7, f.file().dataSourceId());
      ps.setString(8, f.file().orderId());
      InputStream content = null;
      try {
        content = repository.open(f.file());
        ps.setBinaryStream(9, content);
      } catch (MediaNotFoundException e) {
        ps.setNull(9, Types.BINARY);
      }
      try {
        ps.executeUpdate();
      } finally {
        if (content != null) {
          content.close();
        }
      }
    }
    try (PreparedStatement a =
            c.prepareStatement(
                "INSERT INTO ae_assessment (file_id, id, kind, step, assessor, assessed_at) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement e =
            c.prepareStatement(
                "INSERT INTO ae_entity (file_id, assessment_id, position, id, label, location, location_confidence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement v =
            c.prepareStatement(
                "INSERT INTO ae_attribute_value (file_id, assessment_id, entity_position, position, name, type,"
                    + " text_value, number_value, bool_value, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Assessment assessment : f.assessments()) {
        a.setString(1, f.file().id());
        a.setString(2, assessment.id());
        a.setString(3, assessment.kind().name());
        a.setString(4, assessment.step());
        a.setString(5, assessment.assessor());
        a.setObject(6, OffsetDateTime.ofInstant(assessment.assessedAt(), ZoneOffset.UTC));
        a.addBatch();
        int ep = 0;
        for (Entity entity : assessment.entities()) {
          e.setString(1, f.file().id());
          e.setString(2, assessment.id());
          e.setInt(3, ep);
          e.setString(4, entity.id());
          e.setString(5, entity.label());
          e.setString(6, entity.location() == null ? null : Codec.polygon(entity.location()));
          setDouble(e, 7, entity.locationConfidence());
          e.addBatch();
          int vp = 0;
          for (AttributeValue value : entity.attributes()) {
            v.setString(1, f.file().id());
            v.setString(2, assessment.id());
            v.setInt(3, ep);
            v.setInt(4, vp++);
            v.setString(5, value.name());
            v.setString(6, value.value().type().name());
            Value x = value.value();
            v.setString(
                7,
                x instanceof Value.Text t
                    ? t.text()
                    : x instanceof Value.Choices ch ? Codec.choices(ch.choices()) : null);
            setDouble(v, 8, x instanceof Value.Numeric n ? n.number() : null);
            if (x instanceof Value.Bool b) {
              v.setBoolean(9, b.bool());
            } else {
              v.setNull(9, Types.BOOLEAN);
            }
            setDouble(v, 10, value.confidence());
            v.addBatch();
          }
          ep++;
        }
      }
      a.executeBatch();
      e.executeBatch();
      v.executeBatch();
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
