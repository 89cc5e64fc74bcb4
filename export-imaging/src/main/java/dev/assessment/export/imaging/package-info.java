/**
 * Tools for the archive layouts' output: merging the archive parts of a sharded export
 * ({@link dev.assessment.export.imaging.ArchiveParts}) and cutting an archive into volumes
 * ({@link dev.assessment.export.imaging.ArchiveVolumes}). The layouts themselves are found by
 * export-core through {@link java.util.ServiceLoader}.
 *
 * <p>Nullness: non-null unless annotated {@link jakarta.annotation.Nullable}.
 */
package dev.assessment.export.imaging;
