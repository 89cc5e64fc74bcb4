/**
 * The exporter's machinery: not part of the API, may change in any release.
 *
 * <p>Nullness: non-null unless annotated {@link jakarta.annotation.Nullable}.
 */
package dev.assessment.export.core.internal;
