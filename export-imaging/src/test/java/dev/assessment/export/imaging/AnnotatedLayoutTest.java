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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.ExportWarning;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.imaging.internal.Palette;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnotatedLayoutTest {
  private static final Color GREY = new Color(40, 40, 40);
  private static final Instant T = Instant.parse("2025-11-19T08:00:00Z");
  private static final Polygon SQUARE = Polygon.of(100, 100, 300, 100, 300, 300, 100, 300);

  /** A repository of one order whose files are given as content and a polygon each. */
  static InMemoryRepository order(Map<String, byte[]> contents, Map<String, Polygon> polygons) {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d").order("o", "order");
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      String name = e.getKey();
      Polygon p = polygons.get(name);
      b.file(
          name.substring(0, name.indexOf('.')),
          f -> {
            f.externalId(name.substring(0, name.indexOf('.')))
                .fileName(name)
                .orderId("o")
                .content(e.getValue());
            if (p != null) {
              f.assessment("a", AssessmentKind.HUMAN, T, a -> a.annotation("e", "dent", p, null));
            }
          });
    }
    return b.build();
  }

  private static ExportRequest.Builder annotated() {
    return ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o");
  }

  private static Map<String, byte[]> export(InMemoryRepository repo, ExportRequest request)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.builder().repository(repo).build().export(request, ExportSink.of(out));
    return entries(out.toByteArray());
  }

  static Map<String, byte[]> entries(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void layouts_annotatedIsFoundThroughServiceLoader() {
    assertTrue(
        Exporter.builder()
            .repository(order(Map.of(), Map.of()))
            .build()
            .layouts()
            .contains(ArchiveLayouts.ANNOTATED_FILES));
  }

  @Test
  void png_outlineTakesTheLabelColourAndTheRestStays() throws Exception {
    InMemoryRepository repo =
        order(Map.of("p.png", Images.png(Images.solid(600, 400, GREY))), Map.of("p.png", SQUARE));
    BufferedImage out = Images.read(export(repo, annotated().build()).get("p_order_1.png"));
    Color dent = Palette.colourOf("dent");
    assertEquals(600, out.getWidth());
    for (int[] xy : new int[][] {{200, 300}, {200, 299}, {300, 200}, {299, 250}, {100, 200}}) {
      assertEquals(
          dent.getRGB(),
          out.getRGB(xy[0], xy[1]) | 0xFF000000,
          "outline at " + xy[0] + "," + xy[1] + " is " + Images.describe(out.getRGB(xy[0], xy[1])));
    }
    for (int[] xy : new int[][] {{200, 200}, {550, 350}, {20, 380}, {500, 50}}) {
      assertEquals(
          GREY.getRGB(),
          out.getRGB(xy[0], xy[1]) | 0xFF000000,
          "untouched at " + xy[0] + "," + xy[1]);
    }
  }

  /**
   * Regression: a photo with no file name and no media type was "…_1.jpg" when something was drawn
   * on it and "…_1.bin" when not, and "…_1.bin" in the files archive.
   */
  @Test
  void namelessFiles_areNamedByTheirContentAlikeInBothArchives() throws Exception {
    byte[] jpeg = Images.jpeg(Images.solid(60, 40, GREY), 0.9f);
    byte[] png = Images.png(Images.solid(60, 40, GREY));
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .order("o", "order")
            .file(
                "drawn",
                f ->
                    f.externalId("a")
                        .fileName("")
                        .orderId("o")
                        .content(jpeg)
                        .assessment(
                            "x",
                            AssessmentKind.HUMAN,
                            T,
                            a -> a.annotation("e", "dent", Polygon.of(5, 5, 30, 5, 30, 20), null)))
            .file("plain", f -> f.externalId("b").fileName("").orderId("o").content(jpeg))
            .file("pic", f -> f.externalId("c").fileName("").orderId("o").content(png))
            .build();
    List<String> expected =
        List.of("a_order_1.jpg", "b_order_1.jpg", "c_order_1.png", "manifest.csv");
    assertEquals(expected, List.copyOf(export(repo, annotated().build()).keySet()));
    assertEquals(
        expected,
        List.copyOf(
            export(repo, ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build())
                .keySet()));
  }

  /** One grey PNG of the given size, assessed twice (so a legend is drawn) with one polygon. */
  private static InMemoryRepository twiceAssessed(int w, int h, Polygon polygon) throws Exception {
    byte[] png = Images.png(Images.solid(w, h, GREY));
    return InMemoryRepository.builder()
        .workflow("wf", "w")
        .dataSource("ds", "d")
        .order("o", "order")
        .file(
            "p",
            f ->
                f.externalId("p")
                    .fileName("p.png")
                    .orderId("o")
                    .content(png)
                    .assessment(
                        "a1",
                        AssessmentKind.MACHINE,
                        T,
                        a -> a.annotation("e", "dent", polygon, 0.5))
                    .assessment(
                        "a2",
                        AssessmentKind.HUMAN,
                        T.plusSeconds(60),
                        a -> a.annotation("e", "dent", polygon, 0.9)))
        .build();
  }

  private static int changedPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
    int changed = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if ((img.getRGB(x, y) | 0xFF000000) != GREY.getRGB()) {
          changed++;
        }
      }
    }
    return changed;
  }

  @Test
  void labelsAndLegend_canBeTurnedOff() throws Exception {
    InMemoryRepository repo = twiceAssessed(600, 400, SQUARE);
    BufferedImage on = Images.read(export(repo, annotated().build()).get("p_order_1.png"));
    BufferedImage off =
        Images.read(
            export(
                    repo,
                    annotated()
                        .option(ArchiveOptions.builder().labels(false).legend(false).build())
                        .build())
                .get("p_order_1.png"));
    // The label box sits above the polygon's top-left corner; the legend bottom left.
    assertTrue(changedPixels(on, 104, 86, 130, 97) > 100, "no label drawn");
    assertTrue(changedPixels(on, 2, 385, 40, 398) > 100, "no legend drawn");
    assertEquals(0, changedPixels(off, 104, 86, 130, 97), "a label was drawn");
    assertEquals(0, changedPixels(off, 2, 385, 40, 398), "a legend was drawn");
    assertTrue(changedPixels(off, 95, 95, 305, 305) > 0, "the outline must stay");
  }

  /** On a thumbnail, text scales down with the image instead of covering it. */
  @Test
  void smallImage_labelsAndLegendLeaveMostOfThePicture() throws Exception {
    InMemoryRepository repo = twiceAssessed(64, 48, Polygon.of(30, 20, 40, 20, 40, 30));
    BufferedImage out = Images.read(export(repo, annotated().build()).get("p_order_1.png"));
    int changed = changedPixels(out, 0, 0, 64, 48);
    assertTrue(changed < 64 * 48 / 3, changed + " of " + 64 * 48 + " pixels changed");
  }

  @Test
  void png_fillTintsTheInside() throws Exception {
    InMemoryRepository repo =
        order(Map.of("p.png", Images.png(Images.solid(600, 400, GREY))), Map.of("p.png", SQUARE));
    BufferedImage out =
        Images.read(
            export(repo, annotated().option(ArchiveOptions.builder().fill(true).build()).build())
                .get("p_order_1.png"));
    assertNotEquals(GREY.getRGB(), out.getRGB(200, 200) | 0xFF000000);
    assertEquals(GREY.getRGB(), out.getRGB(550, 350) | 0xFF000000);
  }

  @Test
  void jpeg_outlineTakesTheLabelColourWithinJpegTolerance() throws Exception {
    InMemoryRepository repo =
        order(
            Map.of("j.jpg", Images.jpeg(Images.solid(1600, 1200, GREY), 0.95f)),
            Map.of("j.jpg", Polygon.of(400, 400, 1200, 400, 1200, 1000, 400, 1000)));
    BufferedImage out = Images.read(export(repo, annotated().build()).get("j_order_1.jpg"));
    Color dent = Palette.colourOf("dent");
    assertTrue(
        Images.near(out.getRGB(800, 1000), dent, 48), Images.describe(out.getRGB(800, 1000)));
    assertTrue(
        Images.near(out.getRGB(1200, 700), dent, 48), Images.describe(out.getRGB(1200, 700)));
    assertTrue(Images.near(out.getRGB(800, 700), GREY, 6), Images.describe(out.getRGB(800, 700)));
    assertTrue(
        Images.near(out.getRGB(1500, 1150), GREY, 6), Images.describe(out.getRGB(1500, 1150)));
  }

  @Test
  void polygonAtTheEdgeIsDrawnClipped() throws Exception {
    InMemoryRepository repo =
        order(
            Map.of("p.png", Images.png(Images.solid(600, 400, GREY))),
            Map.of("p.png", Polygon.of(-50, -50, 50, -50, 50, 50, -50, 50)));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    BufferedImage out = Images.read(entries(zip.toByteArray()).get("p_order_1.png"));
    assertEquals(Palette.colourOf("dent").getRGB(), out.getRGB(50, 30) | 0xFF000000);
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void polygonOutsideTheImageIsReported() throws Exception {
    InMemoryRepository repo =
        order(
            Map.of("p.png", Images.png(Images.solid(600, 400, GREY))),
            Map.of("p.png", Polygon.of(700, 500, 800, 500, 800, 600)));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals(
        List.of("polygon-outside-image"), r.warnings().stream().map(ExportWarning::code).toList());
    String manifest =
        new String(
            entries(zip.toByteArray()).get("manifest.csv"),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        manifest.contains(",ok,0,entity e of assessment a lies outside the image"), manifest);
  }

  @Test
  void degeneratePolygonIsNotDrawnAndReported() throws Exception {
    InMemoryRepository repo =
        order(
            Map.of("p.png", Images.png(Images.solid(600, 400, GREY))),
            Map.of("p.png", Polygon.of(10, 10, 200, 200)));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals("degenerate-polygon", r.warnings().get(0).code());
    BufferedImage out = Images.read(entries(zip.toByteArray()).get("p_order_1.png"));
    assertEquals(GREY.getRGB(), out.getRGB(100, 100) | 0xFF000000);
  }

  /** Displayed image: black, with a white block where the polygon is. */
  private static BufferedImage displayed() {
    BufferedImage d = Images.solid(320, 200, Color.BLACK);
    for (int y = 40; y < 120; y++) {
      for (int x = 60; x < 180; x++) {
        d.setRGB(x, y, Color.WHITE.getRGB());
      }
    }
    return d;
  }

  /**
   * The stored image whose EXIF orientation displays as {@code d}: for each displayed pixel, the
   * stored pixel it comes from, as the EXIF specification defines the eight orientations.
   */
  private static BufferedImage stored(BufferedImage d, int orientation) {
    int dw = d.getWidth();
    int dh = d.getHeight();
    boolean swap = orientation >= 5;
    int sw = swap ? dh : dw;
    int sh = swap ? dw : dh;
    BufferedImage s = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    for (int dy = 0; dy < dh; dy++) {
      for (int dx = 0; dx < dw; dx++) {
        int sx;
        int sy;
        switch (orientation) {
          case 1 -> {
            sx = dx;
            sy = dy;
          }
          case 2 -> {
            sx = sw - 1 - dx;
            sy = dy;
          }
          case 3 -> {
            sx = sw - 1 - dx;
            sy = sh - 1 - dy;
          }
          case 4 -> {
            sx = dx;
            sy = sh - 1 - dy;
          }
          case 5 -> {
            sx = dy;
            sy = dx;
          }
          case 6 -> {
            sx = dy;
            sy = sh - 1 - dx;
          }
          case 7 -> {
            sx = sw - 1 - dy;
            sy = sh - 1 - dx;
          }
          default -> {
            sx = sw - 1 - dy;
            sy = dx;
          }
        }
        s.setRGB(sx, sy, d.getRGB(dx, dy));
      }
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void exifOrientation_outlineIsWhereTheDisplayedImageHasIt(int orientation) throws Exception {
    byte[] jpeg =
        Images.withOrientation(Images.jpeg(stored(displayed(), orientation), 1.0f), orientation);
    InMemoryRepository repo =
        order(
            Map.of("r.jpg", jpeg), Map.of("r.jpg", Polygon.of(60, 40, 180, 40, 180, 120, 60, 120)));
    BufferedImage out = Images.read(export(repo, annotated().build()).get("r_order_1.jpg"));
    assertEquals(320, out.getWidth(), "displayed width");
    assertEquals(200, out.getHeight(), "displayed height");
    assertTrue(
        Images.near(out.getRGB(120, 80), Color.WHITE, 40),
        "white block inside: " + Images.describe(out.getRGB(120, 80)));
    assertTrue(
        Images.near(out.getRGB(280, 170), Color.BLACK, 40),
        "black outside: " + Images.describe(out.getRGB(280, 170)));
    assertTrue(
        Images.near(out.getRGB(250, 30), Color.BLACK, 40),
        "black outside: " + Images.describe(out.getRGB(250, 30)));
    Color dent = Palette.colourOf("dent");
    Color edge = new Color(out.getRGB(120, 120));
    assertTrue(
        Images.near(edge.getRGB(), dent, 70),
        "outline on the bottom edge: " + Images.describe(edge.getRGB()));
  }

  @Test
  void exifOrientation_isReadWithoutTheTempFolder(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    byte[] jpeg = Images.withOrientation(Images.jpeg(stored(displayed(), 6), 1.0f), 6);
    InMemoryRepository repo =
        order(
            Map.of("r.jpg", jpeg), Map.of("r.jpg", Polygon.of(60, 40, 180, 40, 180, 120, 60, 120)));
    java.io.File gone = Files.createDirectory(dir.resolve("cache")).toFile();
    java.io.File before = javax.imageio.ImageIO.getCacheDirectory();
    boolean usedCache = javax.imageio.ImageIO.getUseCache();
    // ImageIO's disk cache points at a folder that no longer exists, as a full or removed
    // temp folder does.
    javax.imageio.ImageIO.setUseCache(true);
    javax.imageio.ImageIO.setCacheDirectory(gone);
    Files.delete(gone.toPath());
    byte[] drawn;
    try {
      drawn = export(repo, annotated().build()).get("r_order_1.jpg");
    } finally {
      javax.imageio.ImageIO.setCacheDirectory(before);
      javax.imageio.ImageIO.setUseCache(usedCache);
    }
    BufferedImage out = Images.read(drawn);
    assertEquals(320, out.getWidth(), "turned as displayed");
    assertEquals(200, out.getHeight(), "turned as displayed");
  }

  @Test
  void exifOrientation_unreadableIsDrawnAsStoredWithAWarning() throws Exception {
    byte[] jpeg = Images.withOrientation(Images.jpeg(Images.solid(40, 30, Color.GRAY), 1.0f), 6);
    // Spoil the TIFF header's byte order mark (after SOI, APP1's marker and length, "Exif\0\0"):
    // the EXIF block cannot be parsed.
    jpeg[12] = 'X';
    jpeg[13] = 'X';
    InMemoryRepository repo =
        order(Map.of("r.jpg", jpeg), Map.of("r.jpg", Polygon.of(5, 5, 30, 5, 30, 20)));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals(List.of("exif-unreadable"), r.warnings().stream().map(w -> w.code()).toList());
    assertTrue(
        r.warnings().get(0).message().contains("drawn as stored"), r.warnings().get(0).message());
    BufferedImage out = Images.read(entries(zip.toByteArray()).get("r_order_1.jpg"));
    assertEquals(40, out.getWidth(), "as stored");
  }

  private static Polygon randomPolygon(java.util.Random random, int points, int w, int h) {
    double[] xy = new double[points * 2];
    for (int i = 0; i < points; i++) {
      xy[2 * i] = random.nextInt(w);
      xy[2 * i + 1] = random.nextInt(h);
    }
    return Polygon.of(xy);
  }

  @Test
  void hugePolygons_areSimplifiedAndBoundedPerImage() throws Exception {
    java.util.Random random = new java.util.Random(4);
    InMemoryRepository.Builder b =
        InMemoryRepository.builder().workflow("wf", "w").dataSource("ds", "d").order("o", "order");
    byte[] jpeg = Images.jpeg(Images.solid(64, 48, GREY), 0.9f);
    b.file(
        "r",
        f ->
            f.externalId("r")
                .fileName("r.jpg")
                .orderId("o")
                .content(jpeg)
                .assessment(
                    "a",
                    AssessmentKind.HUMAN,
                    T,
                    a -> {
                      // Eleven of the most a polygon may draw: the eleventh passes the image's
                      // limit. The first has 100,000 random points, which once took minutes.
                      a.annotation("e0", "dent", randomPolygon(random, 100_000, 64, 48), null);
                      for (int i = 1; i < 11; i++) {
                        a.annotation("e" + i, "dent", randomPolygon(random, 5_000, 64, 48), null);
                      }
                    }));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder()
            .repository(b.build())
            .build()
            .export(annotated().build(), ExportSink.of(zip));
    Map<String, String> byCode = new java.util.HashMap<>();
    r.warnings().forEach(w -> byCode.put(w.code(), w.message()));
    assertTrue(
        byCode.get("polygon-simplified").contains("100000 points, more than 5000; every 20th"),
        byCode.toString());
    assertTrue(byCode.get("polygon-limit").contains("entity e10"), byCode.toString());
    assertEquals(1, r.files(), "the image is still written");
  }

  @Test
  void cmykJpegRendersThroughTwelveMonkeys() throws Exception {
    byte[] cmyk = Images.cmykJpeg(400, 300);
    Color twelveMonkeys = new Color(Images.readWith(cmyk, "com.twelvemonkeys.").getRGB(200, 280));
    InMemoryRepository repo =
        order(Map.of("c.jpg", cmyk), Map.of("c.jpg", Polygon.of(50, 50, 350, 50, 350, 250)));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    // The decoder's own note on a CMYK JPEG without a profile is passed on, and nothing else.
    assertEquals(List.of("image-warning"), r.warnings().stream().map(w -> w.code()).toList());
    assertTrue(r.warnings().get(0).message().contains("No embedded ICC"), r.warnings().toString());
    BufferedImage out = Images.read(entries(zip.toByteArray()).get("c_order_1.jpg"));
    assertEquals(400, out.getWidth());
    assertTrue(
        Images.near(out.getRGB(200, 280), twelveMonkeys, 8),
        "colours as TwelveMonkeys converts CMYK: "
            + Images.describe(out.getRGB(200, 280))
            + " vs "
            + Images.describe(twelveMonkeys.getRGB()));
    BufferedImage jdk = Images.readWith(cmyk, "com.sun.");
    if (jdk.getType() != BufferedImage.TYPE_CUSTOM) {
      assertTrue(
          !Images.near(out.getRGB(200, 280), new Color(jdk.getRGB(200, 280)), 8),
          "not as the JDK's reader decodes it");
    }
  }

  @Test
  void declaredHugeImageIsSkippedAndTheExportFinishes() throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    contents.put("bomb.png", Images.pngClaiming(100_000, 100_000));
    contents.put("ok.png", Images.png(Images.solid(600, 400, GREY)));
    InMemoryRepository repo = order(contents, Map.of("bomb.png", SQUARE, "ok.png", SQUARE));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals(1, r.files());
    assertEquals("image-skipped", r.warnings().get(0).code());
    assertTrue(
        r.warnings()
            .get(0)
            .message()
            .contains("100000 × 100000 = 10000000000 pixels, more than the limit of 100000000"),
        r.warnings().toString());
    Map<String, byte[]> entries = entries(zip.toByteArray());
    assertEquals(List.of("ok_order_1.png", "manifest.csv"), List.copyOf(entries.keySet()));
    String manifest =
        new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        manifest.contains(
            "bomb_order_1.png,bomb,bomb,bomb.png,,,,\"skipped: the image declares 100000 × 100000"),
        manifest);
  }

  @Test
  void truncatedJpegIsSkippedNotDrawnOnGrey() throws Exception {
    byte[] whole = Images.jpeg(Images.solid(600, 400, Color.RED), 0.9f);
    Map<String, byte[]> contents = new LinkedHashMap<>();
    // Cut in the middle of the scan: the decoder would fill the lower part with grey.
    contents.put("cut.jpg", java.util.Arrays.copyOf(whole, whole.length * 6 / 10));
    // Only the end-of-image marker is missing: every pixel is there.
    contents.put("noeoi.jpg", java.util.Arrays.copyOf(whole, whole.length - 2));
    InMemoryRepository repo = order(contents, Map.of("cut.jpg", SQUARE, "noeoi.jpg", SQUARE));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals(1, r.files());
    assertEquals(1, r.filesSkipped());
    Map<String, String> byCode = new java.util.HashMap<>();
    r.warnings().forEach(w -> byCode.put(w.code(), w.message()));
    assertTrue(byCode.get("image-skipped").contains("the image is truncated"), byCode.toString());
    assertTrue(byCode.get("image-warning").contains("Missing EOI"), byCode.toString());
    Map<String, byte[]> entries = entries(zip.toByteArray());
    assertEquals(List.of("noeoi_order_1.jpg", "manifest.csv"), List.copyOf(entries.keySet()));
    String manifest =
        new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(manifest.contains("\"skipped: the image is truncated"), manifest);
  }

  @Test
  void undecodableFileIsSkippedWithItsReason() throws Exception {
    InMemoryRepository repo =
        order(Map.of("x.jpg", "not an image".getBytes()), Map.of("x.jpg", SQUARE));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ExportResult r =
        Exporter.builder().repository(repo).build().export(annotated().build(), ExportSink.of(zip));
    assertEquals(0, r.files());
    assertTrue(
        r.warnings().get(0).message().contains("not an image this export can decode"),
        r.warnings().toString());
    assertThrows(
        ExportException.class,
        () ->
            Exporter.builder()
                .repository(repo)
                .build()
                .export(
                    annotated().strict(true).build(), ExportSink.of(new ByteArrayOutputStream())));
  }

  @Test
  void fileNeverAssessedIsPackedAsItIs() throws Exception {
    byte[] png = Images.png(Images.solid(60, 40, GREY));
    Map<String, byte[]> entries =
        export(order(Map.of("n.png", png), Map.of()), annotated().build());
    assertArrayEquals(png, entries.get("n_order_1.png"));
  }

  @Test
  void maxLongEdgeSubsamplesAndScalesThePolygons() throws Exception {
    InMemoryRepository repo =
        order(
            Map.of("b.png", Images.png(Images.solid(1200, 800, GREY))),
            Map.of("b.png", Polygon.of(400, 400, 800, 400, 800, 600, 400, 600)));
    BufferedImage out =
        Images.read(
            export(
                    repo,
                    annotated().option(ArchiveOptions.builder().maxLongEdge(300).build()).build())
                .get("b_order_1.png"));
    assertEquals(300, out.getWidth());
    assertEquals(200, out.getHeight());
    assertEquals(
        Palette.colourOf("dent").getRGB(),
        out.getRGB(150, 150) | 0xFF000000,
        Images.describe(out.getRGB(150, 150)));
    assertEquals(GREY.getRGB(), out.getRGB(150, 125) | 0xFF000000);
  }

  @Test
  void allScopeDrawsALegendAndLatestDoesNot() throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .order("o", "order")
            .file(
                "f",
                f ->
                    f.externalId("f")
                        .fileName("f.png")
                        .orderId("o")
                        .content(uncheckedPng(Images.solid(600, 400, GREY)))
                        .assessment(
                            "1",
                            AssessmentKind.MACHINE,
                            T,
                            a -> a.annotation("e", "dent", SQUARE, 0.5))
                        .assessment(
                            "2",
                            AssessmentKind.HUMAN,
                            T.plusSeconds(60),
                            a -> a.annotation("e", "dent", SQUARE, 1.0)))
            .build();
    BufferedImage all = Images.read(export(repo, annotated().build()).get("f_order_1.png"));
    BufferedImage latest =
        Images.read(
            export(repo, annotated().scope(AssessmentScope.LATEST).build()).get("f_order_1.png"));
    assertNotEquals(GREY.getRGB(), all.getRGB(2, 398) | 0xFF000000, "legend, bottom left");
    assertEquals(GREY.getRGB(), latest.getRGB(2, 398) | 0xFF000000, "no legend for one assessment");
  }

  private static byte[] uncheckedPng(BufferedImage img) {
    try {
      return Images.png(img);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sameBytesOnOneThreadAndOnFour() throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, Polygon> polygons = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      BufferedImage img = Images.solid(320 + 16 * i, 240, new Color(20 * i % 255, 90, 140));
      contents.put(
          "i" + i + (i % 3 == 0 ? ".png" : ".jpg"),
          i % 3 == 0 ? Images.png(img) : Images.jpeg(img, 0.8f));
      polygons.put(
          "i" + i + (i % 3 == 0 ? ".png" : ".jpg"), Polygon.of(10 + i, 10, 200, 30 + i, 120, 200));
    }
    InMemoryRepository repo = order(contents, polygons);
    Exporter exporter = Exporter.builder().repository(repo).build();
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    ByteArrayOutputStream four = new ByteArrayOutputStream();
    exporter.export(
        annotated().option(ArchiveOptions.builder().threads(1).build()).build(),
        ExportSink.of(one));
    exporter.export(
        annotated().option(ArchiveOptions.builder().threads(4).build()).build(),
        ExportSink.of(four));
    assertArrayEquals(one.toByteArray(), four.toByteArray());
    assertEquals(13, entries(one.toByteArray()).size());
    assertEquals(0, repo.openStreams());
  }

  @Test
  void repositoryFailureMidwayClosesEverythingAndLeavesNoFile(@TempDir Path dir) throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      contents.put("i" + i + ".png", Images.png(Images.solid(64, 48, GREY)));
    }
    InMemoryRepository repo = order(contents, Map.of("i0.png", Polygon.of(1, 1, 30, 1, 30, 30)));
    AssessmentRepository failing =
        new AssessmentRepository() {
          @Override
          public Stream<AssessedFile> assessedFiles(FileQuery query) {
            Stream<AssessedFile> s = repo.assessedFiles(query);
            int[] n = {0};
            return s.peek(
                f -> {
                  if (++n[0] == 12) {
                    throw new IllegalStateException("connection lost");
                  }
                });
          }

          @Override
          public Stream<MediaFile> files(FileQuery query) {
            return repo.files(query);
          }
        };
    Path target = dir.resolve("a.zip");
    ExportException e =
        assertThrows(
            ExportException.class,
            () ->
                Exporter.builder()
                    .workflows(repo)
                    .assessments(failing)
                    .media(repo)
                    .build()
                    .export(annotated().build(), ExportSink.of(target)));
    assertTrue(e.getMessage().contains("connection lost"), e.getMessage());
    assertEquals(0, repo.openStreams());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void cancelMidwayClosesEverythingAndLeavesNoFile(@TempDir Path dir) throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, Polygon> polygons = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      contents.put("i" + i + ".png", Images.png(Images.solid(200, 150, GREY)));
      polygons.put("i" + i + ".png", Polygon.of(10, 10, 100, 10, 100, 100));
    }
    InMemoryRepository repo = order(contents, polygons);
    dev.assessment.export.core.ExportJob[] job = new dev.assessment.export.core.ExportJob[1];
    java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
    Consumer<Long> cancelAt =
        files -> {
          if (files == 5) {
            job[0].cancel();
          }
        };
    job[0] =
        Exporter.builder()
            .repository(repo)
            .build()
            .submit(
                annotated().build(),
                ExportSink.of(dir.resolve("a.zip")),
                p -> {
                  try {
                    submitted.await();
                  } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                  }
                  cancelAt.accept(p.files());
                });
    submitted.countDown();
    assertThrows(
        java.util.concurrent.CancellationException.class, () -> job[0].completion().join());
    assertEquals(0, repo.openStreams());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
