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

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** MediaArchive as another module uses it: names, displayed sizes, packing, entries of its own. */
class MediaArchiveTest {

  /** Packs every image and lists its name and displayed size in {@code sizes.txt}. */
  static final class SizesLayout implements LayoutProvider {
    @Override
    public Layout layout() {
      return Layout.of("sizes");
    }

    @Override
    public String extension() {
      return "zip";
    }

    @Override
    public String mediaType() {
      return "application/zip";
    }

    @Override
    public void write(ExportContext context, OutputStream out) throws IOException {
      StringBuilder sizes = new StringBuilder();
      try (MediaArchive archive = MediaArchive.open(context, out);
          Stream<AssessedFile> files = context.assessedFiles()) {
        archive.forEach(
            files,
            media -> {
              String size =
                  media.failure().isPresent()
                      ? "missing"
                      : media
                          .imageSize()
                          .map(s -> s.width() + "x" + s.height() + " " + s.format())
                          .orElse("not an image");
              sizes.append(media.entryName()).append(' ').append(size).append('\n');
              if (media.failure().isEmpty()) {
                media.pack("images/" + media.entryName());
              }
              context.fileWritten(0, 1);
            });
        archive.add("sizes.txt", o -> o.write(sizes.toString().getBytes(StandardCharsets.UTF_8)));
        archive.finish();
      }
    }

    @Override
    public PartMerger merger() {
      return PartMerger.unsupported("a test layout");
    }
  }

  @Test
  void sizesAreDisplayedSizesAndNamesThoseOfTheFilesLayout() throws Exception {
    byte[] turned = Images.withOrientation(Images.jpeg(Images.solid(30, 20, Color.GRAY), 0.9f), 6);
    byte[] png = Images.png(Images.solid(7, 5, Color.GRAY));
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .order("o", "8492192")
            .file("f1", f -> f.externalId("A").fileName("turned.jpg").orderId("o").content(turned))
            .file("f2", f -> f.externalId("A").fileName("flat.png").orderId("o").content(png))
            .file(
                "f3",
                f ->
                    f.externalId("B")
                        .fileName("notes.txt")
                        .orderId("o")
                        .content("text".getBytes(StandardCharsets.UTF_8)))
            .file("f4", f -> f.externalId("C").fileName("gone.jpg").orderId("o"))
            .build();
    Exporter exporter =
        Exporter.builder().repository(repo).layoutProvider(new SizesLayout()).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(
        ExportRequest.builder("wf").layout(Layout.of("sizes")).build(), ExportSink.of(out));
    Map<String, byte[]> entries = AnnotatedLayoutTest.entries(out.toByteArray());
    assertEquals(
        "A_8492192_1.jpg 20x30 jpeg\nA_8492192_2.png 7x5 png\nB_8492192_1.txt not an image\n"
            + "C_8492192_1.jpg missing\n",
        new String(entries.get("sizes.txt"), StandardCharsets.UTF_8));
    assertArrayEquals(turned, entries.get("images/A_8492192_1.jpg"), "packed as it is");
    assertArrayEquals(png, entries.get("images/A_8492192_2.png"));
  }
}
