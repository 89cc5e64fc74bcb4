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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

  @Test
  void aSecondLargeImageWaitsForTheFirst() throws Exception {
    MemoryBudget budget = new MemoryBudget(100);
    budget.acquire(60);
    AtomicBoolean admitted = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread second =
        new Thread(
            () -> {
              try {
                budget.acquire(60);
                admitted.set(true);
                budget.release(60);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                done.countDown();
              }
            });
    second.start();
    assertFalse(done.await(300, TimeUnit.MILLISECONDS), "60 + 60 do not fit in 100");
    budget.release(60);
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertTrue(admitted.get());
    budget.acquire(30);
    budget.acquire(70);
    budget.release(100);
    budget.acquire(500);
    budget.release(500);
  }

  @Test
  void anImageLargerThanTheBudgetIsSkippedWithWhatItNeeds() throws Exception {
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    AssessedFile assessed = annotated("a.png", png.toByteArray());
    MediaFile file = assessed.file();
    Spool spool = new Spool(Fetched.MEMORY_PER_FILE);
    spool.write(png.toByteArray());
    spool.finishWriting();
    // 600 × 400 pixels × 8 bytes is 1.8 MiB; the budget is 1 MiB.
    try (Fetched content = Fetched.ok(spool, 0L, new byte[32]);
        Rendered r =
            new ImageRenderer(ArchiveOptions.defaults(), new MemoryBudget(1 << 20), null)
                .render(file, content, assessed.assessments())) {
      assertEquals(
          "drawing it needs about 2 MiB, more than the 1 MiB (three quarters of the heap) images may take (give"
              + " the JVM more heap, or set ArchiveOptions.maxLongEdge to draw it smaller)",
          r.skipped());
    }
    try (Fetched content = Fetched.ok(copy(png.toByteArray()), 0L, new byte[32]);
        Rendered r =
            new ImageRenderer(ArchiveOptions.defaults(), new MemoryBudget(8 << 20), null)
                .render(file, content, assessed.assessments())) {
      assertEquals(null, r.skipped(), "fits in 8 MiB");
    }
  }

  @Test
  void withACodec_theBudgetCountsTheSizeItDecodesAt() throws Exception {
    // 600 × 400 drawn at most 200 wide: ImageIO subsamples by 3 (200 × 134 pixels, 209 KiB at
    // 8 bytes a pixel); a codec decodes at 1/2 (300 × 200, 469 KiB) before scaling down.
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", jpeg);
    AssessedFile assessed = annotated("a.jpg", jpeg.toByteArray());
    ArchiveOptions small = ArchiveOptions.builder().maxLongEdge(200).build();
    MemoryBudget budget = new MemoryBudget(300 << 10);
    // A codec that leaves every file to ImageIO, so that only the budget differs.
    JpegCodecsTest.Loads codec = new JpegCodecsTest.Loads();
    try (Fetched content = Fetched.ok(copy(jpeg.toByteArray()), 0L, new byte[32]);
        Rendered r =
            new ImageRenderer(small, budget, codec)
                .render(assessed.file(), content, assessed.assessments())) {
      assertEquals(
          "drawing it needs about 1 MiB, more than the 0 MiB (three quarters of the heap) images"
              + " may take (give the JVM more heap, or set ArchiveOptions.maxLongEdge to draw it"
              + " smaller)",
          r.skipped());
    }
    try (Fetched content = Fetched.ok(copy(jpeg.toByteArray()), 0L, new byte[32]);
        Rendered r =
            new ImageRenderer(small, budget, null)
                .render(assessed.file(), content, assessed.assessments())) {
      assertEquals(null, r.skipped(), "ImageIO's 209 KiB fit in 300 KiB");
    }
  }

  /** One file with one annotation, as its repository hands it to a layout. */
  private static AssessedFile annotated(String name, byte[] content) {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.fileName(name)
                        .content(content)
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.parse("2025-01-01T00:00:00Z"),
                            a -> a.annotation("e", "dent", Polygon.of(1, 1, 50, 1, 50, 50), null)))
            .build();
    return repo.assessedFiles(dev.assessment.export.spi.FileQuery.builder("wf").build())
        .findFirst()
        .orElseThrow();
  }

  private static Spool copy(byte[] bytes) throws Exception {
    Spool spool = new Spool(Fetched.MEMORY_PER_FILE);
    spool.write(bytes);
    spool.finishWriting();
    return spool;
  }
}
