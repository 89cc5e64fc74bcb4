/**
 * The extension point through which modules add layouts: export-imaging adds {@code FILES} and
 * {@code ANNOTATED_FILES} this way, without export-core knowing it.
 *
 * <p>A module implements {@link dev.assessment.export.core.layout.LayoutProvider} and registers it
 * in {@code META-INF/services/dev.assessment.export.core.layout.LayoutProvider}. The exporter finds
 * providers with {@link java.util.ServiceLoader} when it is built, and hands the chosen one an
 * {@link dev.assessment.export.core.layout.ExportContext} per export.
 *
 * <p>Nullness: every parameter and return value in this package is non-null unless annotated
 * {@link jakarta.annotation.Nullable}.
 */
package dev.assessment.export.core.layout;
