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
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The SPI contract against the JDBC repository on an embedded H2 database the test starts. */
class JdbcRepositoryContractTest extends RepositoryContract {

  static JdbcDataSource freshDatabase() {
    JdbcDataSource h2 = new JdbcDataSource();
    // MAX_MEMORY_ROWS keeps H2 from buffering large results in the heap: results stream.
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MAX_MEMORY_ROWS=1000");
    return h2;
  }

  @Override
  protected RepositoryUnderTest load(InMemoryRepository fixture) throws Exception {
    JdbcDataSource h2 = freshDatabase();
    try (Connection c = h2.getConnection()) {
      JdbcSchema.create(c);
      JdbcLoader.load(c, fixture);
    }
    return RepositoryUnderTest.of(
        JdbcRepository.builder(h2).fetchSize(200).build(),
        () -> {
          try (Connection c = h2.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
          }
        });
  }
}
