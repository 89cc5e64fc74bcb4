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
package dev.assessment.export.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout that core does not know is exported, listed, checked and merged like a built-in. */
class LayoutPluginTest {
  private final InMemoryRepository repository = Fixtures.golden();
  private final Exporter exporter =
      Exporter.builder().repository(repository).layoutProvider(new FileIdsLayout()).build();

  @Test
  void export_aPluginLayoutThroughTheExporter() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportRequest request =
        ExportRequest.builder("wf-1")
            .layout(FileIdsLayout.FILE_IDS)
            .scope(AssessmentScope.LATEST)
            .option(new FileIdsLayout.Prefix("#"))
            .build();
    ExportResult result = exporter.export(request, ExportSink.of(out));
    assertEquals("#f-1\n#f-2\n#f-3\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(FileIdsLayout.FILE_IDS, result.layout());
    assertEquals("wf-1-file-ids.txt", result.fileName(), "no -latest: it reads no assessments");
    assertEquals("text/plain; charset=UTF-8", result.mediaType());
    assertEquals(3, result.rows());
  }

  @Test
  void layouts_listsThePluginLayoutSorted() {
    assertEquals(
        List.of(CsvLayouts.ANNOTATIONS, CsvLayouts.ATTRIBUTE_VALUES, FileIdsLayout.FILE_IDS),
        exporter.layouts());
    assertTrue(exporter.provider(FileIdsLayout.FILE_IDS).orElseThrow() instanceof FileIdsLayout);
  }

  @Test
  void export_optionOfAnotherLayoutIsRefused() {
    ExportRequest request =
        ExportRequest.builder("wf-1").option(new FileIdsLayout.Prefix("#")).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> exporter.export(request, ExportSink.of(new ByteArrayOutputStream())));
    assertEquals(
        "layout attribute-values does not read options of type "
            + FileIdsLayout.Prefix.class.getName()
            + ": it reads none; remove the option with clearOption(Prefix.class)",
        e.getMessage());
  }

  @Test
  void export_theLayoutValidatesTheRequest() {
    ExportRequest request =
        ExportRequest.builder("wf-1").layout(FileIdsLayout.FILE_IDS).bom(true).build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> exporter.export(request, ExportSink.of(new ByteArrayOutputStream())));
    assertEquals("file-ids writes no BOM: call bom(false)", e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> exporter.submit(request, ExportSink.of(new ByteArrayOutputStream())));
  }

  @Test
  void merge_shardsOfAPluginLayoutGiveTheWholeExport(@TempDir Path dir) throws Exception {
    ExportRequest whole = ExportRequest.builder("wf-1").layout(FileIdsLayout.FILE_IDS).build();
    byte[] expected = Fixtures.export(exporter, whole);
    List<Path> parts = new ArrayList<>();
    for (int i = 2; i >= 0; i--) {
      Path part = dir.resolve("part-" + i);
      exporter.export(whole.toBuilder().shard(i, 3).build(), ExportSink.of(part));
      parts.add(part);
    }
    ByteArrayOutputStream merged = new ByteArrayOutputStream();
    exporter.merge(FileIdsLayout.FILE_IDS, parts, merged);
    assertArrayEquals(expected, merged.toByteArray());
  }

  @Test
  void merge_csvThroughTheExporter(@TempDir Path dir) throws Exception {
    ExportRequest whole = ExportRequest.builder("wf-1").layout(CsvLayouts.ANNOTATIONS).build();
    byte[] expected = Fixtures.export(exporter, whole);
    List<Path> parts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path part = dir.resolve("part-" + i);
      exporter.export(whole.toBuilder().shard(i, 2).build(), ExportSink.of(part));
      parts.add(part);
    }
    ByteArrayOutputStream merged = new ByteArrayOutputStream();
    exporter.merge(CsvLayouts.ANNOTATIONS, parts, merged);
    assertArrayEquals(expected, merged.toByteArray());
  }

  @Test
  void export_shardOfAnUnmergeableLayoutIsRefused() {
    Exporter withIndivisible =
        Exporter.builder()
            .repository(repository)
            .layoutProvider(new FileIdsLayout.Indivisible())
            .build();
    ExportRequest request =
        ExportRequest.builder("wf-1").layout(Layout.of("indivisible")).shard(0, 2).build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> withIndivisible.export(request, ExportSink.of(new ByteArrayOutputStream())));
    assertEquals(
        "layout indivisible cannot be sharded: its parts cannot be merged, because its index must"
            + " see every file; export it whole (wholeExport())",
        e.getMessage());
    ExportException m =
        assertThrows(
            ExportException.class,
            () ->
                withIndivisible.merge(
                    Layout.of("indivisible"), List.of(), new ByteArrayOutputStream()));
    assertTrue(m.getMessage().contains("its index must see every file"), m.getMessage());
  }

  @Test
  void build_twoAddedProvidersOfOneLayoutNameBoth() {
    Exporter.Builder b =
        Exporter.builder()
            .repository(repository)
            .layoutProvider(new FileIdsLayout())
            .layoutProvider(new FileIdsLayout.Twin());
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertEquals(
        "layout file-ids is served by two providers added with layoutProvider(…): "
            + FileIdsLayout.class.getName()
            + " and "
            + FileIdsLayout.Twin.class.getName()
            + "; remove one of them from the class path",
        e.getMessage());
  }

  @Test
  void build_aBrokenDiscoveredProviderIsSkipped(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader =
        services(dir, "dev.assessment.export.core.NoSuchProvider", FileIdsLayout.class.getName())) {
      Exporter found = Exporter.builder().repository(repository).classLoader(loader).build();
      assertTrue(found.layouts().contains(FileIdsLayout.FILE_IDS), found.toString());
    }
  }

  @Test
  void build_twoDiscoveredProvidersOfOneLayoutNameBoth(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader =
        services(dir, FileIdsLayout.class.getName(), FileIdsLayout.Twin.class.getName())) {
      Exporter.Builder b = Exporter.builder().repository(repository).classLoader(loader);
      IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
      assertTrue(e.getMessage().contains("found by ServiceLoader"), e.getMessage());
      assertTrue(e.getMessage().contains(FileIdsLayout.class.getName()), e.getMessage());
      assertTrue(e.getMessage().contains(FileIdsLayout.Twin.class.getName()), e.getMessage());
    }
  }

  @Test
  void build_aDiscoveredProviderOfABuiltInLayoutIsAnError(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = services(dir, FileIdsLayout.Impostor.class.getName())) {
      Exporter.Builder b = Exporter.builder().repository(repository).classLoader(loader);
      IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
      assertTrue(
          e.getMessage().startsWith("layout attribute-values is served twice"), e.getMessage());
    }
  }

  @Test
  void build_anAddedProviderReplacesABuiltIn() throws Exception {
    Exporter replaced =
        Exporter.builder()
            .repository(repository)
            .layoutProvider(new FileIdsLayout.Impostor())
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    replaced.export(ExportRequest.builder("wf-1").build(), ExportSink.of(out));
    assertEquals("f-1\nf-2\nf-3\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void docs_showTheCompiledPlugin() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/assessment/export/core/FileIdsLayout.java"),
            StandardCharsets.UTF_8);
    String snippet =
        source.substring(
            source.indexOf("// layouts.md:start\n") + "// layouts.md:start\n".length(),
            source.indexOf("// layouts.md:end"));
    String guide = Files.readString(Path.of("../docs/layouts.md"), StandardCharsets.UTF_8);
    assertTrue(guide.contains(snippet), "docs/layouts.md must show:\n" + snippet);
  }

  /** A class loader that sees a services file listing the given provider classes. */
  private static URLClassLoader services(Path dir, String... classNames) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("dev.assessment.export.core.layout.LayoutProvider"),
        String.join("\n", classNames) + "\n");
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, LayoutPluginTest.class.getClassLoader());
  }
}
