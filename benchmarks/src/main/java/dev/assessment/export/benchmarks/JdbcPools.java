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
package dev.assessment.export.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.imaging.ArchiveLayouts;
import dev.assessment.export.jdbc.JdbcLoader;
import dev.assessment.export.jdbc.JdbcRepository;
import dev.assessment.export.jdbc.JdbcSchema;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How much a connection pool matters to the JDBC reference repository: one export holds one
 * connection for the listing and up to {@code readAhead} (4) for content, and a repository over a
 * plain data source opens a connection for each. Loads 2,000 files of 20 kB into a schema of its
 * own, then exports the files archive and the long CSV through a plain {@code PGSimpleDataSource}
 * and through HikariCP (6 connections), alternating, and prints the times of rounds 2 to 4.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assessment.export.benchmarks.JdbcPools \
 *     jdbc:postgresql://127.0.0.1:5432/db user [password]</pre>
 */
public final class JdbcPools {
  private JdbcPools() {}

  /**
   * Runs the comparison.
   *
   * @param args the JDBC URL, the user and optionally the password
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource plain = new PGSimpleDataSource();
    plain.setURL(args[0]);
    plain.setUser(args[1]);
    plain.setPassword(args.length > 2 ? args[2] : "");
    try (Connection c = plain.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS export_pools CASCADE");
      s.execute("CREATE SCHEMA export_pools");
    }
    plain.setCurrentSchema("export_pools");
    try (Connection c = plain.getConnection()) {
      JdbcSchema.create(c);
      JdbcLoader.load(c, files(2_000, 20_000));
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(plain);
    config.setMaximumPoolSize(6);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      for (int round = 1; round <= 4; round++) {
        for (boolean pooled : new boolean[] {false, true}) {
          DataSource ds = pooled ? pool : plain;
          Exporter exporter =
              Exporter.builder().repository(JdbcRepository.builder(ds).build()).build();
          long t0 = System.nanoTime();
          exporter.export(
              ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
              ExportSink.of(OutputStream.nullOutputStream()));
          long t1 = System.nanoTime();
          exporter.export(
              ExportRequest.builder("wf").build(), ExportSink.of(OutputStream.nullOutputStream()));
          long t2 = System.nanoTime();
          if (round > 1) {
            System.out.printf(
                Locale.ROOT,
                "round %d, %-7s: files archive %5d ms, long CSV %4d ms%n",
                round,
                pooled ? "pool" : "no pool",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
          }
        }
      }
    }
    try (Connection c = plain.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA export_pools CASCADE");
    }
  }

  private static InMemoryRepository files(int count, int bytes) {
    byte[] content = new byte[bytes];
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d");
    for (int i = 0; i < count; i++) {
      int n = i;
      b.file(
          "f" + i,
          f ->
              f.externalId("x" + n)
                  .fileName("p" + n + ".jpg")
                  .mediaType("image/jpeg")
                  .content(content)
                  .assessment(
                      "a", AssessmentKind.HUMAN, Instant.EPOCH, a -> a.fileLevel("e", "l")));
    }
    return b.build();
  }
}
