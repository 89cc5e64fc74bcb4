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

import dev.assessment.export.core.layout.CsvText;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.datasets.DatasetLayouts;
import dev.assessment.export.datasets.DatasetOptions;
import dev.assessment.export.imaging.ImageSize;
import dev.assessment.export.imaging.MediaArchive;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code coco} layout: a COCO 1.0 instances dataset in a ZIP, the images under {@code images/}
 * named as the files layout names them, then {@code annotations/instances.json}.
 *
 * <p>Streaming: one pass over the files reads the labels (the categories come first in the
 * document), a second packs the images and writes the {@code images} array straight into the
 * document while the {@code annotations} array goes to a temporary file, copied in after it. Memory
 * holds the labels, never the images or annotations.
 */
public final class CocoLayoutProvider extends DatasetLayout {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CocoLayoutProvider() {
    super(
        DatasetLayouts.COCO,
        "instances.json is one document whose image and annotation ids run over the whole"
            + " export");
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    Map<String, Integer> categories = Annotations.labels(context, 1);
    boolean images = DatasetOptions.of(context.request()).images();
    Path annotations = Files.createTempFile("assessment-export-coco-", ".json");
    try (MediaArchive archive = MediaArchive.open(context, out);
        Stream<AssessedFile> files = context.assessedFiles()) {
      archive.add(
          "annotations/instances.json",
          json -> {
            try (JsonGenerator g = Json.generator(json)) {
              g.writeStartObject();
              g.writeName("info");
              g.writeStartObject();
              g.writeStringProperty("description", context.workflow().name());
              g.writeStringProperty("workflow_id", context.workflow().id());
              g.writeStringProperty("version", "1.0");
              g.writeEndObject();
              g.writeName("licenses");
              g.writeStartArray();
              g.writeEndArray();
              g.writeName("categories");
              g.writeStartArray();
              for (Map.Entry<String, Integer> c : categories.entrySet()) {
                g.writeStartObject();
                g.writeNumberProperty("id", c.getValue());
                g.writeStringProperty("name", c.getKey());
                g.writeStringProperty("supercategory", context.workflow().name());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeName("images");
              g.writeStartArray();
              try (JsonGenerator a =
                  Json.generator(Files.newBufferedWriter(annotations, StandardCharsets.UTF_8))) {
                a.writeStartArray();
                long[] ids = {0, 0};
                archive.forEach(
                    files, media -> image(context, media, images, categories, g, a, ids));
                a.writeEndArray();
              }
              g.writeEndArray();
              // The annotations array was written whole by the second generator: it is copied in
              // as the value of "annotations", character for character.
              g.writeName("annotations");
              g.writeRawValue("");
              try (Reader in = Files.newBufferedReader(annotations, StandardCharsets.UTF_8)) {
                char[] buffer = new char[1 << 14];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  g.writeRaw(buffer, 0, n);
                }
              }
              g.writeEndObject();
            }
          });
      archive.finish();
    } finally {
      Files.deleteIfExists(annotations);
    }
  }

  private static void image(
      ExportContext context,
      MediaArchive.Media media,
      boolean pack,
      Map<String, Integer> categories,
      JsonGenerator g,
      JsonGenerator a,
      long[] ids)
      throws IOException {
    ImageSize size = media.failure().isPresent() ? null : media.imageSize().orElse(null);
    if (Annotations.leftOut(context, media, size) || size == null) {
      return;
    }
    if (pack) {
      media.pack("images/" + media.entryName());
    }
    AssessedFile file = media.file();
    MediaFile f = file.file();
    long imageId = ++ids[0];
    g.writeStartObject();
    g.writeNumberProperty("id", imageId);
    g.writeStringProperty("file_name", media.entryName());
    g.writeNumberProperty("width", size.width());
    g.writeNumberProperty("height", size.height());
    g.writeStringProperty("file_id", f.id());
    g.writeStringProperty("external_id", f.externalId());
    g.writeStringProperty("data_source_id", f.dataSourceId());
    Json.text(g, "order_id", f.orderId());
    g.writeName("file_attributes");
    g.writeStartArray();
    for (Assessment assessment : file.assessments()) {
      for (Entity e : assessment.entities()) {
        if (e.location() == null) {
          g.writeStartObject();
          Json.text(g, "label", e.label());
          Json.context(context, g, file, assessment, e);
          g.writeEndObject();
        }
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    int written = 0;
    for (Assessment assessment : file.assessments()) {
      for (Entity e : assessment.entities()) {
        String problem = Annotations.problem(e);
        if (problem != null) {
          Annotations.leftOut(
              context,
              file,
              assessment,
              e,
              problem,
              e.location() == null
                  ? "its attributes are on the image, under file_attributes"
                  : "it is left out of the annotations");
          continue;
        }
        // problem(e) == null: the entity has a label and a location.
        String label = Objects.requireNonNull(e.label());
        annotation(
            context,
            a,
            file,
            assessment,
            e,
            imageId,
            ++ids[1],
            Objects.requireNonNull(categories.get(label), label));
        written++;
      }
    }
    context.fileWritten(file.assessments().size(), 1 + written);
  }

  private static void annotation(
      ExportContext context,
      JsonGenerator a,
      AssessedFile file,
      Assessment assessment,
      Entity e,
      long imageId,
      long id,
      int category)
      throws IOException {
    List<Polygon.Point> points = Objects.requireNonNull(e.location()).points();
    a.writeStartObject();
    a.writeNumberProperty("id", id);
    a.writeNumberProperty("image_id", imageId);
    a.writeNumberProperty("category_id", category);
    a.writeName("segmentation");
    a.writeStartArray();
    a.writeStartArray();
    for (Polygon.Point p : points) {
      Json.number(a, p.x());
      Json.number(a, p.y());
    }
    a.writeEndArray();
    a.writeEndArray();
    a.writeName("area");
    Json.number(a, Geometry.area(points));
    a.writeName("bbox");
    a.writeStartArray();
    for (double v : Geometry.bbox(points)) {
      Json.number(a, v);
    }
    a.writeEndArray();
    a.writeNumberProperty("iscrowd", 0);
    if (e.locationConfidence() != null) {
      a.writeName("score");
      a.writeNumber(CsvText.number(e.locationConfidence()));
    }
    Json.context(context, a, file, assessment, e);
    a.writeEndObject();
  }
}
