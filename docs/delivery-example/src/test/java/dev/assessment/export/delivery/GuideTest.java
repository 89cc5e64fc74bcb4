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
package dev.assessment.export.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/delivery.md shows the sink's and the delivery's code as it is compiled and tested here. */
class GuideTest {
  private static String region(String file, String name) throws Exception {
    String source =
        Files.readString(
            Path.of("src/main/java/dev/assessment/export/delivery/" + file),
            StandardCharsets.UTF_8);
    String start = "// delivery.md:" + name + ":start\n";
    int from = source.indexOf(start) + start.length();
    int to = source.lastIndexOf('\n', source.indexOf("// delivery.md:" + name + ":end")) + 1;
    return source.substring(from, to);
  }

  @Test
  void guide_showsTheCompiledCode() throws Exception {
    String guide = Files.readString(Path.of("../delivery.md"), StandardCharsets.UTF_8);
    for (String[] r :
        new String[][] {{"S3MultipartSink.java", "sink"}, {"Delivery.java", "submit"}}) {
      String code = region(r[0], r[1]);
      assertTrue(guide.contains(code), "docs/delivery.md must show:\n" + code);
    }
  }
}
