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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small host on the module path: it requires export-imaging, exports a CSV and a files archive
 * (the archive layouts found through {@code provides}), and cannot reach an internal package,
 * neither when compiled nor by reflection.
 */
class ModulePathTest {
  /** What the library and its dependencies are on the test's class path. */
  private static final Pattern LIBRARY =
      Pattern.compile(
          ".*(export-spi|export-core|export-imaging|commons-csv|commons-compress|commons-io"
              + "|commons-lang3|commons-codec|slf4j-api|jspecify|imageio-"
              + "|common-lang|common-io|common-image).*");

  private static final String MODULE_INFO =
      "module example.host { requires dev.assessment.export.imaging; }\n";

  private static final String HOST =
      """
      package example.host;

      import dev.assessment.export.core.CsvLayouts;
      import dev.assessment.export.core.ExportRequest;
      import dev.assessment.export.core.ExportSink;
      import dev.assessment.export.core.Exporter;
      import dev.assessment.export.imaging.ArchiveLayouts;
      import dev.assessment.export.spi.AssessmentKind;
      import dev.assessment.export.spi.memory.InMemoryRepository;
      import java.io.ByteArrayOutputStream;
      import java.time.Instant;

      public class Main {
        public static void main(String[] args) throws Exception {
          InMemoryRepository repo = InMemoryRepository.builder()
              .workflow("wf", "w").dataSource("ds", "d")
              .file("f-1", f -> f.externalId("x").fileName("a.txt").content(new byte[] {1, 2, 3})
                  .assessment("a", AssessmentKind.HUMAN, Instant.EPOCH, a -> a.fileLevel("e", "ok")))
              .build();
          Exporter exporter = Exporter.builder().repository(repo).build();
          System.out.println("layouts " + exporter.layouts());
          ByteArrayOutputStream csv = new ByteArrayOutputStream();
          exporter.export(ExportRequest.builder("wf").layout(CsvLayouts.ANNOTATIONS).build(),
              ExportSink.of(csv));
          System.out.println("csv rows " + (csv.toString("UTF-8").split("\\r\\n").length - 1));
          ByteArrayOutputStream zip = new ByteArrayOutputStream();
          System.out.println("zip entries " + exporter.export(
              ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
              ExportSink.of(zip)).rows());
          try {
            Class.forName("dev.assessment.export.core.internal.Cells")
                .getMethod("neutralise", String.class).invoke(null, "=x");
            System.out.println("internal reachable");
          } catch (IllegalAccessException e) {
            System.out.println("internal sealed");
          }
        }
      }
      """;

  private static final String INTRUDER =
      """
      package example.host;

      public class Intruder {
        public static String run() {
          return dev.assessment.export.core.internal.Cells.neutralise("=x");
        }
      }
      """;

  private static String modulePath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normal = entry.replace('\\', '/');
      boolean testOutput = normal.endsWith("/test-classes");
      if (!testOutput && LIBRARY.matcher(normal).matches()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static int javac(
      Path out, String modulePath, ByteArrayOutputStream log, Path... sources) {
    List<String> args = new ArrayList<>(List.of("--module-path", modulePath, "-d", out.toString()));
    for (Path s : sources) {
      args.add(s.toString());
    }
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    java.io.PrintStream print = new java.io.PrintStream(log, true, StandardCharsets.UTF_8);
    return javac.run(print, print, args.toArray(String[]::new));
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void host_exportsOnTheModulePathAndCannotReachInternals(@TempDir Path dir) throws Exception {
    String modulePath = modulePath();
    Path src = dir.resolve("src");
    Path info = write(src, "module-info.java", MODULE_INFO);
    Path main = write(src, "example/host/Main.java", HOST);
    Path out = dir.resolve("out");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    assertEquals(0, javac(out, modulePath, log, info, main), log.toString(StandardCharsets.UTF_8));

    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Djava.awt.headless=true",
                "--module-path",
                out + File.pathSeparator + modulePath,
                "-m",
                "example.host/example.host.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the host did not end");
    assertEquals(0, p.exitValue(), output);
    assertTrue(
        output.contains("layouts [annotated-files, annotations, attribute-values, files]"), output);
    assertTrue(output.contains("csv rows 1"), output);
    assertTrue(output.contains("zip entries 1"), output);
    assertTrue(output.contains("internal sealed"), output);
  }

  @Test
  void host_importingAnInternalPackageDoesNotCompile(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path info = write(src, "module-info.java", MODULE_INFO);
    Path intruder = write(src, "example/host/Intruder.java", INTRUDER);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status = javac(dir.resolve("out"), modulePath(), log, info, intruder);
    String message = log.toString(StandardCharsets.UTF_8);
    assertNotEquals(0, status, message);
    assertTrue(
        message.contains("package dev.assessment.export.core.internal is not visible"), message);
  }
}
