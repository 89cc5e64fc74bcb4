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

import dev.assessment.export.bundle.internal.BlockReader;
import dev.assessment.export.bundle.internal.BundleIndex;
import dev.assessment.export.bundle.internal.RowCursor;
import dev.assessment.export.core.ExportException;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A bundle opened with {@link Bundle#open(Path)}: its workflow, files and media as the three
 * repositories an exporter reads. It keeps the file list in memory and streams the assessments:
 * each query reads the rows of the files it returns, one file at a time, and a query for files
 * alone never reads them. Immutable and safe for concurrent queries; it holds no open file between
 * them.
 *
 * <p>A malformed row is found when its file is read: the query's stream then fails with an {@link
 * UncheckedIOException} around an {@link ExportException} that names the file, line and column (the
 * exporter reports it as the export's failure). {@link #verify()} reads every row first, for a host
 * that would rather refuse a bundle before it exports.
 *
 * @since 0.2
 */
public final class BundleRepository
    implements WorkflowRepository, AssessmentRepository, MediaRepository {
  private final BundleIndex index;

  BundleRepository(BundleIndex index) {
    this.index = index;
  }

  /**
   * Returns the bundle's one workflow.
   *
   * @return the workflow
   * @since 0.2
   */
  public Workflow workflow() {
    return index.workflow();
  }

  /**
   * Returns the bundle's folder.
   *
   * @return the absolute folder
   * @since 0.2
   */
  public Path folder() {
    return index.dir();
  }

  /**
   * Reads every row of the bundle, as an export of all of it would, and keeps none.
   *
   * @throws ExportException if a row is malformed: the message names the file, line and column
   * @throws IOException if the bundle cannot be read
   * @since 0.2
   */
  public void verify() throws IOException {
    try (RowCursor rows = index.openRows()) {
      for (MediaFile f : index.files()) {
        index.assessments(f, rows);
      }
    }
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return mine(workflowId) ? Optional.of(index.workflow()) : Optional.empty();
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return mine(workflowId) ? index.orders() : List.of();
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return mine(workflowId) ? index.dataSources() : List.of();
  }

  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    return BlockReader.stream(index, selected(query).toList());
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    return selected(query);
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return OptionalLong.of(selected(query).count());
  }

  @Override
  public InputStream open(MediaFile file) throws IOException {
    return index.open(file);
  }

  private Stream<MediaFile> selected(FileQuery query) {
    return index.files().stream().filter(query::selects);
  }

  private boolean mine(String workflowId) {
    return index.workflow().id().equals(workflowId);
  }

  @Override
  public String toString() {
    return "BundleRepository[" + index.dir() + ", workflow " + index.workflow().id() + "]";
  }
}
