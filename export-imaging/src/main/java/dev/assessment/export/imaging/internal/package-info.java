/**
 * The archive layouts: entry naming, ZIP packing, media read-ahead and image rendering. Not part
 * of the API; found by export-core through {@link java.util.ServiceLoader}.
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.imaging.internal;

import org.jspecify.annotations.NullMarked;
