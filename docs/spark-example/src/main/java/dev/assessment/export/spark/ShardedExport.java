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
package dev.assessment.export.spark;

import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.jdbc.JdbcRepository;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The job: count, cut into shards, export the shards on executors, merge on the driver.
 *
 * <pre>{@code
 * try (JavaSparkContext spark = new JavaSparkContext(conf)) {
 *   ShardedExport.run(spark, ShardedExport.jdbc(url, user, password), spec, 50_000, shared, target);
 * }
 * }</pre>
 */
public final class ShardedExport {
  private ShardedExport() {}

  /**
   * Returns a factory over the JDBC reference repository.
   *
   * @param url the JDBC URL, reachable from every executor
   * @param user the user, or null
   * @param password the password, or null
   * @return the factory
   */
  public static RepositoryFactory jdbc(String url, String user, String password) {
    return new JdbcFactory(url, user, password);
  }

  /** Connects each executor to the database by URL. */
  private record JdbcFactory(String url, String user, String password)
      implements RepositoryFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <R extends WorkflowRepository & AssessmentRepository & MediaRepository> R repository() {
      return (R) JdbcRepository.builder(url, user, password).build();
    }
  }

  /**
   * Runs the export across the cluster.
   *
   * @param spark the Spark context
   * @param factory builds the exporter on each executor (and once on the driver, to count)
   * @param spec the request
   * @param filesPerShard how many files one shard exports, at most
   * @param shared a folder every executor and the driver can write and read (object storage
   *     mounted, or a shared file system); parts are written there
   * @param target the merged output
   * @return the number of shards run
   * @throws Exception if counting, a shard or the merge fails
   */
  public static int run(
      JavaSparkContext spark,
      RepositoryFactory factory,
      RequestSpec spec,
      int filesPerShard,
      Path shared,
      Path target)
      throws Exception {
    long files = count(factory, spec);
    int shards = (int) Math.max(1, Math.min(10_000, (files + filesPerShard - 1) / filesPerShard));
    Files.createDirectories(shared);
    String dir = shared.toAbsolutePath().toString();
    List<Integer> indexes = IntStream.range(0, shards).boxed().toList();
    List<String> parts =
        spark
            .parallelize(indexes, shards)
            .map(i -> exportShard(factory, spec, i, shards, Path.of(dir)))
            .collect();
    List<Path> paths = new ArrayList<>();
    for (String p : parts) {
      paths.add(Path.of(p));
    }
    try (OutputStream out = Files.newOutputStream(target)) {
      // The layout's own merger, whichever module provides it.
      factory.exporter().merge(spec.layout(), paths, out);
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
    return shards;
  }

  /**
   * Exports one shard into the shared folder. A shard is idempotent: run again, it writes the same
   * part, atomically, so a failed task is simply retried.
   */
  static String exportShard(
      RepositoryFactory factory, RequestSpec spec, int index, int shards, Path dir)
      throws Exception {
    Path part = dir.resolve(String.format("part-%05d-of-%05d", index, shards));
    ExportResult result =
        factory.exporter().export(spec.request(index, shards), ExportSink.of(part));
    if (result.bytes() < 0) {
      throw new IOException("part " + part + " was not written");
    }
    return part.toString();
  }

  /** Counts the request's files (ids only) through the SPI, on the driver. */
  private static long count(RepositoryFactory factory, RequestSpec spec) throws Exception {
    // The driver sizes the shards from the files the repository lists (ids only), re-applying
    // the filters as the exporter does.
    FileQuery query = spec.request(-1, 1).query();
    AssessmentRepository repository = factory.repository();
    try (Stream<MediaFile> files = repository.files(query)) {
      return files.filter(query::selects).count();
    }
  }
}
