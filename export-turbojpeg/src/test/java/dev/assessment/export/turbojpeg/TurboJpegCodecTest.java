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
package dev.assessment.export.turbojpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.imaging.Photos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec against the JDK's codec, which the annotated layout runs without it. Tolerances, per
 * 8-bit channel: a full-size decode agrees to within 1 everywhere (both are libjpeg's accurate
 * integer DCT and fancy upsampling); a decode scaled in the DCT is within a mean of 2 of the
 * full-size image averaged over the same blocks; an encoded image uses ImageIO's quantisation
 * tables and subsampling, and decodes within a mean of 0.5 of ImageIO's encoding.
 */
class TurboJpegCodecTest {
  private static final BufferedImage PHOTO = Photos.photo(1203, 805, 7);

  private static BufferedImage decode(byte[] jpeg, int scale) throws Exception {
    BufferedImage image = Photos.codecOrSkip().decode(jpeg, scale);
    assertNotNull(image, "the codec decoded it");
    return image;
  }

  @Test
  void decode_fullSize_agreesWithImageIoWithinOne() throws Exception {
    byte[] jpeg = Photos.imageIoJpeg(PHOTO, 0.9f);
    BufferedImage turbo = decode(jpeg, 1);
    assertEquals(BufferedImage.TYPE_3BYTE_BGR, turbo.getType());
    Photos.Difference d = Photos.difference(turbo, Photos.imageIoRead(jpeg));
    assertTrue(d.max() <= 1, "full-size decode: " + d);
  }

  @Test
  void decode_grayscale_agreesWithImageIoWithinOne() throws Exception {
    BufferedImage gray = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    g.drawImage(PHOTO, 0, 0, null);
    g.dispose();
    byte[] jpeg = Photos.imageIoJpeg(gray, 0.9f);
    BufferedImage turbo = decode(jpeg, 1);
    // The annotated layout draws on a grey image after copying it into an RGB one, as here: each
    // grey level becomes that level in all three channels.
    BufferedImage imageIo = Photos.imageIoRead(jpeg);
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, imageIo.getType());
    BufferedImage rgb = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D copy = rgb.createGraphics();
    copy.drawImage(imageIo, 0, 0, null);
    copy.dispose();
    Photos.Difference d = Photos.difference(turbo, rgb);
    assertTrue(d.max() <= 1, "grayscale decode: " + d);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void decode_scaledInTheDct_isTheBlockAverageOfTheFullImage(int scale) throws Exception {
    byte[] jpeg = Photos.imageIoJpeg(PHOTO, 0.9f);
    BufferedImage turbo = decode(jpeg, scale);
    assertEquals((1203 + scale - 1) / scale, turbo.getWidth());
    assertEquals((805 + scale - 1) / scale, turbo.getHeight());
    Photos.Difference d =
        Photos.difference(turbo, Photos.boxAverage(Photos.imageIoRead(jpeg), scale));
    assertTrue(d.mean() <= 2, "1/" + scale + " decode against the block average: " + d);
  }

  @Test
  void decode_cmykAndYcck_areLeftToImageIo() throws Exception {
    // The JDK writes a four-channel raster as CMYK; an Adobe segment with transform 2 makes it
    // YCCK.
    java.awt.image.WritableRaster raster =
        java.awt.image.Raster.createInterleavedRaster(
            java.awt.image.DataBuffer.TYPE_BYTE, 64, 48, 4, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (var ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    for (byte transform : new byte[] {0, 2}) {
      ByteArrayOutputStream adobe = new ByteArrayOutputStream();
      adobe.write(plain, 0, 2);
      adobe.writeBytes(
          new byte[] {
            (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, transform
          });
      adobe.write(plain, 2, plain.length - 2);
      assertNull(
          Photos.codecOrSkip().decode(adobe.toByteArray(), 1), "Adobe transform " + transform);
    }
  }

  @Test
  void decode_damaged_isLeftToImageIo() throws Exception {
    TurboJpegCodec codec = Photos.codecOrSkip();
    byte[] jpeg = Photos.imageIoJpeg(PHOTO, 0.9f);
    // Cut in the scan, and only the end-of-image marker missing: libjpeg warns alike for both,
    // ImageIO tells them apart (the layout skips the first and draws the second).
    assertNull(codec.decode(Arrays.copyOf(jpeg, jpeg.length / 2), 1));
    assertNull(codec.decode(Arrays.copyOf(jpeg, jpeg.length - 2), 1));
    assertNotNull(codec.decode(jpeg, 1));
  }

  @Test
  void decode_notAJpeg_isLeftToImageIo() throws Exception {
    TurboJpegCodec codec = Photos.codecOrSkip();
    assertNull(codec.decode(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, 1));
    assertNull(codec.decode(new byte[0], 1));
    assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[10], 3));
  }

  @Test
  void decode_damagedBytes_neverCrashTheJvm() throws Exception {
    // Native code reading hostile files: 2,000 copies of one JPEG with a few bytes changed (most
    // in the headers) or cut short. Each is decoded or left to ImageIO; a write past a native
    // buffer would take the JVM down with it.
    TurboJpegCodec codec = Photos.codecOrSkip();
    byte[] jpeg = Photos.imageIoJpeg(Photos.photo(300, 200, 9), 0.9f);
    java.util.Random random = new java.util.Random(1);
    int decoded = 0;
    for (int i = 0; i < 2_000; i++) {
      byte[] damaged = jpeg.clone();
      for (int k = 1 + random.nextInt(8); k > 0; k--) {
        int range = random.nextBoolean() ? Math.min(700, damaged.length) : damaged.length;
        damaged[random.nextInt(range)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(5) == 0) {
        damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
      }
      int scale = new int[] {1, 2, 4, 8}[random.nextInt(4)];
      BufferedImage image = codec.decode(damaged, scale);
      if (image != null) {
        decoded++;
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertTrue(image.getWidth() >= 1 && image.getHeight() >= 1, "copy " + i);
      }
    }
    assertTrue(decoded > 0, "some copies still decode cleanly");
  }

  @ParameterizedTest
  @ValueSource(floats = {0.5f, 0.85f, 0.92f, 1f})
  void encode_usesImageIosTablesAndSubsampling(float quality) throws Exception {
    TurboJpegCodec codec = Photos.codecOrSkip();
    ByteArrayOutputStream turbo = new ByteArrayOutputStream();
    codec.encode(PHOTO, quality, turbo);
    byte[] imageIo = Photos.imageIoJpeg(PHOTO, quality);
    // The frame header (SOF0: baseline, sizes, components and their sampling factors) is the one
    // ImageIO writes; so are the quantisation tables (DQT), but for entries that land on a half:
    // ImageIO scales in float and rounds, libjpeg in integers, so those may differ by one.
    assertEquals(segments(imageIo, 0xC0), segments(turbo.toByteArray(), 0xC0), "SOF0");
    List<String> expected = segments(imageIo, 0xDB);
    List<String> actual = segments(turbo.toByteArray(), 0xDB);
    assertEquals(expected.size(), actual.size(), "DQT segments");
    for (int i = 0; i < expected.size(); i++) {
      byte[] e = java.util.HexFormat.of().parseHex(expected.get(i));
      byte[] a = java.util.HexFormat.of().parseHex(actual.get(i));
      assertEquals(e.length, a.length, "DQT " + i);
      for (int k = 0; k < e.length; k++) {
        assertTrue(
            Math.abs((e[k] & 0xFF) - (a[k] & 0xFF)) <= (k % 65 == 0 ? 0 : 1),
            "DQT " + i + " byte " + k + ": " + expected.get(i) + " vs " + actual.get(i));
      }
    }
    Photos.Difference d =
        Photos.difference(Photos.imageIoRead(turbo.toByteArray()), Photos.imageIoRead(imageIo));
    assertTrue(d.mean() <= 0.5, "quality " + quality + ": " + d);
  }

  @Test
  void encode_isDeterministicAndTheSameForEveryImageType() throws Exception {
    TurboJpegCodec codec = Photos.codecOrSkip();
    byte[] first = encode(codec, PHOTO);
    assertArrayEquals(first, encode(codec, PHOTO));
    for (int type :
        new int[] {
          BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB
        }) {
      BufferedImage copy = new BufferedImage(PHOTO.getWidth(), PHOTO.getHeight(), type);
      Graphics2D g = copy.createGraphics();
      g.drawImage(PHOTO, 0, 0, null);
      g.dispose();
      assertArrayEquals(first, encode(codec, copy), "image type " + type);
    }
    // A sub-image shares its parent's array: its own pixels are encoded, not the parent's.
    BufferedImage big = new BufferedImage(1403, 905, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = big.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 1403, 905);
    g.drawImage(PHOTO, 100, 50, null);
    g.dispose();
    assertArrayEquals(first, encode(codec, big.getSubimage(100, 50, 1203, 805)));
  }

  @Test
  void encodeAndDecode_onVirtualThreads_giveTheSameBytesAsOnPlatformThreads() throws Exception {
    TurboJpegCodec codec = Photos.codecOrSkip();
    byte[] expected = encode(codec, PHOTO);
    BufferedImage decoded = decode(expected, 2);
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<byte[]>> encodings = new ArrayList<>();
      List<java.util.concurrent.Future<BufferedImage>> decodings = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        encodings.add(executor.submit(() -> encode(codec, PHOTO)));
        decodings.add(executor.submit(() -> decode(expected, 2)));
      }
      for (int i = 0; i < 8; i++) {
        assertArrayEquals(expected, encodings.get(i).get());
        assertEquals(0, Photos.difference(decoded, decodings.get(i).get()).max());
      }
    }
  }

  private static byte[] encode(TurboJpegCodec codec, BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(image, 0.9f, out);
    return out.toByteArray();
  }

  /** The JPEG's segments of one marker before the scan, each as its bytes after the length. */
  private static List<String> segments(byte[] jpeg, int marker) {
    List<String> found = new ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int type = jpeg[at + 1] & 0xFF;
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (type == 0xDA) {
        break;
      }
      if (type == marker) {
        found.add(java.util.HexFormat.of().formatHex(jpeg, at + 4, at + 2 + length));
      }
      at += 2 + length;
    }
    assertTrue(!found.isEmpty(), "no segment FF" + Integer.toHexString(marker));
    return found;
  }
}
