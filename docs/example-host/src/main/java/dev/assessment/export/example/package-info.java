/**
 * A command-line host that embeds the library: {@code export} runs one export of a bundle, and
 * {@code demo} generates a sample workflow and exports it in every available layout. It doubles
 * as the reference of how a host wires repositories, requests, sinks and progress.
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.example;

import org.jspecify.annotations.NullMarked;
