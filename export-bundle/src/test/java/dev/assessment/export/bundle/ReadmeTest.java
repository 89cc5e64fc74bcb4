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
package dev.assessment.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.CsvLayouts;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, run, and checked to be the code the README shows. */
class ReadmeTest {

  // README:start
  static ExportResult exportLatest(Path bundle, Path target) throws IOException {
    BundleRepository repository = Bundle.open(bundle);
    Exporter exporter = Exporter.builder().repository(repository).build();
    ExportRequest request =
        ExportRequest.builder(repository.workflow().id())
            .layout(CsvLayouts.ATTRIBUTE_VALUES)
            .scope(AssessmentScope.LATEST)
            .build();
    return exporter.export(request, ExportSink.of(target));
  }

  // README:end

  @Test
  void readme_exampleExportsTheLatestAssessments(@TempDir Path dir) throws Exception {
    Bundle.write(Fixtures.golden(), "wf-1", dir.resolve("bundle"));
    ExportResult result = exportLatest(dir.resolve("bundle"), dir.resolve("roof.csv"));
    // f-1's latest assessment has 6 rows, f-2's has 1.
    assertEquals(7, result.rows());
    assertEquals(result.bytes(), Files.size(dir.resolve("roof.csv")));
  }

  @Test
  void readme_showsTheCompiledExample() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/assessment/export/bundle/ReadmeTest.java"),
            StandardCharsets.UTF_8);
    String snippet =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("  // README:end"));
    StringBuilder unindented = new StringBuilder();
    for (String line : snippet.split("\n")) {
      unindented.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
    }
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains(unindented), "README.md must show:\n" + unindented);
    String guide = Files.readString(Path.of("../docs/getting-started.md"), StandardCharsets.UTF_8);
    assertTrue(guide.contains(unindented), "docs/getting-started.md must show:\n" + unindented);
  }
}
