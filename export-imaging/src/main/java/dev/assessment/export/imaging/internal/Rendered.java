package dev.assessment.export.imaging.internal;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of rendering one file: the encoded image with its CRC and digest, or why the file
 * was skipped; and what was drawn.
 *
 * @param content the bytes to pack, or null when skipped
 * @param suffix the entry's suffix ({@code jpg} or {@code png}), or null to keep the file's own
 * @param skipped why the file was skipped, or null
 * @param drawn how many annotations were drawn
 * @param notes what was not drawn and why; empty when everything was
 * @param warnings warnings to report, in order, on the thread that writes the archive
 */
public record Rendered(
    @Nullable Fetched content,
    @Nullable String suffix,
    @Nullable String skipped,
    int drawn,
    String notes,
    java.util.List<Warning> warnings)
    implements AutoCloseable {

  static Rendered skipped(String reason) {
    return new Rendered(null, null, reason, 0, "", java.util.List.of());
  }

  /**
   * A warning found while rendering.
   *
   * @param code the warning's code
   * @param message its message
   */
  public record Warning(String code, String message) {}

  @Override
  public void close() {
    if (content != null) {
      content.close();
    }
  }
}
