package dev.assessment.export.core.layout;

import dev.assessment.export.core.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Writes one or more layouts. Found by {@link java.util.ServiceLoader}; instances must have a
 * public no-argument constructor, be stateless and thread-safe: the exporter keeps one instance
 * and calls it from every export.
 */
public interface LayoutProvider {

  /**
   * Returns the layouts this provider writes. Called once, when an exporter is built.
   *
   * @return the layouts
   */
  Set<Layout> layouts();

  /**
   * Returns the file name extension of a layout's output, without the dot.
   *
   * @param layout one of {@link #layouts()}
   * @return e.g. {@code csv} or {@code zip}
   */
  String extension(Layout layout);

  /**
   * Returns the media type of a layout's output.
   *
   * @param layout one of {@link #layouts()}
   * @return e.g. {@code application/zip}
   */
  String mediaType(Layout layout);

  /**
   * Writes one export, on the calling thread. Streams obtained from the context must be closed
   * before returning (the exporter closes any left open, as a safety net). The provider does not
   * close {@code out}.
   *
   * @param context the export's request, metadata, data, warnings and progress
   * @param out where the bytes go
   * @throws IOException if the export fails; {@link dev.assessment.export.core.ExportException}
   *     when the message is meant for the person exporting
   */
  void write(ExportContext context, OutputStream out) throws IOException;
}
