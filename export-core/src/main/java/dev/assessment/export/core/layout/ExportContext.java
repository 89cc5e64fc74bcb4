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
package dev.assessment.export.core.layout;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LayoutProvider} needs for one export: the request, the workflow's metadata, the
 * data with the request's filters and scope applied, and the channels for warnings and progress.
 * Used on the export's thread, except {@link #openMedia(MediaFile)}, {@link #warn} and {@link
 * #isCancelled()}, which may be called from any thread.
 *
 * @since 0.2
 */
public interface ExportContext {

  /**
   * Returns the request being exported.
   *
   * @return the request
   * @since 0.2
   */
  ExportRequest request();

  /**
   * Returns the workflow with its attribute definitions.
   *
   * @return the workflow
   * @since 0.2
   */
  Workflow workflow();

  /**
   * Returns the workflow's orders by id, in the repository's order.
   *
   * @return the orders; unmodifiable
   * @since 0.2
   */
  Map<String, WorkflowOrder> orders();

  /**
   * Returns the workflow's data sources by id, in the repository's order.
   *
   * @return the data sources; unmodifiable
   * @since 0.2
   */
  Map<String, DataSource> dataSources();

  /**
   * Returns the number of files the export will cover, when the repository can count them.
   *
   * @return the total, or empty
   * @since 0.2
   */
  OptionalLong totalFiles();

  /**
   * Returns the files selected by the request, in the repository's stable order, each with the
   * assessments in the request's scope sorted by {@link
   * dev.assessment.export.spi.Assessment#RECENCY}. The filters and the scope are re-applied here,
   * whatever the repository did with them. The caller closes the stream.
   *
   * @return the files
   * @since 0.2
   */
  Stream<AssessedFile> assessedFiles();

  /**
   * Returns the files selected by the request's data source and order filters, in the repository's
   * stable order. The caller closes the stream.
   *
   * @return the files
   * @since 0.2
   */
  Stream<MediaFile> files();

  /**
   * Returns the files that come before this export's shard, in order, so that a layout whose output
   * depends on earlier files (the archive layouts' entry-name counts) can account for them. Empty
   * when the request exports the whole. The caller closes the stream.
   *
   * @return the files before the shard
   * @since 0.2
   */
  Stream<MediaFile> filesBeforeShard();

  /**
   * Returns the marker a part holds, when the request exports a shard: {@code
   * #assessment-export-part v1 <fingerprint> <index> <count> <total files>}. Where it goes is the
   * layout's choice, read back by the layout's {@link PartMerger}: a CSV part starts with it as its
   * first line; export-imaging's archive parts hold it as their first entry.
   *
   * @return the marker, without a line end; null for the whole export
   * @since 0.2
   */
  @Nullable String partMarker();

  /**
   * Opens a file's content through the media repository. The caller closes the stream.
   *
   * @param file the file
   * @return the content
   * @throws dev.assessment.export.spi.MediaNotFoundException if the storage has no content
   * @throws IOException if the storage fails, whatever it threw kept as the cause
   * @since 0.2
   */
  InputStream openMedia(MediaFile file) throws IOException;

  /**
   * Reports something that was written in a documented way or skipped. In a strict export this
   * throws instead. Warnings of the same code and subject are reported once, counted.
   *
   * @param code a stable kind, e.g. {@code undefined-attribute}
   * @param subject what the warning is about, to group repeats (e.g. the attribute's name)
   * @param fileId the file concerned, or null
   * @param message what happened and what the export did about it
   * @throws ExportException if the export is strict
   * @since 0.2
   */
  void warn(String code, String subject, @Nullable String fileId, String message)
      throws ExportException;

  /**
   * Records that a file was written, reports progress, and stops a cancelled export.
   *
   * @param assessments the number of the file's assessments written
   * @param rows the number of rows or entries written for the file
   * @throws ExportException if the export was cancelled or the listener failed
   * @since 0.2
   */
  void fileWritten(int assessments, long rows) throws ExportException;

  /**
   * Records that a selected file was left out because its content is missing, unreadable or not an
   * image (after {@link #warn warning} why), reports progress, and stops a cancelled export. An
   * export whose selected files were all left out says so in {@link
   * dev.assessment.export.core.ExportResult#everyFileSkipped()}.
   *
   * @param assessments the number of the file's assessments, none of them written
   * @throws ExportException if the export was cancelled or the listener failed
   * @since 0.2
   */
  void fileSkipped(int assessments) throws ExportException;

  /**
   * Closes every media stream opened with {@link #openMedia} and not closed yet, so that a helper
   * thread blocked reading one returns: for a layout that is stopping its helpers after a failure
   * or a cancel, when interrupting them was not enough.
   *
   * @since 0.2
   */
  void closeMediaStreams();

  /**
   * Fails the export when one of its media reads (or the opening of a stream) delivered nothing for
   * the stall limit and then ignored the closing of its stream (or the interrupt) for five seconds
   * more: a layout calls it while it waits for a helper thread's file, so that a repository deaf to
   * both cannot hold the export. The message names the file and the thread left running.
   *
   * @throws ExportException if such a read was found
   * @since 0.2
   */
  void checkMediaReads() throws ExportException;

  /**
   * Stops a cancelled export: throws when the export was cancelled, so that a provider's loop ends
   * without reporting the work its other threads abandoned.
   *
   * @throws dev.assessment.export.core.ExportCancelledException if the export was cancelled
   * @since 0.2
   */
  void checkCancelled() throws dev.assessment.export.core.ExportCancelledException;

  /**
   * Returns the host's executor for an export's helper work (reading ahead, rendering), when the
   * exporter was given one with {@code Exporter.Builder.workExecutor(…)}. A layout bounds how many
   * tasks it runs on it at once, and interrupts and waits for them before it returns.
   *
   * @return the executor, or empty when the layout starts threads of its own
   * @since 0.2
   */
  Optional<Executor> workExecutor();

  /**
   * Tells whether the export was cancelled; long-running providers check it between steps.
   *
   * @return true once cancelled
   * @since 0.2
   */
  boolean isCancelled();
}
