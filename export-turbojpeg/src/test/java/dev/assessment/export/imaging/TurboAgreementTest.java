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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.imaging.internal.Fetched;
import dev.assessment.export.imaging.internal.ImageRenderer;
import dev.assessment.export.imaging.internal.JpegCodecs;
import dev.assessment.export.imaging.internal.MemoryBudget;
import dev.assessment.export.imaging.internal.Rendered;
import dev.assessment.export.imaging.internal.Spool;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.turbojpeg.TurboJpegCodec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The annotated layout with the TurboJPEG codec against the same layout with ImageIO's, on the same
 * photo in every EXIF orientation. Tolerances, per 8-bit channel of the decoded outputs: at full
 * size a mean of 0.5 (decoding agrees to within one level, drawing is the same code, encoding uses
 * the same tables but for half-way roundings). Scaled by {@code maxLongEdge}, ImageIO keeps every
 * n-th pixel where the DCT averages n × n: the codec's output must be at least as close as
 * ImageIO's to the full-size drawing averaged over n × n blocks. In both, where ImageIO's output
 * shows the outline's colour, 95 % of the codec's pixels do too, within twice the tolerance.
 */
class TurboAgreementTest {
  private static AssessedFile assessed(byte[] jpeg) {
    // A polygon near a corner, so that a wrong turn or scale puts it elsewhere.
    InMemoryRepository repo =
        AnnotatedLayoutTest.order(
            Map.of("photo.jpg", jpeg),
            Map.of("photo.jpg", Polygon.of(40, 30, 400, 30, 400, 200, 40, 200)));
    return repo.assessedFiles(FileQuery.builder("wf").build()).findFirst().orElseThrow();
  }

  private static BufferedImage render(
      byte[] jpeg, ArchiveOptions options, @org.jspecify.annotations.Nullable JpegCodec codec)
      throws Exception {
    AssessedFile file = assessed(jpeg);
    Spool spool = new Spool(Fetched.MEMORY_PER_FILE);
    spool.write(jpeg);
    spool.finishWriting();
    try (Fetched content = Fetched.ok(spool, 0L, new byte[32]);
        Rendered r =
            new ImageRenderer(options, MemoryBudget.HEAP, codec)
                .render(file.file(), content, file.assessments())) {
      assertNull(r.skipped(), "rendered");
      assertNotNull(r.content());
      try (InputStream in = r.content().spool().open()) {
        return Images.read(in.readAllBytes());
      }
    }
  }

  /** The codec, counting the images it decodes rather than leaves to ImageIO. */
  private static final class Counting implements JpegCodec {
    private final JpegCodec codec = Photos.codecOrSkip();
    int decoded;

    @Override
    public String id() {
      return codec.id();
    }

    @Override
    public @org.jspecify.annotations.Nullable BufferedImage decode(byte[] jpeg, int scale)
        throws java.io.IOException {
      BufferedImage image = codec.decode(jpeg, scale);
      if (image != null) {
        decoded++;
      }
      return image;
    }

    @Override
    public void encode(BufferedImage image, float quality, java.io.OutputStream out)
        throws java.io.IOException {
      codec.encode(image, quality, out);
    }
  }

  /** Inserts an APP2 segment holding an ICC profile right after SOI. */
  private static byte[] withProfile(byte[] jpeg, java.awt.color.ICC_Profile profile) {
    byte[] data = profile.getData();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int length = 2 + 12 + 2 + data.length;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
    out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {1, 1});
    out.writeBytes(data);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /**
   * Renders a JPEG at full size with the codec and with ImageIO, checks the outputs agree (mean
   * difference at most 0.5 a channel), and returns how many images the codec decoded itself.
   */
  private static int decodedWhileAgreeing(byte[] jpeg, String what) throws Exception {
    Counting turbo = new Counting();
    BufferedImage withTurbo = render(jpeg, ArchiveOptions.defaults(), turbo);
    Photos.Difference d =
        Photos.difference(withTurbo, render(jpeg, ArchiveOptions.defaults(), null));
    assertTrue(d.mean() <= 0.5, what + ": " + d);
    return turbo.decoded;
  }

  @Test
  void aJpegWithAColourProfile_isLeftToImageIoAndDrawnAlike() throws Exception {
    byte[] jpeg =
        withProfile(
            Images.jpeg(Photos.photo(640, 480, 5), 0.9f),
            java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB));
    assertEquals(
        0,
        decodedWhileAgreeing(jpeg, "with a linear-RGB profile"),
        "the profile's colours are converted by ImageIO");
    // Decoded without the profile the image would be much darker: the conversion happened.
    Photos.Difference raw =
        Photos.difference(
            render(jpeg, ArchiveOptions.defaults(), null),
            render(Images.jpeg(Photos.photo(640, 480, 5), 0.9f), ArchiveOptions.defaults(), null));
    assertTrue(raw.mean() > 10, "the profile changes the colours: " + raw);
  }

  @Test
  void aGreyJpeg_isDecodedByTheCodecAndDrawnAlike() throws Exception {
    BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = grey.createGraphics();
    g.drawImage(Photos.photo(640, 480, 6), 0, 0, null);
    g.dispose();
    byte[] jpeg = Images.jpeg(grey, 0.9f);
    assertEquals(1, decodedWhileAgreeing(jpeg, "grey"), "the codec decoded the grey JPEG");
  }

  @Test
  void aJpegFarLargerThanItsPixels_isLeftToImageIo() throws Exception {
    // 8 MiB after the end of a 320 × 240 image: the codec would hold it all in memory.
    byte[] image = Images.jpeg(Photos.photo(320, 240, 4), 0.9f);
    byte[] padded = java.util.Arrays.copyOf(image, image.length + (8 << 20));
    assertEquals(0, decodedWhileAgreeing(padded, "padded"), "left to ImageIO");
    assertEquals(
        1,
        decodedWhileAgreeing(image, "unpadded"),
        "the same image without the padding is the codec's");
  }

  @ParameterizedTest(name = "orientation {0}, maxLongEdge {1}")
  @CsvSource({
    "1, 0", "2, 0", "3, 0", "4, 0", "5, 0", "6, 0", "7, 0", "8, 0", "1, 600", "6, 600", "1, 300",
    "8, 160", "1, 401"
  })
  void drawnImages_agreeWithTheImageIoPath(int orientation, int maxLongEdge) throws Exception {
    Counting turbo = new Counting();
    byte[] jpeg =
        Images.withOrientation(Images.jpeg(Photos.photo(1203, 805, 11), 0.9f), orientation);
    ArchiveOptions options = ArchiveOptions.builder().maxLongEdge(maxLongEdge).build();
    BufferedImage withTurbo = render(jpeg, options, turbo);
    assertEquals(1, turbo.decoded, "the codec decoded the photo");
    BufferedImage withImageIo = render(jpeg, options, null);
    assertEquals(withImageIo.getWidth(), withTurbo.getWidth(), "width");
    assertEquals(withImageIo.getHeight(), withTurbo.getHeight(), "height");
    if (maxLongEdge == 0) {
      Photos.Difference d = Photos.difference(withTurbo, withImageIo);
      assertTrue(d.mean() <= 0.5, "full size: " + d);
    } else {
      // Scaled, the two differ as averaging differs from picking (noise stays when every n-th
      // pixel is kept): each is compared with the full-size drawing averaged over n × n blocks,
      // and the codec's must be at least as close as ImageIO's.
      BufferedImage full = render(jpeg, ArchiveOptions.defaults(), null);
      int step = (Math.max(full.getWidth(), full.getHeight()) + maxLongEdge - 1) / maxLongEdge;
      BufferedImage reference = Photos.boxAverage(full, step);
      Photos.Difference turboError = Photos.difference(withTurbo, reference);
      Photos.Difference imageIoError = Photos.difference(withImageIo, reference);
      assertTrue(
          turboError.mean() <= imageIoError.mean(),
          "codec " + turboError + ", ImageIO " + imageIoError + " from the block average");
    }
    // The outline: where ImageIO's output shows the label's colour, so does this codec's.
    Color dent = dev.assessment.export.imaging.internal.Palette.colourOf("dent");
    // A thin outline on a scaled image bleeds into its neighbours through 4:2:0 chroma.
    int near = maxLongEdge == 0 ? 24 : 60;
    int outline = 0;
    int agree = 0;
    for (int y = 0; y < withImageIo.getHeight(); y++) {
      for (int x = 0; x < withImageIo.getWidth(); x++) {
        if (Images.near(withImageIo.getRGB(x, y), dent, near)) {
          outline++;
          if (Images.near(withTurbo.getRGB(x, y), dent, 2 * near)) {
            agree++;
          }
        }
      }
    }
    assertTrue(outline > 20, "the outline is drawn: " + outline + " pixels");
    assertTrue(agree >= outline * 0.95, agree + " of " + outline + " outline pixels agree");
  }

  @Test
  void theExporterRunsTheCodecAndItsPartsSaySo() throws Exception {
    Photos.codecOrSkip();
    assertInstanceOf(TurboJpegCodec.class, JpegCodecs.selected(), "found through ServiceLoader");
    byte[] jpeg = Images.jpeg(Photos.photo(320, 240, 3), 0.9f);
    InMemoryRepository repo =
        AnnotatedLayoutTest.order(
            Map.of("a.jpg", jpeg), Map.of("a.jpg", Polygon.of(10, 10, 90, 10, 50, 80)));
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    Exporter.builder()
        .repository(repo)
        .build()
        .export(
            ExportRequest.builder("wf")
                .layout(ArchiveLayouts.ANNOTATED_FILES)
                .orderId("o")
                .shard(0, 1)
                .build(),
            ExportSink.of(part));
    String marker =
        new String(
            AnnotatedLayoutTest.entries(part.toByteArray()).get(".assessment-export-part"),
            StandardCharsets.US_ASCII);
    assertTrue(marker.endsWith(" codec=turbojpeg"), marker);
  }
}
