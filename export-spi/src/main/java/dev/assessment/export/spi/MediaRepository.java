package dev.assessment.export.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of files: the original bytes an archive layout packs or draws on.
 *
 * <p>Called once per file of an archive export, possibly from several threads at once and a few
 * files ahead of the one being written. The caller always closes the returned stream, and may
 * close it before reading it to the end. The stream must not hold the whole file in memory when
 * the file is large.
 */
public interface MediaRepository {

  /**
   * Opens the content of a file.
   *
   * @param file the file, as returned by an {@link AssessmentRepository} stream
   * @return the file's bytes; the caller closes the stream
   * @throws MediaNotFoundException if the storage holds no content for the file
   * @throws IOException if the storage fails
   */
  InputStream open(MediaFile file) throws IOException;
}
