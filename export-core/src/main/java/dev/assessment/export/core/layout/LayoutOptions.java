package dev.assessment.export.core.layout;

/**
 * Typed options of a layout, carried by a request keyed by their class ({@code
 * ExportRequest.Builder.option(…)}). A {@link LayoutProvider} lists the option types it reads in
 * {@link LayoutProvider#optionTypes()}; a request that carries any other type is refused for that
 * layout. Implementations are immutable, and derive {@code equals}, {@code hashCode}, {@code
 * toString} and {@link #fingerprint()} from one list of fields, e.g. with {@link Fields}.
 */
public interface LayoutOptions {

  /**
   * Returns the settings that decide the output's bytes, as canonical text that is the same on
   * every JDK, for the request's fingerprint. Settings that change only speed or resources
   * (threads, read-ahead) are left out, so that parts exported with different ones still merge.
   *
   * @return the canonical text
   */
  String fingerprint();
}
