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

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A layout neither core nor the example host knows, registered in this test's {@code
 * META-INF/services}: one file id per line. The host must list it, export it and demo it.
 */
public final class FileIdsLayout implements LayoutProvider {
  /** Creates the provider; called by ServiceLoader. */
  public FileIdsLayout() {}

  @Override
  public Layout layout() {
    return Layout.of("file-ids");
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
  public void write(ExportContext context, OutputStream out) throws IOException {
    try (Stream<MediaFile> files = context.files()) {
      Iterator<MediaFile> it = files.iterator();
      while (it.hasNext()) {
        out.write((it.next().id() + "\n").getBytes(StandardCharsets.UTF_8));
        context.fileWritten(0, 1);
      }
    }
  }

  @Override
  public PartMerger merger() {
    return PartMerger.unsupported("it is a test layout that writes no part marker");
  }
}
