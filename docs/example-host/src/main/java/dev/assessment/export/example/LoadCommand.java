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

import dev.assessment.export.bundle.Bundle;
import dev.assessment.export.bundle.BundleRepository;
import dev.assessment.export.jdbc.JdbcLoader;
import dev.assessment.export.jdbc.JdbcSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: writes a bundle into a database with the reference schema, creating it if needed.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Loads a bundle into a database (the JDBC repository's reference schema).")
final class LoadCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--bundle",
      required = true,
      paramLabel = "DIR",
      description = "The bundle to load.")
  private Path bundle;

  @Mixin private JdbcOptions jdbc = new JdbcOptions();

  @Override
  public Integer call() throws Exception {
    if (jdbc.url == null) {
      spec.commandLine().getErr().println("error: load needs --jdbc URL");
      return 2;
    }
    BundleRepository repository = Bundle.open(bundle);
    try (Connection c = jdbc.connect()) {
      if (!hasSchema(c)) {
        JdbcSchema.create(c);
      }
      int files = JdbcLoader.load(c, repository, repository.workflow().id());
      spec.commandLine()
          .getOut()
          .println(
              "loaded "
                  + files
                  + " file(s) of workflow "
                  + repository.workflow().id()
                  + " into "
                  + jdbc.url);
    }
    return 0;
  }

  private static boolean hasSchema(Connection c) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase("ae_workflow")) {
          return true;
        }
      }
    }
    return false;
  }
}
