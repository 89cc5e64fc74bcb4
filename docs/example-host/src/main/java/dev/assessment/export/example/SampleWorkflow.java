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
package dev.assessment.export.example;

import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A generated sample workflow: a roof inspection with two data sources, two orders, machine and
 * human assessments, polygons, file-level attributes, a few awkward values (commas, quotes,
 * newlines, non-Latin text, a leading {@code =}) and synthetic images. The same seed gives the same
 * workflow.
 */
final class SampleWorkflow {
  static final String WORKFLOW_ID = "wf-roof";
  static final String FIRST_ORDER = "o-8492192";
  private static final String[] LABELS = {"dent", "crack", "missing shingle", "rust"};
  private static final String[] MATERIALS = {"tile", "slate", "metal, corrugated", "asphalt"};

  private SampleWorkflow() {}

  static InMemoryRepository create(int files, long seed) {
    Random random = new Random(seed);
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow(
                WORKFLOW_ID,
                "Roof inspection",
                AttributeDefinition.of("severity", AttributeType.NUMBER),
                AttributeDefinition.of("material", AttributeType.TEXT),
                AttributeDefinition.of("repairable", AttributeType.BOOLEAN),
                AttributeDefinition.of("colours", AttributeType.CHOICES),
                AttributeDefinition.of("note", AttributeType.TEXT))
            .dataSource("ds-field", "Field app")
            .dataSource("ds-drone", "Drone \"Sky-1\", north")
            .order(FIRST_ORDER, "8492192")
            .order("o-8492193", "Überprüfung 東京");
    Instant start = Instant.parse("2025-11-19T08:00:00Z");
    for (int i = 1; i <= files; i++) {
      int n = i;
      boolean png = i % 4 == 0;
      int width = 480 + random.nextInt(4) * 80;
      int height = 360 + random.nextInt(3) * 60;
      byte[] image = image(width, height, random.nextLong(), png);
      String order = i % 3 == 0 ? null : (i % 3 == 1 ? FIRST_ORDER : "o-8492193");
      String dataSource = i % 2 == 0 ? "ds-drone" : "ds-field";
      boolean assessed = i % 7 != 0;
      b.file(
          "f-" + i,
          f -> {
            f.externalId(String.format(java.util.Locale.ROOT, "%012d", 3112440L + n / 2))
                .fileName("IMG_" + (1000 + n) + (png ? ".PNG" : ".jpg"))
                .mediaType(png ? "image/png" : "image/jpeg")
                .dataSourceId(dataSource)
                .orderId(order)
                .content(image);
            if (!assessed) {
              return;
            }
            Instant machineAt = start.plus(Duration.ofMinutes(n * 7L));
            f.assessment(
                "a-" + n + "-m",
                AssessmentKind.MACHINE,
                machineAt,
                a -> {
                  a.step("detection").assessor("model v2.3");
                  int count = n % 5 == 0 ? 0 : 1 + random.nextInt(3);
                  for (int e = 1; e <= count; e++) {
                    a.annotation(
                        "e" + e,
                        LABELS[random.nextInt(LABELS.length)],
                        polygon(random, width, height),
                        round(0.5 + random.nextDouble() / 2),
                        AttributeValue.of(
                            "severity",
                            Value.number(1 + random.nextInt(5)),
                            round(random.nextDouble())),
                        AttributeValue.of(
                            "material",
                            Value.text(MATERIALS[random.nextInt(4)]),
                            round(random.nextDouble())));
                  }
                });
            if (n % 2 == 1) {
              f.assessment(
                  "a-" + n + "-h",
                  AssessmentKind.HUMAN,
                  machineAt.plus(Duration.ofHours(3)),
                  a -> {
                    a.step("review").assessor(n % 3 == 0 ? "Zoë Ångström" : "ana.lima");
                    a.annotation(
                        "e1",
                        LABELS[n % LABELS.length],
                        polygon(random, width, height),
                        1.0,
                        AttributeValue.of("severity", Value.number(-1.5 + n)),
                        AttributeValue.of("repairable", Value.bool(n % 4 == 1)),
                        AttributeValue.of("colours", Value.choices(List.of("red", "grey, dark"))),
                        AttributeValue.of("note", Value.text(note(n))));
                    a.fileLevel(
                        "roof",
                        "overall",
                        AttributeValue.of("material", Value.text(MATERIALS[n % 4])),
                        AttributeValue.of(
                            "note", Value.text("=HYPERLINK(\"http://example.invalid\")")));
                  });
            }
          });
    }
    return b.build();
  }

  private static String note(int n) {
    return switch (n % 4) {
      case 0 -> "fine";
      case 1 -> "two lines:\nsecond \"quoted\", with comma";
      case 2 -> "東京の屋根 — ok";
      default -> "-3 tiles missing";
    };
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  private static Polygon polygon(Random random, int width, int height) {
    double cx = width * (0.2 + random.nextDouble() * 0.6);
    double cy = height * (0.2 + random.nextDouble() * 0.6);
    double r = Math.min(width, height) * (0.05 + random.nextDouble() * 0.1);
    int points = 3 + random.nextInt(4);
    double[] xy = new double[points * 2];
    for (int p = 0; p < points; p++) {
      double angle = 2 * Math.PI * p / points;
      xy[2 * p] = Math.round((cx + r * Math.cos(angle)) * 10) / 10.0;
      xy[2 * p + 1] = Math.round((cy + r * Math.sin(angle)) * 10) / 10.0;
    }
    return Polygon.of(xy);
  }

  static byte[] image(int width, int height, long seed, boolean png) {
    Random random = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(
          new GradientPaint(0, 0, new Color(150, 170, 190), 0, height, new Color(90, 80, 70)));
      g.fillRect(0, 0, width, height);
      g.setStroke(new BasicStroke(3f));
      for (int i = 0; i < 12; i++) {
        g.setColor(
            new Color(60 + random.nextInt(120), 50 + random.nextInt(80), 40 + random.nextInt(60)));
        int y = random.nextInt(height);
        g.drawLine(0, y, width, y + random.nextInt(40) - 20);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, png ? "png" : "jpeg", out)) {
        throw new IllegalStateException("no ImageIO writer for " + (png ? "PNG" : "JPEG"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
