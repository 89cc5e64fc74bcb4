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
package dev.assessment.export.datasets.internal;

import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.datasets.DatasetLayouts;
import dev.assessment.export.datasets.DatasetOptions;
import dev.assessment.export.imaging.ImageSize;
import dev.assessment.export.imaging.MediaArchive;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.Polygon;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code yolo-seg} layout: an Ultralytics YOLO segmentation dataset in a ZIP. For each image,
 * {@code images/train/<entry name>} and {@code labels/train/<entry base>.txt} with one line per
 * polygon, {@code <class> x1 y1 x2 y2 …}, coordinates clipped to the image and divided by its
 * displayed width and height, 6 significant digits; then {@code data.yaml} with the class names.
 */
public final class YoloSegLayoutProvider extends DatasetLayout {
  private static final MathContext DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public YoloSegLayoutProvider() {
    super(
        DatasetLayouts.YOLO_SEG,
        "its class ids are the labels of the whole export in order, which a shard cannot know");
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    Map<String, Integer> classes = Annotations.labels(context, 0);
    boolean images = DatasetOptions.of(context.request()).images();
    try (MediaArchive archive = MediaArchive.open(context, out);
        Stream<AssessedFile> files = context.assessedFiles()) {
      archive.forEach(
          files,
          media -> {
            ImageSize size = media.failure().isPresent() ? null : media.imageSize().orElse(null);
            if (Annotations.leftOut(context, media, size) || size == null) {
              return;
            }
            String name = media.entryName();
            if (images) {
              media.pack("images/train/" + name);
            }
            int[] lines = {0};
            archive.add(
                "labels/train/" + name.substring(0, name.lastIndexOf('.')) + ".txt",
                o -> {
                  Writer w = new OutputStreamWriter(o, StandardCharsets.US_ASCII);
                  lines[0] = labels(context, media.file(), size, classes, w);
                  w.flush();
                });
            context.fileWritten(media.file().assessments().size(), 1 + lines[0]);
          });
      archive.add(
          "data.yaml",
          o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            w.write(
                "# Ultralytics YOLO segmentation dataset of workflow "
                    + quoted(context.workflow().id())
                    + ", exported by Assessment Export\n");
            w.write("path: .\ntrain: images/train\nval: images/train\n");
            w.write("nc: " + classes.size() + "\nnames:\n");
            for (Map.Entry<String, Integer> c : classes.entrySet()) {
              w.write("  " + c.getValue() + ": " + quoted(c.getKey()) + "\n");
            }
            w.flush();
          });
      archive.finish();
    }
  }

  /** Writes one file's label lines and returns their number. */
  private static int labels(
      ExportContext context,
      AssessedFile file,
      ImageSize size,
      Map<String, Integer> classes,
      Writer w)
      throws IOException {
    int lines = 0;
    for (Assessment assessment : file.assessments()) {
      for (Entity e : assessment.entities()) {
        String problem = Annotations.problem(e);
        if (problem != null) {
          Annotations.leftOut(
              context, file, assessment, e, problem, "it is left out of the labels");
          continue;
        }
        // problem(e) == null: the entity has a label and a location.
        String label = Objects.requireNonNull(e.label());
        List<Polygon.Point> clipped =
            Geometry.clip(
                Objects.requireNonNull(e.location()).points(), size.width(), size.height());
        if (clipped.size() < 3 || Geometry.area(clipped) == 0) {
          context.warn(
              "polygon-outside-image",
              "polygon-outside-image",
              file.file().id(),
              "file "
                  + file.file().id()
                  + ", assessment "
                  + assessment.id()
                  + ", entity "
                  + e.id()
                  + ": the location lies outside the image; it is left out of the"
                  + " labels");
          continue;
        }
        StringBuilder line =
            new StringBuilder().append(Objects.requireNonNull(classes.get(label), label));
        for (Polygon.Point p : clipped) {
          line.append(' ')
              .append(normalised(p.x() / size.width()))
              .append(' ')
              .append(normalised(p.y() / size.height()));
        }
        w.write(line.append('\n').toString());
        lines++;
      }
    }
    return lines;
  }

  /** A coordinate in [0, 1] with 6 significant digits, without exponent or trailing zeros. */
  static String normalised(double v) {
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
  }

  /** A YAML double-quoted scalar: JSON's string syntax, which YAML 1.2 reads the same. */
  private static String quoted(String text) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = Json.generator(s)) {
      g.writeString(text);
    }
    return s.toString();
  }
}
