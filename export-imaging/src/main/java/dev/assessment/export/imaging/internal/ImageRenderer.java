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

import dev.assessment.export.core.layout.CsvText;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.imaging.JpegCodec;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an image, turns it as displayed, draws the selected assessments' annotations on it, and
 * encodes it again (JPEG stays JPEG, anything else becomes PNG). Each call works on its own
 * decoder, image and encoder, so calls may run on several threads at once; the output depends only
 * on the input.
 */
public final class ImageRenderer {
  /** Dash patterns, in stroke widths, per assessment: the most recent is solid. */
  private static final float[][] DASHES = {null, {4, 2}, {1, 1.5f}, {6, 2, 1, 2}, {2, 4}};

  private static final String[] STYLE_NAMES = {"solid", "dashed", "dotted", "dash-dot", "sparse"};

  private final ArchiveOptions options;
  private final MemoryBudget budget;
  private final @Nullable JpegCodec codec;

  /**
   * Creates a renderer for one export, with this JVM's JPEG codec.
   *
   * @param options the archive options
   */
  public ImageRenderer(ArchiveOptions options) {
    this(options, MemoryBudget.HEAP, JpegCodecs.selected());
  }

  /**
   * Creates a renderer that admits images against a budget of its own.
   *
   * @param options the archive's options
   * @param budget the memory images being drawn may hold at once
   * @param codec the JPEG codec, or {@code null} for ImageIO's
   */
  public ImageRenderer(ArchiveOptions options, MemoryBudget budget, @Nullable JpegCodec codec) {
    this.options = options;
    this.budget = budget;
    this.codec = codec;
  }

  /**
   * Returns the name of the JPEG codec this renderer runs, as part markers record it.
   *
   * @return the codec's name
   */
  public String codecId() {
    return JpegCodecs.id(codec);
  }

  /**
   * Renders one file.
   *
   * @param file the file
   * @param content its original content
   * @param assessments the assessments to draw, oldest first
   * @return the outcome; the caller closes it
   */
  public Rendered render(MediaFile file, Fetched content, List<Assessment> assessments) {
    boolean anything =
        assessments.stream()
            .flatMap(a -> a.entities().stream())
            .anyMatch(e -> e.location() != null);
    if (!anything && options.maxLongEdge() == 0) {
      return new Rendered(
          null, null, null, 0, "nothing to draw: the original is packed as it is", List.of());
    }
    try {
      return decodeDrawEncode(file, content, assessments);
    } catch (OutOfMemoryError e) {
      // Other exports or the host took the heap: this image is skipped, the export goes on.
      return Rendered.skipped(
          "the heap ran out while drawing it (" + e.getMessage() + "); give the JVM more heap");
    } catch (Spool.SpillFailure e) {
      // The temp folder failed, not the image: the export fails.
      throw new java.io.UncheckedIOException(e);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Rendered.skipped("image could not be decoded: " + oneLine(message));
    }
  }

  /**
   * Bytes drawing one decoded pixel may hold: the decoded image, the copy drawn on when it is
   * turned or converted, and the encoder's buffers.
   */
  static final int BYTES_PER_PIXEL = 8;

  private Rendered decodeDrawEncode(MediaFile file, Fetched content, List<Assessment> assessments)
      throws IOException {
    long[] held = {0};
    try {
      return decodeDrawEncode(file, content, assessments, held);
    } finally {
      if (held[0] > 0) {
        budget.release(held[0]);
      }
    }
  }

  private Rendered decodeDrawEncode(
      MediaFile file, Fetched content, List<Assessment> assessments, long[] held)
      throws IOException {
    BufferedImage image;
    boolean jpeg;
    int storedWidth;
    int storedHeight;
    int orientation;
    List<String> decoderWarnings = new ArrayList<>();
    try (ImageInputStream in = content.spool().imageInput()) {
      ImageReader reader = reader(in);
      if (reader == null) {
        return Rendered.skipped("not an image this export can decode (format not recognised)");
      }
      try {
        reader.setInput(in, true, true);
        storedWidth = reader.getWidth(0);
        storedHeight = reader.getHeight(0);
        long pixels = (long) storedWidth * storedHeight;
        if (pixels > options.maxPixels()) {
          return Rendered.skipped(
              "the image declares "
                  + storedWidth
                  + " × "
                  + storedHeight
                  + " = "
                  + pixels
                  + " pixels, more than the limit of "
                  + options.maxPixels()
                  + " (raise ArchiveOptions.maxPixels to render it)");
        }
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        jpeg = format.equals("jpeg") || format.equals("jpg");
        // The codec takes the JPEGs whose colours need no conversion; ImageIO the rest.
        JpegCodec decoder = codec != null && jpeg && plainColours(reader) ? codec : null;
        int longEdge = Math.max(storedWidth, storedHeight);
        int step =
            options.maxLongEdge() > 0 && longEdge > options.maxLongEdge()
                ? (longEdge + options.maxLongEdge() - 1) / options.maxLongEdge()
                : 1;
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        // The codec decodes at a power-of-two scale at most the step, so possibly larger than the
        // step's size before it scales down: the budget counts the larger.
        int decodeStep = decoder != null ? dctScale(step) : step;
        long decodedPixels =
            (long) ((storedWidth + decodeStep - 1) / decodeStep)
                * ((storedHeight + decodeStep - 1) / decodeStep);
        long need = decodedPixels * BYTES_PER_PIXEL;
        if (need > budget.total()) {
          return Rendered.skipped(
              "drawing it needs about "
                  + ((need + (1 << 20) - 1) >> 20)
                  + " MiB, more than the "
                  + (budget.total() >> 20)
                  + " MiB (three quarters of the heap) images may take (give the JVM more heap, or set"
                  + " ArchiveOptions.maxLongEdge to draw it smaller)");
        }
        try {
          budget.acquire(need);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for memory");
        }
        held[0] = need;
        reader.addIIOReadWarningListener(
            (source, warning) -> {
              if (!decoderWarnings.contains(warning)) {
                decoderWarnings.add(warning);
              }
            });
        image =
            decoder == null
                ? null
                : decodeWithCodec(decoder, content.spool(), storedWidth, storedHeight, step);
        if (image == null) {
          image = reader.read(0, param);
        }
      } finally {
        reader.dispose();
      }
    }
    for (String w : decoderWarnings) {
      if (w.toLowerCase(Locale.ROOT).contains("premature end")) {
        // The decoder filled the missing rest with grey: drawing on it would pass a broken photo
        // for a good one.
        return Rendered.skipped(
            "the image is truncated, its lower part is missing (the decoder said: "
                + oneLine(String.join("; ", decoderWarnings))
                + ")");
      }
    }
    orientation = 1;
    String unreadableExif = null;
    if (jpeg) {
      try (InputStream raw = content.spool().open()) {
        orientation = Orientation.read(raw);
      } catch (IOException e) {
        unreadableExif = oneLine(String.valueOf(e.getMessage()));
      }
    }
    image = Orientation.apply(image, orientation);
    image = drawable(image, jpeg);
    int displayedWidth = Orientation.swapsAxes(orientation) ? storedHeight : storedWidth;
    double scale = image.getWidth() / (double) displayedWidth;
    Drawing drawing = draw(file, image, scale, assessments);
    if (!decoderWarnings.isEmpty()) {
      drawing
          .warnings()
          .add(
              new Rendered.Warning(
                  "image-warning",
                  "file "
                      + file.id()
                      + ": the decoder reported "
                      + oneLine(String.join("; ", decoderWarnings))
                      + "; the image was drawn as decoded"));
    }
    if (unreadableExif != null) {
      drawing
          .warnings()
          .add(
              new Rendered.Warning(
                  "exif-unreadable",
                  "file "
                      + file.id()
                      + ": its EXIF orientation could not be read ("
                      + unreadableExif
                      + "); it was drawn as stored, so if a viewer would turn it, the polygons"
                      + " are not where the viewer shows the photo"));
    }
    return encode(image, jpeg, drawing);
  }

  /**
   * Tells whether a JPEG's colours need no conversion: sRGB or grey. One with an ICC profile
   * TwelveMonkeys' reader converts from (Adobe RGB, Display P3, or an sRGB profile it does not
   * recognise as the built-in one) is left to it, so that both codecs draw the same colours.
   */
  private static boolean plainColours(ImageReader reader) throws IOException {
    javax.imageio.ImageTypeSpecifier raw = reader.getRawImageType(0);
    if (raw == null) {
      return false;
    }
    java.awt.color.ColorSpace space = raw.getColorModel().getColorSpace();
    return space.isCS_sRGB()
        || space == java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY);
  }

  /**
   * Decodes a JPEG with the codec: scaled in the DCT by the largest of 8, 4 and 2 that the step
   * allows, then to the step's size when the step is not one of them.
   *
   * @return the image as ImageIO's subsampling by {@code step} sizes it, or {@code null} when the
   *     codec leaves the file to ImageIO
   */
  private static @Nullable BufferedImage decodeWithCodec(
      JpegCodec codec, Spool spool, int width, int height, int step) throws IOException {
    // The codec takes the whole file in memory, which the image budget does not count: a file
    // far larger than its pixels (data after the image, say) is left to ImageIO, which streams.
    long pixelBytes = 3L * width * height;
    if (spool.size() > Math.min(Integer.MAX_VALUE - 16, 2 * pixelBytes + (1 << 20))) {
      return null;
    }
    byte[] jpeg;
    try (InputStream in = spool.open()) {
      jpeg = in.readAllBytes();
    }
    int scale = dctScale(step);
    BufferedImage image = codec.decode(jpeg, scale);
    if (image == null || scale == step) {
      return image;
    }
    int targetWidth = (width + step - 1) / step;
    int targetHeight = (height + step - 1) / step;
    BufferedImage scaled =
        new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, targetWidth, targetHeight, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  /** The largest of 8, 4, 2 and 1 not above a subsampling step: the codec's DCT scale. */
  static int dctScale(int step) {
    return step >= 8 ? 8 : step >= 4 ? 4 : step >= 2 ? 2 : 1;
  }

  /** Returns TwelveMonkeys' reader for JPEGs, so that CMYK and bad ICC profiles decode. */
  static @Nullable ImageReader reader(@Nullable ImageInputStream in) {
    if (in == null) {
      return null;
    }
    ImageReader first = null;
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (r.getClass().getName().startsWith("com.twelvemonkeys.")) {
        if (first != null) {
          first.dispose();
        }
        return r;
      }
      if (first == null) {
        first = r;
      } else {
        r.dispose();
      }
    }
    return first;
  }

  /** Returns an image that can hold colours: RGB for JPEG output, ARGB when there is alpha. */
  private static BufferedImage drawable(BufferedImage image, boolean jpeg) {
    int type = image.getType();
    boolean alpha = image.getColorModel().hasAlpha() && !jpeg;
    boolean ok =
        alpha
            ? type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR
            : type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_INT_BGR;
    if (ok) {
      return image;
    }
    BufferedImage copy =
        new BufferedImage(
            image.getWidth(),
            image.getHeight(),
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return copy;
  }

  /** What was drawn on an image. */
  private record Drawing(int drawn, String notes, List<Rendered.Warning> warnings) {}

  private Drawing draw(
      MediaFile file, BufferedImage image, double scale, List<Assessment> assessments) {
    int w = image.getWidth();
    int h = image.getHeight();
    int longEdge = Math.max(w, h);
    // Outlines and text scale with the image; on small images (thumbnails) the floor shrinks
    // too, so that a label or the legend does not cover the picture.
    float stroke = Math.max(Math.min(2f, Math.max(1f, longEdge / 100f)), longEdge / 400f);
    int fontSize =
        Math.max(Math.min(12, Math.max(6, Math.round(longEdge / 10f))), Math.round(longEdge / 60f));
    Graphics2D g = image.createGraphics();
    int drawn = 0;
    long pointsDrawn = 0;
    boolean limitReached = false;
    List<String> notes = new ArrayList<>();
    List<Rendered.Warning> warnings = new ArrayList<>();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
      int n = assessments.size();
      List<String> legend = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Assessment a = assessments.get(i);
        int style = (n - 1 - i) % DASHES.length;
        Stroke line = stroke(stroke, style);
        if (n > 1) {
          legend.add(
              STYLE_NAMES[style]
                  + ": "
                  + a.kind().name().toLowerCase(Locale.ROOT)
                  + (a.step() == null ? "" : " " + a.step())
                  + (a.assessor() == null ? "" : " (" + a.assessor() + ")")
                  + " "
                  + CsvText.instant(a.assessedAt()));
        }
        for (Entity e : a.entities()) {
          Polygon p = e.location();
          if (p == null) {
            continue;
          }
          String problem = problem(p);
          if (problem != null) {
            warnings.add(
                new Rendered.Warning(
                    problem.startsWith("a non-finite")
                        ? "non-finite-polygon"
                        : "degenerate-polygon",
                    where(file, a, e) + ": the location has " + problem + "; not drawn"));
            notes.add("entity " + e.id() + " of assessment " + a.id() + " not drawn: " + problem);
            continue;
          }
          if (Thread.currentThread().isInterrupted()) {
            // The export was cancelled or failed: stop drawing, whatever is left.
            throw new java.util.concurrent.CancellationException("drawing was interrupted");
          }
          List<Polygon.Point> points = p.points();
          if (limitReached
              || pointsDrawn + Math.min(points.size(), MAX_POINTS_PER_POLYGON)
                  > MAX_POINTS_PER_IMAGE) {
            limitReached = true;
            warnings.add(
                new Rendered.Warning(
                    "polygon-limit",
                    where(file, a, e)
                        + ": the image's polygons have more than "
                        + MAX_POINTS_PER_IMAGE
                        + " points in all; this one and any after it were not drawn"));
            notes.add("entity " + e.id() + " of assessment " + a.id() + " not drawn: point limit");
            continue;
          }
          int step = (points.size() + MAX_POINTS_PER_POLYGON - 1) / MAX_POINTS_PER_POLYGON;
          if (step > 1) {
            warnings.add(
                new Rendered.Warning(
                    "polygon-simplified",
                    where(file, a, e)
                        + ": the location has "
                        + points.size()
                        + " points, more than "
                        + MAX_POINTS_PER_POLYGON
                        + "; every "
                        + step
                        + "th point was drawn (the CSV layouts keep them all)"));
          }
          Path2D.Double path = new Path2D.Double();
          path.moveTo(points.get(0).x() * scale, points.get(0).y() * scale);
          int count = 1;
          for (int k = step; k < points.size(); k += step) {
            path.lineTo(points.get(k).x() * scale, points.get(k).y() * scale);
            count++;
          }
          path.closePath();
          pointsDrawn += count;
          Rectangle2D bounds = path.getBounds2D();
          if (bounds.getMaxX() < 0
              || bounds.getMaxY() < 0
              || bounds.getMinX() > w
              || bounds.getMinY() > h) {
            warnings.add(
                new Rendered.Warning(
                    "polygon-outside-image",
                    where(file, a, e)
                        + ": the location lies wholly outside the image; nothing of it shows"));
            notes.add("entity " + e.id() + " of assessment " + a.id() + " lies outside the image");
            continue;
          }
          Color colour = Palette.colourOf(e.label());
          if (options.fill()) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
            g.setColor(colour);
            g.fill(path);
            g.setComposite(AlphaComposite.SrcOver);
          }
          g.setColor(colour);
          g.setStroke(line);
          g.draw(path);
          if (options.labels()) {
            caption(g, e, colour, bounds, w, h);
          }
          drawn++;
        }
      }
      if (options.legend() && !legend.isEmpty()) {
        legend(g, legend, w, h, stroke);
      }
    } finally {
      g.dispose();
    }
    return new Drawing(drawn, String.join("; ", notes), warnings);
  }

  /** Names an entity in a warning: its file, assessment and id. */
  private static String where(MediaFile file, Assessment a, Entity e) {
    return "file " + file.id() + ", assessment " + a.id() + ", entity " + e.id();
  }

  /** Points drawn of one polygon at most: beyond, every k-th point is drawn. */
  static final int MAX_POINTS_PER_POLYGON = 5_000;

  /** Points drawn on one image at most: beyond, further polygons are not drawn. */
  static final int MAX_POINTS_PER_IMAGE = 50_000;

  private static @Nullable String problem(Polygon p) {
    if (!p.isFinite()) {
      return "a non-finite coordinate";
    }
    if (p.points().size() < 3) {
      return p.points().isEmpty()
          ? "an empty polygon"
          : "fewer than three points (" + p.points().size() + ")";
    }
    return null;
  }

  private static Stroke stroke(float width, int style) {
    float[] dash = DASHES[style];
    if (dash == null) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float[] scaled = new float[dash.length];
    for (int i = 0; i < dash.length; i++) {
      scaled[i] = dash[i] * width * 2;
    }
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
  }

  /** Draws the label and the location's confidence in a box kept inside the frame. */
  private static void caption(
      Graphics2D g, Entity e, Color colour, Rectangle2D bounds, int w, int h) {
    String text =
        (e.label() == null ? "" : e.label())
            + (e.locationConfidence() == null
                ? ""
                : (e.label() == null ? "" : " ")
                    + String.format(Locale.ROOT, "%.2f", e.locationConfidence()));
    if (text.isEmpty()) {
      return;
    }
    FontMetrics m = g.getFontMetrics();
    int pad = Math.max(2, m.getHeight() / 6);
    int boxW = m.stringWidth(text) + 2 * pad;
    int boxH = m.getHeight() + 2 * pad;
    int x = (int) Math.round(bounds.getMinX());
    int y = (int) Math.round(bounds.getMinY()) - boxH;
    if (y < 0) {
      y = (int) Math.round(bounds.getMinY());
    }
    x = Math.max(0, Math.min(x, w - boxW));
    y = Math.max(0, Math.min(y, h - boxH));
    g.setStroke(new BasicStroke(1f));
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(x, y, boxW, boxH);
    g.setColor(colour);
    g.fillRect(x, y, Math.max(2, pad), boxH);
    g.setColor(Color.WHITE);
    g.drawString(text, x + pad + Math.max(2, pad) / 2, y + pad + m.getAscent());
  }

  /** Draws which line style is which assessment, bottom left. */
  private static void legend(Graphics2D g, List<String> lines, int w, int h, float stroke) {
    Font font = g.getFont();
    g.setFont(
        font.deriveFont(
            Font.PLAIN, Math.max(Math.min(11f, font.getSize2D()), font.getSize2D() * 0.8f)));
    FontMetrics m = g.getFontMetrics();
    int pad = Math.max(1, m.getHeight() / 4);
    int sample = m.getHeight() * 2;
    int textW = 0;
    for (String l : lines) {
      textW = Math.max(textW, m.stringWidth(l));
    }
    int boxW = Math.min(w, sample + textW + 3 * pad);
    int boxH = Math.min(h, lines.size() * m.getHeight() + 2 * pad);
    if ((long) boxW * boxH > (long) w * h / 4) {
      // On a thumbnail the legend would hide the picture: it is left out (docs/formats.md).
      g.setFont(font);
      return;
    }
    int x = 0;
    int y = h - boxH;
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(x, y, boxW, boxH);
    for (int i = 0; i < lines.size(); i++) {
      int baseline = y + pad + i * m.getHeight() + m.getAscent();
      int mid = baseline - m.getAscent() / 2;
      int style = lines.get(i).startsWith("solid") ? 0 : styleOf(lines.get(i));
      g.setColor(Color.WHITE);
      g.setStroke(stroke(Math.max(1.5f, stroke / 2), style));
      g.drawLine(x + pad, mid, x + pad + sample, mid);
      g.drawString(
          lines.get(i).substring(lines.get(i).indexOf(": ") + 2), x + 2 * pad + sample, baseline);
    }
    g.setFont(font);
  }

  private static int styleOf(String line) {
    for (int i = 0; i < STYLE_NAMES.length; i++) {
      if (line.startsWith(STYLE_NAMES[i] + ":")) {
        return i;
      }
    }
    return 0;
  }

  private Rendered encode(BufferedImage image, boolean jpeg, Drawing drawing) throws IOException {
    JpegCodec jpegCodec = jpeg ? codec : null;
    if (jpegCodec != null) {
      return encoded("jpg", drawing, out -> jpegCodec.encode(image, options.jpegQuality(), out));
    }
    return encoded(
        jpeg ? "jpg" : "png",
        drawing,
        out -> {
          try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
            try {
              writer.setOutput(ios);
              ImageWriteParam param = writer.getDefaultWriteParam();
              if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.jpegQuality());
              }
              writer.write(null, new IIOImage(image, null, null), param);
            } finally {
              writer.dispose();
            }
          }
        });
  }

  /** Writes an encoded image. */
  private interface Encoder {
    void write(OutputStream out) throws IOException;
  }

  /** Encodes into a spool, with the CRC and digest the archive needs. */
  private static Rendered encoded(String suffix, Drawing drawing, Encoder encoder)
      throws IOException {
    Spool spool = new Spool(Fetched.MEMORY_PER_FILE);
    CRC32 crc = new CRC32();
    MessageDigest sha = Fetched.newDigest();
    try (OutputStream out =
        new DigestOutputStream(new CheckedOutputStream(spool, crc), sha) {
          @Override
          public void close() throws IOException {
            flush();
          }
        }) {
      encoder.write(out);
    } catch (IOException | RuntimeException e) {
      spool.close();
      throw e;
    }
    spool.finishWriting();
    return new Rendered(
        Fetched.ok(spool, crc.getValue(), sha.digest()),
        suffix,
        null,
        drawing.drawn(),
        drawing.notes(),
        drawing.warnings());
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
