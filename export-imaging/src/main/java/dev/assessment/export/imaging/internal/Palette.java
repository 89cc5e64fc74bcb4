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

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A stable colour per label from the Okabe–Ito palette, which stays distinct for people with the
 * common colour-vision deficiencies. Black is left out: outlines must show on dark photos.
 */
public final class Palette {
  /** The seven colours, in the palette's order. */
  public static final List<Color> COLOURS =
      List.of(
          new Color(0xE6, 0x9F, 0x00), // orange
          new Color(0x56, 0xB4, 0xE9), // sky blue
          new Color(0x00, 0x9E, 0x73), // bluish green
          new Color(0xF0, 0xE4, 0x42), // yellow
          new Color(0x00, 0x72, 0xB2), // blue
          new Color(0xD5, 0x5E, 0x00), // vermillion
          new Color(0xCC, 0x79, 0xA7)); // reddish purple

  /** The colour of entities without a label. */
  public static final Color UNLABELLED = Color.WHITE;

  private Palette() {}

  /**
   * Returns a label's colour: the palette entry at the CRC-32 of the label's UTF-8 bytes modulo
   * seven, so that a label has the same colour in every image and every export.
   *
   * @param label the label, or null
   * @return the colour
   */
  public static Color colourOf(@Nullable String label) {
    if (label == null) {
      return UNLABELLED;
    }
    CRC32 crc = new CRC32();
    crc.update(label.getBytes(StandardCharsets.UTF_8));
    return COLOURS.get((int) (crc.getValue() % COLOURS.size()));
  }
}
