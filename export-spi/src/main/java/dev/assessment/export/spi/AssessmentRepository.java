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
package dev.assessment.export.spi;

import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The files of a workflow, with or without their assessments, as streams.
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li><b>Who calls, how often.</b> The exporter calls one of the stream methods once per export,
 *       on the thread that runs the export, and consumes the stream on that thread. Several exports
 *       may run at once, so implementations must be thread-safe.
 *   <li><b>Who closes.</b> The caller always closes the returned stream, on success, on failure and
 *       on cancel, and may close it before reading it to the end. Release connections, cursors and
 *       files in {@link Stream#onClose(Runnable)}.
 *   <li><b>Streaming.</b> An implementation must not materialise the whole result: exports run to
 *       millions of files. Read with a cursor and map rows to records as the stream is pulled.
 *   <li><b>Filters.</b> An implementation may push the query's data source, order and scope filters
 *       down into its storage, or ignore any of them: it may return more files or assessments than
 *       the query asks for, never fewer. The exporter re-applies every filter, so a naive
 *       implementation that returns every file of the workflow with every assessment stays correct,
 *       only slower. One that pushes {@link AssessmentScope#LATEST} down must keep every assessment
 *       tied for the latest {@code assessedAt}: the exporter breaks ties.
 *   <li><b>Order.</b> Files come in a stable order: the same data and query give the same order on
 *       every call. Exports list files in this order. The order of assessments within a file does
 *       not matter; the exporter sorts them.
 *   <li><b>Errors.</b> A storage failure is thrown as it comes (checked exceptions such as {@code
 *       SQLException} included) from the method, or as a runtime exception (for example {@link
 *       java.io.UncheckedIOException}) while the stream is pulled; the exporter stops, closes the
 *       stream and reports the failure with its context.
 * </ul>
 *
 * @since 0.2
 */
public interface AssessmentRepository {

  /**
   * Returns the files of a query, each with its assessments. Files that were never assessed are
   * included, with an empty list: the annotated layout packs every file of an order.
   *
   * @param query the workflow, the optional data source and order filters, and the scope
   * @return a stream of one element per file, in a stable order; the caller closes it
   * @throws Exception when the storage fails to start the query
   * @since 0.2
   */
  Stream<AssessedFile> assessedFiles(FileQuery query) throws Exception;

  /**
   * Returns the files of a query without their assessments, for the archive layouts. The query's
   * scope does not apply to files.
   *
   * @param query the workflow and the optional data source and order filters
   * @return a stream of one element per file, in the same stable order as {@link
   *     #assessedFiles(FileQuery)}; the caller closes it
   * @throws Exception when the storage fails to start the query
   * @since 0.2
   */
  Stream<MediaFile> files(FileQuery query) throws Exception;

  /**
   * Counts the files of a query, when that is cheap, so that progress can show a total. Called at
   * most once per export, before the stream is opened.
   *
   * @param query the query
   * @return the number of files the stream methods would return, or empty when unknown
   * @throws Exception when the storage fails
   * @since 0.2
   */
  default OptionalLong countFiles(FileQuery query) throws Exception {
    return OptionalLong.empty();
  }
}
