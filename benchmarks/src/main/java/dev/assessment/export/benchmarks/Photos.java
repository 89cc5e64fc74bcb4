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
package dev.assessment.export.benchmarks;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Photo-like JPEGs: smooth noise with fine grain, so they compress like real photos. */
final class Photos {
  private Photos() {}

  static byte[] jpeg(int width, int height, long seed) throws IOException {
    Random r = new Random(seed);
    int gw = 24;
    int gh = Math.max(2, gw * height / width);
    BufferedImage grid = new BufferedImage(gw, gh, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < gh; y++) {
      for (int x = 0; x < gw; x++) {
        grid.setRGB(
            x, y, (r.nextInt(200) + 30) << 16 | (r.nextInt(200) + 30) << 8 | (r.nextInt(200) + 30));
      }
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(grid, 0, 0, width, height, null);
    g.dispose();
    byte[] pixels = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      int v = (pixels[i] & 0xFF) + r.nextInt(25) - 12;
      pixels[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return encode(img, 0.9f);
  }

  static byte[] encode(BufferedImage img, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
