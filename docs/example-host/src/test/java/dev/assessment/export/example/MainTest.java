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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demo_writesTheBundleAndEveryLayout(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString()), err.toString());
    assertTrue(Files.exists(dir.resolve("bundle/assessments.csv")));
    assertTrue(Files.exists(dir.resolve("bundle/files.csv")));
    assertTrue(Files.size(dir.resolve("attribute-values.csv")) > 1000);
    assertTrue(Files.size(dir.resolve("annotations.csv")) > 1000);
    try (ZipFile zip = new ZipFile(dir.resolve("files.zip").toFile())) {
      assertEquals(25, zip.size(), "24 files and the manifest");
    }
    assertTrue(
        out.toString().contains("wrote " + dir.resolve("files.zip") + ": files 24 file(s)"),
        out.toString());
    // A layout that neither core nor the host names, found on the class path (this test's
    // META-INF/services), is exported too.
    assertEquals(24, Files.readAllLines(dir.resolve("file-ids.txt")).size());
  }

  @Test
  void export_datasetLayoutsFromTheirModule(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "4"));
    for (String layout : new String[] {"coco", "yolo-seg"}) {
      Path zip = dir.resolve(layout + "-export.zip");
      assertEquals(
          0,
          run(
              "export",
              "--bundle",
              dir.resolve("bundle").toString(),
              "--layout",
              layout,
              "--assessments",
              "latest",
              "--out",
              zip.toString()),
          err.toString());
      try (ZipFile z = new ZipFile(zip.toFile())) {
        assertTrue(
            z.getEntry(layout.equals("coco") ? "annotations/instances.json" : "data.yaml") != null,
            layout);
      }
    }
    assertTrue(Files.exists(dir.resolve("coco.zip")), "demo writes every layout found");
  }

  @Test
  void export_aLayoutFromAnotherModuleByItsId(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "3"));
    assertEquals(
        0,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "file-ids",
            "--out",
            dir.resolve("ids.txt").toString()),
        err.toString());
    assertEquals(3, Files.readAllLines(dir.resolve("ids.txt")).size());
  }

  @Test
  void export_writesTheFileAndASummary(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "6"));
    Path target = dir.resolve("latest.csv");
    assertEquals(
        0,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "annotations",
            "--assessments",
            "latest",
            "--data-source",
            "ds-field",
            "--polygons",
            "json",
            "--bom",
            "--out",
            target.toString()),
        err.toString());
    byte[] bytes = Files.readAllBytes(target);
    assertEquals((byte) 0xEF, bytes[0]);
    String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.contains("[["), "JSON polygons");
    assertFalse(csv.contains(",ds-drone,"), "data source filter");
    assertTrue(out.toString().contains("wrote " + target + ": annotations"), out.toString());
  }

  @Test
  void loadThenExportJdbc_givesTheBundlesBytes(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "8"));
    String url = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
    assertEquals(
        0,
        run("load", "--bundle", dir.resolve("bundle").toString(), "--jdbc", url),
        err.toString());
    assertTrue(out.toString().contains("loaded 8 file(s) of workflow wf-roof"), out.toString());
    Path csv = dir.resolve("jdbc.csv");
    assertEquals(
        0,
        run("export", "--jdbc", url, "--layout", "attribute-values", "--out", csv.toString()),
        err.toString());
    assertEquals(-1L, Files.mismatch(csv, dir.resolve("attribute-values.csv")));
    Path zip = dir.resolve("jdbc.zip");
    assertEquals(
        0,
        run("export", "--jdbc", url, "--layout", "files", "--out", zip.toString()),
        err.toString());
    assertEquals(-1L, Files.mismatch(zip, dir.resolve("files.zip")));
  }

  @Test
  void exportJdbc_postgresqlUrlsFindTheirDriverInTheJar(@TempDir Path dir) {
    // Nothing listens on port 1: the driver is found, and the connection is what fails.
    int code =
        run(
            "export",
            "--jdbc",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
            "--layout",
            "attribute-values",
            "--out",
            dir.resolve("out.csv").toString());
    assertEquals(1, code, err.toString());
    assertFalse(err.toString().contains("No suitable driver"), err.toString());
    assertTrue(err.toString().contains("Connection"), err.toString());
  }

  @Test
  void export_volumesCutTheArchive(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "10"));
    Path zip = dir.resolve("v/files.zip");
    Files.createDirectories(zip.getParent());
    assertEquals(
        0,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "files",
            "--volume-entries",
            "4",
            "--out",
            zip.toString()),
        err.toString());
    assertTrue(
        out.toString().contains("cut into 3 volume(s): files-001.zip … files-003.zip"),
        out.toString());
    try (ZipFile v = new ZipFile(dir.resolve("v/files-003.zip").toFile())) {
      assertEquals(3, v.size(), "2 entries and the manifest");
    }
    assertTrue(!Files.exists(zip));
  }

  @Test
  void export_bundleAndJdbcTogetherIsAUsageError(@TempDir Path dir) {
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.toString(),
            "--jdbc",
            "jdbc:h2:mem:x",
            "--layout",
            "files",
            "--out",
            dir.resolve("x").toString()));
    assertTrue(
        err.toString().contains("exactly one of --bundle DIR and --jdbc URL"), err.toString());
  }

  @Test
  void export_badBundleFailsWithOneLine(@TempDir Path dir) {
    assertEquals(
        1,
        run(
            "export",
            "--bundle",
            dir.toString(),
            "--layout",
            "annotations",
            "--out",
            dir.resolve("x.csv").toString()));
    String message = err.toString();
    assertTrue(message.startsWith("error: not a bundle: "), message);
    assertEquals(1, message.strip().lines().count(), message);
    assertFalse(message.contains("\tat "), "no stack trace");
  }

  @Test
  void export_annotatedWithoutOrderIsAUsageError(@TempDir Path dir) {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "2"));
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "annotated-files",
            "--out",
            dir.resolve("x.zip").toString()));
    assertTrue(err.toString().contains("annotated-files needs an order"), err.toString());
  }

  @Test
  void export_maxLongEdgeDrawsSmallerAndIsRefusedByOtherLayouts(@TempDir Path dir)
      throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "6"));
    Path zip = dir.resolve("small.zip");
    assertEquals(
        0,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "annotated-files",
            "--order",
            "o-8492192",
            "--max-long-edge",
            "100",
            "--out",
            zip.toString()),
        err.toString());
    int images = 0;
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        if (e.getName().endsWith(".jpg") || e.getName().endsWith(".png")) {
          java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(z.getInputStream(e));
          assertTrue(
              Math.max(image.getWidth(), image.getHeight()) <= 100,
              e.getName() + " is " + image.getWidth() + " × " + image.getHeight());
          images++;
        }
      }
    }
    assertTrue(images > 0, "images drawn");
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "attribute-values",
            "--max-long-edge",
            "100",
            "--out",
            dir.resolve("x.csv").toString()));
    assertTrue(
        err.toString()
            .contains(
                "error: --max-long-edge sizes the images of annotated-files; attribute-values draws"
                    + " none"),
        err.toString());
  }

  @Test
  void export_unknownLayoutListsTheAvailableOnes(@TempDir Path dir) {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "2"));
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "pdf",
            "--out",
            dir.resolve("x").toString()));
    assertTrue(
        err.toString()
            .contains(
                "layout pdf is not available: this exporter writes"
                    + " annotated-files, annotations, attribute-values, coco, file-ids, files, yolo-seg."),
        err.toString());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void export_malformedLayoutIdIsAUsageError(@TempDir Path dir) {
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.toString(),
            "--layout",
            "PDF files",
            "--out",
            dir.resolve("x").toString()));
    assertTrue(err.toString().contains("layout id 'PDF files' is not valid"), err.toString());
  }

  @Test
  void export_volumesOfACsvLayoutAreRefusedBeforeExporting(@TempDir Path dir) {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "2"));
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "annotations",
            "--volume-entries",
            "5",
            "--out",
            dir.resolve("x.csv").toString()));
    assertTrue(err.toString().contains("cut ZIP archives; annotations is not one"), err.toString());
    assertFalse(Files.exists(dir.resolve("x.csv")), "nothing is written");
  }

  @Test
  void export_unknownOrderNamesTheKnownOnes(@TempDir Path dir) {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "3"));
    assertEquals(
        1,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "attribute-values",
            "--order",
            "nope",
            "--out",
            dir.resolve("x.csv").toString()));
    assertTrue(
        err.toString().contains("unknown order 'nope' in workflow wf-roof: known orders are"),
        err.toString());
  }

  @Test
  void export_badOutputsAndVolumesAreRefusedBeforeExporting(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "2"));
    String bundle = dir.resolve("bundle").toString();
    assertEquals(2, run("export", "--bundle", bundle, "--layout", "files", "--out", ""));
    assertTrue(err.toString().contains("--out is empty"), err.toString());
    assertEquals(
        2, run("export", "--bundle", bundle, "--layout", "files", "--out", dir.toString()));
    assertTrue(err.toString().contains("is a folder"), err.toString());
    assertEquals(
        2,
        run(
            "export",
            "--bundle",
            bundle,
            "--layout",
            "files",
            "--volume-bytes",
            "-5",
            "--out",
            dir.resolve("v.zip").toString()));
    assertTrue(err.toString().contains("--volume-bytes must be at least 1"), err.toString());
    assertFalse(Files.exists(dir.resolve("v.zip")));
  }

  @Test
  void export_everyFileUnreadableExitsWith3(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "3"));
    try (java.util.stream.Stream<Path> media = Files.list(dir.resolve("bundle/media"))) {
      for (Path p : media.toList()) {
        Files.delete(p);
      }
    }
    Path target = dir.resolve("files.zip");
    assertEquals(
        3,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "files",
            "--out",
            target.toString()));
    assertTrue(
        err.toString().contains("error: none of the 3 selected file(s) could be read"),
        err.toString());
    assertTrue(err.toString().contains("warning: media-missing"), err.toString());
    try (ZipFile zip = new ZipFile(target.toFile())) {
      assertEquals(1, zip.size(), "the manifest alone, which says why");
    }
  }

  @Test
  void demo_aNegativeFileCountIsRefusedBeforeWritingAnything(@TempDir Path dir) {
    assertEquals(2, run("demo", "--out", dir.resolve("d").toString(), "--files", "-5"));
    assertTrue(err.toString().contains("--files must be at least 1"), err.toString());
    assertFalse(Files.exists(dir.resolve("d")), "no half-made bundle");
  }
}
