/**
 * Bundles: a folder holding a workflow's export in the long layout, with the files and media the
 * CSV cannot describe, that reads back into an {@link
 * dev.assessment.export.spi.memory.InMemoryRepository}.
 *
 * <p>A bundle holds {@code assessments.csv} (the long layout, exactly as the exporter writes it,
 * with or without a BOM), and optionally {@code attributes.csv} ({@code name, type}),
 * {@code files.csv} ({@code file_id, external_id, file_name, media_type, data_source_id,
 * data_source_name, order_id, order_name} and an optional {@code path}) and the media files,
 * at {@code media/<file_name>} unless {@code path} says otherwise.
 *
 * <pre>{@code
 * Bundle.write(repository, "wf-1", Path.of("bundle"));
 * InMemoryRepository copy = Bundle.read(Path.of("bundle"));
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.core.bundle;

import org.jspecify.annotations.NullMarked;
