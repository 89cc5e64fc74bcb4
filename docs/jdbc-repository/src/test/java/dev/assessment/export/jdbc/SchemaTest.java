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

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The schema's columns hold what schema.sql says, for hosts that write their own SQL. */
class SchemaTest {
  private static final List<String> CHOICES = List.of("metal, corrugated", "tile \"A\"", "ü");

  @Test
  void choices_areAJsonArrayOfStrings_writtenByTheLoader() throws Exception {
    JdbcDataSource h2 = JdbcRepositoryContractTest.freshDatabase();
    InMemoryRepository fixture =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("material", AttributeType.CHOICES))
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.fileName("a.jpg")
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.EPOCH,
                            a ->
                                a.fileLevel(
                                    "e",
                                    null,
                                    AttributeValue.of("material", Value.choices(CHOICES), 0.5))))
            .build();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      JdbcSchema.create(c);
      JdbcLoader.load(c, fixture);
      try (ResultSet rs = s.executeQuery("SELECT text_value FROM ae_attribute_value")) {
        rs.next();
        assertEquals("[\"metal, corrugated\",\"tile \\\"A\\\"\",\"ü\"]", rs.getString(1));
      }
    }
  }

  @Test
  void choices_writtenByHandAsAJsonArray_areRead() throws Exception {
    JdbcDataSource h2 = JdbcRepositoryContractTest.freshDatabase();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      JdbcSchema.create(c);
      s.execute("INSERT INTO ae_workflow VALUES ('wf', 'w')");
      s.execute("INSERT INTO ae_attribute_definition VALUES ('wf', 0, 'material', 'CHOICES')");
      s.execute("INSERT INTO ae_data_source VALUES ('ds', 'wf', 'd')");
      s.execute(
          "INSERT INTO ae_file (seq, id, workflow_id, external_id, file_name, data_source_id)"
              + " VALUES (1, 'f', 'wf', '', 'a.jpg', 'ds')");
      s.execute(
          "INSERT INTO ae_assessment VALUES ('f', 'a', 'HUMAN', NULL, NULL,"
              + " TIMESTAMP WITH TIME ZONE '2025-11-19 08:00:00+00')");
      s.execute("INSERT INTO ae_entity VALUES ('f', 'a', 0, 'e', NULL, NULL, NULL)");
      // As a host writes it: spaces after the commas, an escaped quote, a \\u escape.
      s.execute(
          "INSERT INTO ae_attribute_value VALUES ('f', 'a', 0, 0, 'material', 'CHOICES',"
              + " '[\"metal, corrugated\", \"tile \\\"A\\\"\", \"\\u00fc\"]', NULL, NULL, 0.5)");
    }
    JdbcRepository repository = JdbcRepository.builder(h2).build();
    try (Stream<AssessedFile> files = repository.assessedFiles(FileQuery.all("wf"))) {
      AssessedFile f = files.findFirst().orElseThrow();
      assertEquals(
          Value.choices(CHOICES),
          f.assessments().get(0).entities().get(0).attributes().get(0).value());
    }
  }
}
