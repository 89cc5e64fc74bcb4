/*
 * Copyright 2025-2026 The Assessment Export Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.assessment.export.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A JPEG codec for the {@code annotated-files} layout, in place of ImageIO's: it decodes the JPEG
 * originals it can, and encodes the drawn images of JPEG originals. Found with {@link
 * java.util.ServiceLoader}; the first provider that loads is used, and ImageIO when none does or
 * when the system property {@value #PROPERTY} is {@code imageio}. The module {@code
 * dev.assessment.export.turbojpeg} provides one over libjpeg-turbo (Java 22 and later).
 *
 * <p>A provider whose native library is missing throws from its constructor; the exporter logs the
 * reason at DEBUG and uses ImageIO. Implementations are called from several threads at once. Output
 * must depend only on the input, so that an export is deterministic for a given codec; the codec's
 * {@link #id()} goes into the marker of a sharded export's part, and parts made with different
 * codecs are not merged.
 *
 * @since 0.2
 */
public interface JpegCodec {
  /**
   * The system property that chooses the codec: {@code imageio} turns providers off; unset, the
   * first provider that loads is used.
   *
   * @since 0.2
   */
  String PROPERTY = "assessment.export.jpegCodec";

  /**
   * Returns the codec's name, recorded in the markers of archive parts.
   *
   * @return a short name without spaces, e.g. {@code turbojpeg}
   * @since 0.2
   */
  String id();

  /**
   * Decodes a JPEG, scaled down by a factor.
   *
   * @param jpeg the whole file
   * @param scale 1, 2, 4 or 8: the image returned is {@code ceil(width / scale)} × {@code
   *     ceil(height / scale)} pixels of the stored (not EXIF-turned) image
   * @return the image, of type {@link BufferedImage#TYPE_3BYTE_BGR}; or {@code null} when this
   *     codec leaves the file to ImageIO: a colour space it does not convert, or data it cannot
   *     decode or decodes only with a warning (a truncated file, say), so that ImageIO's verdict on
   *     a damaged file, and the layout's report of it, are the same whichever codec runs
   * @throws IOException if decoding fails in a way ImageIO would not do better
   * @since 0.2
   */
  @Nullable BufferedImage decode(byte[] jpeg, int scale) throws IOException;

  /**
   * Encodes an image as a baseline JPEG with 4:2:0 chroma subsampling, as ImageIO's writer does.
   *
   * @param image an image of type {@link BufferedImage#TYPE_3BYTE_BGR}, {@link
   *     BufferedImage#TYPE_INT_RGB} or {@link BufferedImage#TYPE_INT_BGR}
   * @param quality the quality from 0 to 1, as {@link ArchiveOptions#jpegQuality()}
   * @param out where the JPEG goes; not closed
   * @throws IOException if encoding or writing fails
   * @since 0.2
   */
  void encode(BufferedImage image, float quality, OutputStream out) throws IOException;
}
