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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The reference schema: creates its tables. */
public final class JdbcSchema {
  private JdbcSchema() {}

  /**
   * Returns the schema's DDL, {@code schema.sql}.
   *
   * @return the statements, separated by {@code ;} at line ends
   */
  public static String ddl() {
    try (InputStream in = JdbcSchema.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the jdbc-repository jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the schema's tables in the connection's database.
   *
   * @param connection the connection
   * @throws SQLException if a statement fails, e.g. because the tables exist
   */
  public static void create(Connection connection) throws SQLException {
    StringBuilder sql = new StringBuilder();
    for (String line : ddl().split("\n")) {
      String l = line.strip();
      if (l.startsWith("--") || l.isEmpty()) {
        continue;
      }
      sql.append(line).append('\n');
      if (l.endsWith(";")) {
        try (Statement s = connection.createStatement()) {
          s.execute(sql.substring(0, sql.lastIndexOf(";")));
        }
        sql.setLength(0);
      }
    }
  }
}
