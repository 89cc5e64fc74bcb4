/**
 * The exporter's machinery: not part of the API, may change in any release.
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.core.internal;

import org.jspecify.annotations.NullMarked;
