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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assessment.export.turbojpeg.TurboJpegCodec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Photo-like test images, the JDK's JPEG codec, and pixel comparisons. */
public final class Photos {
  private static final Logger LOG = LoggerFactory.getLogger(Photos.class);

  private static @Nullable TurboJpegCodec codec;
  private static @Nullable String missing;

  private Photos() {}

  /**
   * Returns the codec, or skips the calling test, logging why, where Java 22+ or libturbojpeg is
   * missing.
   */
  public static synchronized TurboJpegCodec codecOrSkip() {
    if (codec == null && missing == null) {
      try {
        codec = new TurboJpegCodec();
      } catch (IllegalStateException e) {
        missing = e.getMessage();
        LOG.warn("TurboJPEG tests skipped: {}", missing);
      }
    }
    assumeTrue(codec != null, () -> "TurboJPEG codec unavailable: " + missing);
    return codec;
  }

  /**
   * A photo-like image: smooth gradients, sensor-like noise, hard edges, thin lines and text, the
   * mix that shows a codec's differences.
   */
  public static BufferedImage photo(int w, int h, long seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), w, h, new Color(230, 190, 120)));
    g.fillRect(0, 0, w, h);
    Random r = new Random(seed);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 160));
      g.fillOval(r.nextInt(w), r.nextInt(h), 20 + r.nextInt(w / 3), 20 + r.nextInt(h / 3));
    }
    g.setStroke(new BasicStroke(1.5f));
    for (int i = 0; i < 60; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.drawLine(r.nextInt(w), r.nextInt(h), r.nextInt(w), r.nextInt(h));
    }
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 20)));
    g.drawString("Assessment 0.87", w / 10, h / 2);
    g.dispose();
    byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < data.length; i++) {
      int v = (data[i] & 0xFF) + (int) Math.round(r.nextGaussian() * 6);
      data[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return img;
  }

  /** Encodes with the JDK's JPEG writer, as the annotated layout's ImageIO path does. */
  public static byte[] imageIoJpeg(BufferedImage img, float quality) throws IOException {
    return Images.jpeg(img, quality);
  }

  /** Decodes with the JDK's own JPEG reader (libjpeg 6b), not a plug-in's. */
  public static BufferedImage imageIoRead(byte[] jpeg) throws IOException {
    return Images.readWith(jpeg, "com.sun.");
  }

  /** How far apart two images of one size are, per channel. */
  public record Difference(double mean, int max) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "mean %.3f, max %d", mean, max);
    }
  }

  public static Difference difference(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new AssertionError(
          "sizes differ: "
              + a.getWidth()
              + " × "
              + a.getHeight()
              + " and "
              + b.getWidth()
              + " × "
              + b.getHeight());
    }
    long sum = 0;
    int max = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          int d = Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
          sum += d;
          max = Math.max(max, d);
        }
      }
    }
    return new Difference(sum / (3.0 * a.getWidth() * a.getHeight()), max);
  }

  /**
   * Averages each k × k block (fewer at the right and bottom edges), as a DCT-scaled decode does.
   */
  public static BufferedImage boxAverage(BufferedImage full, int k) {
    int w = (full.getWidth() + k - 1) / k;
    int h = (full.getHeight() + k - 1) / k;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int yy = y * k; yy < Math.min(full.getHeight(), y * k + k); yy++) {
          for (int xx = x * k; xx < Math.min(full.getWidth(), x * k + k); xx++) {
            int p = full.getRGB(xx, yy);
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
            n++;
          }
        }
        out.setRGB(x, y, (int) ((r / n) << 16 | (g / n) << 8 | (b / n)));
      }
    }
    return out;
  }
}
