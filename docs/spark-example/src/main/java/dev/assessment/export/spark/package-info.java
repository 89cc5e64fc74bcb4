/**
 * Exports a workflow across Spark executors: the driver counts the workflow's files through
 * the repository SPI and cuts the request into shards; each executor exports one shard through
 * the public {@link dev.assessment.export.core.Exporter} API into a part in a shared folder; the
 * driver merges the parts into the bytes a one-machine export writes.
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.spark;

import org.jspecify.annotations.NullMarked;
