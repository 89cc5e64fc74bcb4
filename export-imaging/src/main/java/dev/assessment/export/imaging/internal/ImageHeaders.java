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
package dev.assessment.export.imaging.internal;

import dev.assessment.export.imaging.ImageSize;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image's displayed size from its header, without decoding its pixels. */
public final class ImageHeaders {
  private ImageHeaders() {}

  /**
   * Reads the size of content as displayed: the header's width and height, swapped when a JPEG's
   * EXIF orientation turns the image by 90°.
   *
   * @param content the content
   * @return the size, or empty when the content is not an image this library can read
   * @throws IOException if the content cannot be read
   */
  public static Optional<ImageSize> displayedSize(Spool content) throws IOException {
    int width;
    int height;
    String format;
    try (ImageInputStream in = content.imageInput()) {
      ImageReader reader = ImageRenderer.reader(in);
      if (reader == null) {
        return Optional.empty();
      }
      try {
        reader.setInput(in, true, true);
        width = reader.getWidth(0);
        height = reader.getHeight(0);
        format = reader.getFormatName().toLowerCase(Locale.ROOT);
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      } finally {
        reader.dispose();
      }
    }
    if (width < 1 || height < 1) {
      return Optional.empty();
    }
    if (format.equals("jpeg") || format.equals("jpg")) {
      format = "jpeg";
      int orientation;
      try (InputStream raw = content.open()) {
        orientation = Orientation.read(raw);
      } catch (IOException e) {
        // The size as stored, as the annotated layout then draws it (with an exif-unreadable
        // warning there).
        orientation = 1;
      }
      if (Orientation.swapsAxes(orientation)) {
        return Optional.of(new ImageSize(height, width, format));
      }
    }
    return Optional.of(new ImageSize(width, height, format));
  }
}
