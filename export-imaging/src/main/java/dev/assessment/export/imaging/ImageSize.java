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

/**
 * The size of an image as it is displayed: after its EXIF orientation, read from its header without
 * decoding its pixels.
 *
 * @param width the displayed width in pixels, at least 1
 * @param height the displayed height in pixels, at least 1
 * @param format the format's name in lower case, e.g. {@code jpeg} or {@code png}
 * @since 0.2
 */
public record ImageSize(int width, int height, String format) {
  /**
   * Checks the size.
   *
   * @param width the displayed width in pixels, at least 1
   * @param height the displayed height in pixels, at least 1
   * @param format the format's name in lower case
   * @throws IllegalArgumentException if a side is less than 1
   * @since 0.2
   */
  public ImageSize {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "an image is at least 1 × 1 pixels, not " + width + " × " + height);
    }
    java.util.Objects.requireNonNull(format, "format");
  }
}
