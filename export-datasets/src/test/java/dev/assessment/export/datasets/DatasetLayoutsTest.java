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
package dev.assessment.export.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.ExportWarning;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The dataset layouts, against a small fixture whose expected output was worked out by hand. */
class DatasetLayoutsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2025-11-19T08:00:00Z");

  static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /**
   * f-1 (40 × 30): a triangle, a file-level finding, a degenerate polygon. f-2 (30 × 20): a
   * rectangle reaching past the bottom edge. f-3: text, not an image. f-4: no content.
   */
  static InMemoryRepository fixture() throws IOException {
    byte[] a = png(40, 30);
    byte[] b = png(30, 20);
    return InMemoryRepository.builder()
        .workflow(
            "wf",
            "Roof",
            AttributeDefinition.of("severity", AttributeType.NUMBER),
            AttributeDefinition.of("material", AttributeType.TEXT))
        .dataSource("ds", "Field app")
        .order("o", "8492192")
        .file(
            "f-1",
            f ->
                f.externalId("A1")
                    .fileName("a.png")
                    .mediaType("image/png")
                    .orderId("o")
                    .content(a)
                    .assessment(
                        "a-1",
                        AssessmentKind.HUMAN,
                        T,
                        x ->
                            x.step("review")
                                .assessor("ana")
                                .annotation(
                                    "e1",
                                    "dent",
                                    Polygon.of(0, 0, 10, 0, 10, 10),
                                    0.9,
                                    AttributeValue.of("severity", Value.number(2), 0.5))
                                .fileLevel(
                                    "e2",
                                    "overall",
                                    AttributeValue.of("material", Value.text("slate")))
                                .annotation("e3", "dent", Polygon.of(1, 1, 2, 2), null)))
        .file(
            "f-2",
            f ->
                f.externalId("B2")
                    .fileName("b.png")
                    .orderId("o")
                    .content(b)
                    .assessment(
                        "a-2",
                        AssessmentKind.MACHINE,
                        T.plusSeconds(3600),
                        x ->
                            x.step("detection")
                                .assessor("model")
                                .annotation(
                                    "e1", "crack", Polygon.of(5, 5, 15, 5, 15, 25, 5, 25), null)))
        .file(
            "f-3",
            f ->
                f.externalId("C3")
                    .fileName("notes.txt")
                    .mediaType("text/plain")
                    .orderId("o")
                    .content("hello".getBytes(StandardCharsets.UTF_8)))
        .file("f-4", f -> f.externalId("D4").fileName("d.jpg").orderId("o"))
        .build();
  }

  static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static ExportResult export(
      InMemoryRepository repo, ExportRequest request, ByteArrayOutputStream out) throws Exception {
    return Exporter.builder().repository(repo).build().export(request, ExportSink.of(out));
  }

  @Test
  void layouts_areFoundThroughServiceLoader() throws Exception {
    List<?> layouts = Exporter.builder().repository(fixture()).build().layouts();
    assertTrue(layouts.contains(DatasetLayouts.COCO), layouts.toString());
    assertTrue(layouts.contains(DatasetLayouts.YOLO_SEG), layouts.toString());
  }

  @Test
  void coco_matchesTheHandWrittenGoldenFile() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result =
        export(fixture(), ExportRequest.builder("wf").layout(DatasetLayouts.COCO).build(), out);
    Map<String, byte[]> entries = entries(out.toByteArray());
    assertEquals(
        List.of("images/A1_8492192_1.png", "images/B2_8492192_1.png", "annotations/instances.json"),
        List.copyOf(entries.keySet()));
    JsonNode actual = JSON.readTree(entries.get("annotations/instances.json"));
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("golden-instances.json")) {
      golden = JSON.readTree(in);
    }
    assertEquals(golden, actual);
    assertEquals("wf-coco.zip", result.fileName());
    assertEquals(2, result.files());
    assertEquals(4, result.rows(), "two images and two annotations");
    assertEquals(
        List.of("file-level-entity", "degenerate-polygon", "not-an-image", "media-missing"),
        result.warnings().stream().map(ExportWarning::code).toList());
  }

  @Test
  void coco_imagesCanBeLeftOut() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export(
        fixture(),
        ExportRequest.builder("wf")
            .layout(DatasetLayouts.COCO)
            .option(DatasetOptions.builder().images(false).build())
            .build(),
        out);
    Map<String, byte[]> entries = entries(out.toByteArray());
    assertEquals(List.of("annotations/instances.json"), List.copyOf(entries.keySet()));
    JsonNode json = JSON.readTree(entries.get("annotations/instances.json"));
    assertEquals("A1_8492192_1.png", json.get("images").get(0).get("file_name").asString());
  }

  @Test
  void coco_latestKeepsTheLatestAssessmentOfEachFile() throws Exception {
    byte[] png = png(20, 20);
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x")
                        .fileName("p.png")
                        .content(png)
                        .assessment(
                            "old",
                            AssessmentKind.MACHINE,
                            T,
                            a -> a.annotation("e", "dent", Polygon.of(0, 0, 5, 0, 5, 5), 0.4))
                        .assessment(
                            "new",
                            AssessmentKind.HUMAN,
                            T.plusSeconds(1),
                            a -> a.annotation("e", "rust", Polygon.of(0, 0, 6, 0, 6, 6), 1.0)))
            .build();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    export(repo, ExportRequest.builder("wf").layout(DatasetLayouts.COCO).build(), all);
    ByteArrayOutputStream latest = new ByteArrayOutputStream();
    export(
        repo,
        ExportRequest.builder("wf")
            .layout(DatasetLayouts.COCO)
            .scope(AssessmentScope.LATEST)
            .build(),
        latest);
    JsonNode a = JSON.readTree(entries(all.toByteArray()).get("annotations/instances.json"));
    JsonNode l = JSON.readTree(entries(latest.toByteArray()).get("annotations/instances.json"));
    assertEquals(2, a.get("annotations").size());
    assertEquals(1, l.get("annotations").size());
    assertEquals("new", l.get("annotations").get(0).get("assessment_id").asString());
    assertEquals(1, l.get("categories").size(), "only the labels exported are categories");
  }

  @Test
  void yolo_labelsDataYamlAndImages() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result =
        export(fixture(), ExportRequest.builder("wf").layout(DatasetLayouts.YOLO_SEG).build(), out);
    Map<String, byte[]> entries = entries(out.toByteArray());
    assertEquals(
        List.of(
            "images/train/A1_8492192_1.png",
            "labels/train/A1_8492192_1.txt",
            "images/train/B2_8492192_1.png",
            "labels/train/B2_8492192_1.txt",
            "data.yaml"),
        List.copyOf(entries.keySet()));
    // Worked out by hand: the triangle over 40 × 30; the rectangle clipped at y = 20, over 30 × 20.
    assertEquals(
        "1 0 0 0.25 0 0.25 0.333333\n",
        new String(entries.get("labels/train/A1_8492192_1.txt"), StandardCharsets.US_ASCII));
    assertEquals(
        "0 0.166667 1 0.166667 0.25 0.5 0.25 0.5 1\n",
        new String(entries.get("labels/train/B2_8492192_1.txt"), StandardCharsets.US_ASCII));
    String yaml = new String(entries.get("data.yaml"), StandardCharsets.UTF_8);
    assertTrue(
        yaml.contains(
            "path: .\ntrain: images/train\nval: images/train\nnc: 2\nnames:\n"
                + "  0: \"crack\"\n  1: \"dent\"\n"),
        yaml);
    assertEquals(4, result.rows(), "two images and two label lines");
  }

  @Test
  void yolo_polygonWhollyOutsideIsReported() throws Exception {
    byte[] png = png(20, 20);
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w")
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x")
                        .fileName("p.png")
                        .content(png)
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            T,
                            a ->
                                a.annotation(
                                    "e", "dent", Polygon.of(30, 30, 40, 30, 40, 40), null)))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result =
        export(repo, ExportRequest.builder("wf").layout(DatasetLayouts.YOLO_SEG).build(), out);
    assertEquals(
        "",
        new String(
            entries(out.toByteArray()).get("labels/train/x_w_1.txt"), StandardCharsets.US_ASCII));
    assertEquals(
        List.of("polygon-outside-image"),
        result.warnings().stream().map(ExportWarning::code).toList());
  }

  @Test
  void shard_isRefusedWithTheReason() throws Exception {
    Exporter exporter = Exporter.builder().repository(fixture()).build();
    for (var layout : List.of(DatasetLayouts.COCO, DatasetLayouts.YOLO_SEG)) {
      ExportRequest request = ExportRequest.builder("wf").layout(layout).shard(0, 2).build();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> exporter.export(request, ExportSink.of(new ByteArrayOutputStream())));
      assertTrue(
          e.getMessage().startsWith("layout " + layout + " cannot be sharded"), e.getMessage());
    }
  }

  @Test
  void strict_failsOnTheFirstEntityLeftOut() throws Exception {
    ExportRequest request =
        ExportRequest.builder("wf").layout(DatasetLayouts.COCO).strict(true).build();
    Exception e =
        assertThrows(
            Exception.class, () -> export(fixture(), request, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("entity e2 is not an annotation"), e.getMessage());
  }

  @Test
  void options_fieldsCoverEveryDeclaredField() {
    java.util.Set<String> declared = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : DatasetOptions.class.getDeclaredFields()) {
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        declared.add(f.getName());
      }
    }
    assertEquals(declared, new java.util.HashSet<>(DatasetOptions.defaults().fields().names()));
    assertFalse(
        DatasetOptions.defaults()
            .fingerprint()
            .equals(DatasetOptions.builder().images(false).build().fingerprint()));
  }
}
