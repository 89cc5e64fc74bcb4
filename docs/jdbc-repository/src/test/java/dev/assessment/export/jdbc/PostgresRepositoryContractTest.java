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

import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testkit.RepositoryContract;
import dev.assessment.export.testkit.RepositoryUnderTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The SPI contract against a PostgreSQL server, each test in a schema of its own. Runs when {@code
 * ASSESSMENT_EXPORT_POSTGRES_URL} names a database (with {@code …_USER} and {@code …_PASSWORD});
 * the build's own run uses H2 only, since it starts no server.
 */
@EnabledIfEnvironmentVariable(
    named = "ASSESSMENT_EXPORT_POSTGRES_URL",
    matches = "jdbc:postgresql:.*",
    disabledReason = "no PostgreSQL server given in ASSESSMENT_EXPORT_POSTGRES_URL")
class PostgresRepositoryContractTest extends RepositoryContract {

  @Override
  protected RepositoryUnderTest load(InMemoryRepository fixture) throws Exception {
    String url = System.getenv("ASSESSMENT_EXPORT_POSTGRES_URL");
    String user = System.getenv("ASSESSMENT_EXPORT_POSTGRES_USER");
    String password = System.getenv("ASSESSMENT_EXPORT_POSTGRES_PASSWORD");
    String schema =
        "contract_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(user);
    pg.setPassword(password);
    pg.setCurrentSchema(schema);
    try (Connection c = pg.getConnection()) {
      JdbcSchema.create(c);
      JdbcLoader.load(c, fixture);
    }
    return RepositoryUnderTest.of(
        JdbcRepository.builder(pg).fetchSize(200).build(),
        () -> {
          try (Connection c = DriverManager.getConnection(url, user, password);
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
          }
        });
  }

  @Override
  protected int largeFileCount() {
    return 5_000;
  }
}
