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

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * EXIF orientation: how a stored image is turned to be displayed. Values 1 to 8 as EXIF defines
 * them; 1 is as stored.
 */
public final class Orientation {
  private static final int APP1 = 0xFFE1;

  private Orientation() {}

  /**
   * Reads the EXIF orientation of a JPEG with TwelveMonkeys' metadata readers, caching in memory
   * (never in the temp folder, whose failure would otherwise pass for a missing orientation).
   *
   * @param jpeg the JPEG's bytes; read, not closed
   * @return the orientation, 1 when the JPEG has no EXIF orientation
   * @throws IOException if the JPEG cannot be read or has an EXIF block that cannot be parsed
   */
  public static int read(InputStream jpeg) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(jpeg)) {
      List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, APP1, "Exif");
      if (segments.isEmpty()) {
        return 1;
      }
      byte[] data = segments.get(0).data().readAllBytes();
      // The segment's data may start with the identifier's second NUL, as padding.
      int start = 0;
      while (start < data.length && start < 2 && data[start] == 0) {
        start++;
      }
      try (ImageInputStream exif =
          new MemoryCacheImageInputStream(
              new java.io.ByteArrayInputStream(data, start, data.length - start))) {
        Directory directory = new TIFFReader().read(exif);
        Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
        if (entry != null
            && entry.getValue() instanceof Number n
            && n.intValue() >= 1
            && n.intValue() <= 8) {
          return n.intValue();
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("the EXIF block cannot be parsed: " + e, e);
    }
    return 1;
  }

  /**
   * Tells whether an orientation swaps width and height.
   *
   * @param orientation 1 to 8
   * @return true for 5 to 8
   */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * Turns a stored image as it is displayed.
   *
   * @param stored the decoded image
   * @param orientation 1 to 8
   * @return the displayed image; {@code stored} itself for orientation 1
   */
  public static BufferedImage apply(BufferedImage stored, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return stored;
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    boolean swap = swapsAxes(orientation);
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    // The transform maps stored pixels to displayed pixels.
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored horizontally
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // rotated 180°
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored vertically
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // rotated 90° clockwise
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
          default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: rotated 90° counter-clockwise
        };
    int type =
        stored.getType() == BufferedImage.TYPE_CUSTOM
            ? BufferedImage.TYPE_INT_RGB
            : stored.getType();
    BufferedImage displayed =
        stored.getColorModel().hasAlpha()
            ? new BufferedImage(dw, dh, BufferedImage.TYPE_INT_ARGB)
            : new BufferedImage(
                dw,
                dh,
                type == BufferedImage.TYPE_BYTE_INDEXED || type == BufferedImage.TYPE_BYTE_BINARY
                    ? BufferedImage.TYPE_INT_RGB
                    : type);
    Graphics2D g = displayed.createGraphics();
    try {
      g.drawImage(stored, t, null);
    } finally {
      g.dispose();
    }
    return displayed;
  }
}
