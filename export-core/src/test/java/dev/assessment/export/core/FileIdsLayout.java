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

import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.spi.MediaFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A layout that core does not know, written the way a plugin would: one file id per line, with a
 * prefix option, a rule of its own, and a merge. docs/layouts.md shows it (LayoutPluginTest
 * checks).
 */
// layouts.md:start
public class FileIdsLayout implements LayoutProvider {
  /** The layout. */
  public static final Layout FILE_IDS = Layout.of("file-ids");

  /** The layout's option: a prefix before every id. */
  public record Prefix(String text) implements LayoutOptions {
    @Override
    public String fingerprint() {
      return "text=" + text;
    }
  }

  /** Creates the provider; called by ServiceLoader. */
  public FileIdsLayout() {}

  @Override
  public Layout layout() {
    return FILE_IDS;
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public String mediaType() {
    return "text/plain; charset=UTF-8";
  }

  @Override
  public Set<Class<? extends LayoutOptions>> optionTypes() {
    return Set.of(Prefix.class);
  }

  @Override
  public boolean readsAssessments() {
    return false;
  }

  @Override
  public void validate(ExportRequest request) {
    if (request.bom()) {
      throw new IllegalStateException("file-ids writes no BOM: call bom(false)");
    }
  }

  @Override
  public void write(ExportContext context, OutputStream out) throws IOException {
    String prefix = context.request().option(Prefix.class).map(Prefix::text).orElse("");
    String marker = context.partMarker();
    if (marker != null) {
      out.write((marker + "\n").getBytes(StandardCharsets.UTF_8));
    }
    try (Stream<MediaFile> files = context.files()) {
      Iterator<MediaFile> it = files.iterator();
      while (it.hasNext()) {
        out.write((prefix + it.next().id() + "\n").getBytes(StandardCharsets.UTF_8));
        context.fileWritten(0, 1);
      }
    }
  }

  @Override
  public PartMerger merger() {
    return (parts, out) -> {
      List<Parts.Marker> markers = new ArrayList<>();
      for (Path p : parts) {
        try (BufferedReader r = Files.newBufferedReader(p)) {
          markers.add(Parts.parse(p.toString(), r.readLine()));
        }
      }
      for (Parts.Marker m : Parts.check(markers)) {
        List<String> lines = Files.readAllLines(Path.of(m.name()));
        for (String line : lines.subList(1, lines.size())) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    };
  }

  // layouts.md:end

  /** A second provider of the same layout, to prove that discovery refuses two. */
  public static class Twin extends FileIdsLayout {
    /** Creates the provider. */
    public Twin() {}
  }

  /** A layout whose parts cannot be merged. */
  public static class Indivisible extends FileIdsLayout {
    /** Creates the provider. */
    public Indivisible() {}

    @Override
    public Layout layout() {
      return Layout.of("indivisible");
    }

    @Override
    public PartMerger merger() {
      return PartMerger.unsupported("its index must see every file");
    }
  }

  /** A provider that claims a built-in layout. */
  public static class Impostor extends FileIdsLayout {
    /** Creates the provider. */
    public Impostor() {}

    @Override
    public Layout layout() {
      return CsvLayouts.ATTRIBUTE_VALUES;
    }
  }
}
