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
package dev.assessment.export.bundle;

import dev.assessment.export.bundle.internal.BundleIndex;
import dev.assessment.export.core.CsvLayouts;
import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes bundles (see the package documentation for the layout of the folder).
 *
 * <p>{@code open(write(x))} holds what {@code x} holds for the files, assessments, attribute
 * definitions, and the orders and data sources that files name. The bundle cannot hold a workflow
 * without any assessment, nor orders and data sources that no file names.
 *
 * @since 0.2
 */
public final class Bundle {
  /**
   * The long-layout CSV of a bundle.
   *
   * @since 0.2
   */
  public static final String ASSESSMENTS = "assessments.csv";

  /**
   * The optional file list of a bundle.
   *
   * @since 0.2
   */
  public static final String FILES = "files.csv";

  /**
   * The optional attribute definitions of a bundle.
   *
   * @since 0.2
   */
  public static final String ATTRIBUTES = "attributes.csv";

  /**
   * The folder that holds media by default.
   *
   * @since 0.2
   */
  public static final String MEDIA = "media";

  private Bundle() {}

  /**
   * Opens a bundle whose text cells were neutralised against formulas (the exporter's default).
   *
   * @param dir the bundle's folder
   * @return a repository that streams the bundle's workflow, files and media
   * @throws ExportException if a file is malformed: the message names the file, line and column
   * @throws IOException if a file cannot be read
   * @since 0.2
   */
  public static BundleRepository open(Path dir) throws IOException {
    return open(dir, true);
  }

  /**
   * Opens a bundle: reads {@code attributes.csv} and {@code files.csv}, and finds each file's rows
   * in {@code assessments.csv} with one pass over its bytes, holding no row. Rows are parsed when a
   * query asks for their file, and a query for files alone never reads them.
   *
   * @param dir the bundle's folder
   * @param neutralised whether the text cells of {@code assessments.csv} were neutralised
   * @return a repository that streams the bundle's workflow, files and media
   * @throws ExportException if a file is malformed: the message names the file, line and column
   * @throws IOException if a file cannot be read
   * @since 0.2
   */
  public static BundleRepository open(Path dir, boolean neutralised) throws IOException {
    return new BundleRepository(BundleIndex.open(dir, neutralised));
  }

  /**
   * Writes a workflow as a bundle: {@code assessments.csv} (every assessment, long layout), {@code
   * attributes.csv}, {@code files.csv} with every file, and each file's content under {@code
   * media/}, named {@code <n>-<file name>}.
   *
   * @param repository the repository to read
   * @param workflowId the workflow to write
   * @param dir the folder to write into; created if needed
   * @param <R> a type implementing the three repositories
   * @throws ExportException if the workflow is unknown or the export fails
   * @throws IOException if the folder cannot be written
   * @since 0.2
   */
  public static <R extends WorkflowRepository & AssessmentRepository & MediaRepository> void write(
      R repository, String workflowId, Path dir) throws IOException {
    try {
      writeBundle(repository, workflowId, dir);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ExportException(
          "the repository failed while writing the bundle of workflow "
              + workflowId
              + " to "
              + dir
              + ": "
              + e,
          e);
    }
  }

  private static <R extends WorkflowRepository & AssessmentRepository & MediaRepository>
      void writeBundle(R repository, String workflowId, Path dir) throws Exception {
    Files.createDirectories(dir);
    Exporter exporter = Exporter.builder().repository(repository).discoverLayouts(false).build();
    exporter.export(
        ExportRequest.builder(workflowId).layout(CsvLayouts.ATTRIBUTE_VALUES).build(),
        ExportSink.of(dir.resolve(ASSESSMENTS)));
    Workflow workflow = repository.workflow(workflowId).orElseThrow();
    try (CSVPrinter out = printer(dir.resolve(ATTRIBUTES))) {
      out.printRecord("name", "type");
      for (AttributeDefinition a : workflow.attributes()) {
        out.printRecord(a.name(), a.type().name().toLowerCase(Locale.ROOT));
      }
    }
    Map<String, DataSource> dataSources =
        repository.dataSources(workflowId).stream()
            .collect(Collectors.toMap(DataSource::id, Function.identity()));
    Map<String, WorkflowOrder> orders =
        repository.orders(workflowId).stream()
            .collect(Collectors.toMap(WorkflowOrder::id, Function.identity()));
    Path media = dir.resolve(MEDIA);
    try (CSVPrinter out = printer(dir.resolve(FILES));
        Stream<MediaFile> files = repository.files(FileQuery.all(workflowId))) {
      out.printRecord(
          java.util.stream.Stream.concat(
                  BundleIndex.FILE_COLUMNS.stream(),
                  java.util.stream.Stream.of("path", "size", "sha256"))
              .toList());
      int n = 0;
      Iterator<MediaFile> it = files.iterator();
      while (it.hasNext()) {
        MediaFile f = it.next();
        n++;
        String[] copied = copyMedia(repository, f, media, n);
        DataSource ds = dataSources.get(f.dataSourceId());
        WorkflowOrder order = f.orderId() == null ? null : orders.get(f.orderId());
        out.printRecord(
            f.id(),
            f.externalId(),
            f.fileName(),
            f.mediaType() == null ? "" : f.mediaType(),
            f.dataSourceId(),
            ds == null ? "" : ds.name(),
            f.orderId() == null ? "" : f.orderId(),
            order == null ? "" : order.name(),
            copied[0],
            copied[1],
            copied[2]);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Copies a file's content; returns its path, size and SHA-256, or three empty cells. */
  private static String[] copyMedia(MediaRepository repository, MediaFile f, Path media, int n)
      throws Exception {
    InputStream in;
    try {
      in = repository.open(f);
    } catch (MediaNotFoundException e) {
      return new String[] {"", "", ""};
    }
    Files.createDirectories(media);
    String name = n + "-" + safeName(f.fileName());
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    long size;
    try (InputStream digesting = new java.security.DigestInputStream(in, sha)) {
      size = Files.copy(digesting, media.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return new String[] {
      MEDIA + "/" + name, Long.toString(size), java.util.HexFormat.of().formatHex(sha.digest())
    };
  }

  private static String safeName(String fileName) {
    String s = fileName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    if (s.length() > 80) {
      s = s.substring(s.length() - 80);
    }
    return s.isEmpty() ? "file" : s;
  }

  private static CSVPrinter printer(Path path) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    return BundleIndex.printer(w);
  }
}
