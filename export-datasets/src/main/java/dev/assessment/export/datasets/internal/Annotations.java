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
import dev.assessment.export.imaging.ImageSize;
import dev.assessment.export.imaging.MediaArchive;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.Polygon;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Which entities a dataset layout writes as annotations: those with a label and a polygon of at
 * least three finite points and a non-zero area. The others are reported, never dropped silently.
 */
final class Annotations {
  private Annotations() {}

  /** Tells why an entity with a location cannot be an annotation, or null when it can. */
  static @Nullable String problem(Entity entity) {
    Polygon p = entity.location();
    if (p == null) {
      return "it has no location (a file-level finding)";
    }
    if (!p.isFinite()) {
      return "its location has a non-finite coordinate";
    }
    if (p.points().size() < 3) {
      return "its location has fewer than three points";
    }
    if (Geometry.area(p.points()) == 0) {
      return "its location has zero area";
    }
    if (entity.label() == null) {
      return "it has no label, so no category";
    }
    return null;
  }

  /**
   * Reads the labels of every annotation the export will write, in one pass over the files, and
   * numbers them in label order from {@code first}: the categories, or classes, which must be known
   * before the first annotation is written. Memory grows with the labels, not the files.
   */
  static Map<String, Integer> labels(ExportContext context, int first) {
    TreeMap<String, Integer> labels = new TreeMap<>();
    try (Stream<AssessedFile> files = context.assessedFiles()) {
      Iterator<AssessedFile> it = files.iterator();
      while (it.hasNext()) {
        for (Assessment a : it.next().assessments()) {
          for (Entity e : a.entities()) {
            if (problem(e) == null) {
              labels.put(e.label(), 0);
            }
          }
        }
      }
    }
    int id = first;
    for (Map.Entry<String, Integer> e : labels.entrySet()) {
      e.setValue(id++);
    }
    return labels;
  }

  /** Reports an entity that is left out, grouped by kind. */
  static void leftOut(
      ExportContext context,
      AssessedFile file,
      Assessment assessment,
      Entity entity,
      String why,
      String where)
      throws IOException {
    String code =
        entity.location() == null
            ? "file-level-entity"
            : entity.label() == null ? "unlabelled-annotation" : "degenerate-polygon";
    context.warn(
        code,
        code,
        file.file().id(),
        "file "
            + file.file().id()
            + ", assessment "
            + assessment.id()
            + ", entity "
            + entity.id()
            + " is not an annotation: "
            + why
            + "; "
            + where);
  }

  /**
   * Reports a file that is left out because its content is missing, unreadable or not an image.
   * Returns true when the file is left out.
   */
  static boolean leftOut(ExportContext context, MediaArchive.Media media, @Nullable ImageSize size)
      throws IOException {
    String id = media.file().file().id();
    Exception failure = media.failure().orElse(null);
    String code;
    String why;
    if (failure instanceof MediaNotFoundException) {
      code = "media-missing";
      why = "the storage has no content for it";
    } else if (failure != null) {
      code = "media-unreadable";
      why = "its content could not be read: " + failure.getMessage();
    } else if (size == null) {
      code = "not-an-image";
      why = "its content is not an image this export can read";
    } else {
      return false;
    }
    context.warn(
        code,
        id,
        id,
        "file " + id + " (" + media.entryName() + ") is left out of the dataset: " + why);
    context.fileSkipped(media.file().assessments().size());
    return true;
  }
}
