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
package dev.assessment.export.example;

import dev.assessment.export.jdbc.JdbcRepository;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --jdbc URL --user U --password P}: the database behind the JDBC repository. */
final class JdbcOptions {
  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description = "A JDBC URL of a database with the reference schema, e.g. jdbc:h2:./demo-db")
  @Nullable String url;

  @Option(names = "--user", paramLabel = "USER", description = "The database user.")
  @Nullable String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "The database password.")
  @Nullable String password;

  JdbcRepository repository() {
    return JdbcRepository.builder(url, user, password).build();
  }

  /**
   * A connection for {@code load}. On PostgreSQL, the driver is asked to send each JDBC batch as
   * multi-row inserts ({@code reWriteBatchedInserts}), which the loader's batches are made for.
   */
  java.sql.Connection connect() throws java.sql.SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      properties.setProperty("reWriteBatchedInserts", "true");
    }
    return java.sql.DriverManager.getConnection(url, properties);
  }
}
