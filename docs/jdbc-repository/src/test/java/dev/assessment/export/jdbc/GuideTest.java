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
package dev.assessment.export.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SPI guide shows the whole contract test class as the tests compile and run it. */
class GuideTest {
  @Test
  void spiGuide_showsTheCompiledContractTest() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/assessment/export/jdbc/JdbcRepositoryContractTest.java"),
            StandardCharsets.UTF_8);
    String guide = Files.readString(Path.of("../spi.md"), StandardCharsets.UTF_8);
    assertTrue(guide.contains("```java\n" + source + "```"), "docs/spi.md must show:\n" + source);
  }
}
