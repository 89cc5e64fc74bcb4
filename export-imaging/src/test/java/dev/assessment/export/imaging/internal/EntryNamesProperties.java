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
package dev.assessment.export.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EntryNamesProperties {
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");

  record Spec(String externalId, String fileName, int order) {}

  @Test
  void names_areSafeUniqueAndStable() {
    qt().withFixedSeed(20251119L)
        .withExamples(300)
        .forAll(files(), texts(), texts(), integers().between(64, 255))
        .checkAssert(EntryNamesProperties::check);
  }

  private static void check(List<Spec> specs, String workflowName, String orderName, int maxBytes) {
    Workflow workflow = new Workflow("wf", workflowName, List.of());
    Map<String, WorkflowOrder> orders = new LinkedHashMap<>();
    orders.put("o", new WorkflowOrder("o", "wf", orderName));
    List<MediaFile> files = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      files.add(
          new MediaFile(
              "f" + i,
              "wf",
              s.externalId(),
              s.fileName(),
              null,
              "ds",
              s.order() == 0 ? null : "o"));
    }
    List<String> first = name(workflow, orders, files, maxBytes);
    assertEquals(first, name(workflow, orders, files, maxBytes), "deterministic");
    Set<String> folded = new HashSet<>();
    for (String n : first) {
      assertTrue(folded.add(n.toLowerCase(Locale.ROOT)), "unique even without case: " + n);
      assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= maxBytes, n);
      assertFalse(n.contains("/") || n.contains("\\") || n.contains(".."), n);
      assertFalse(n.startsWith(".") || n.startsWith(" "), n);
      assertTrue(
          n.codePoints()
              .noneMatch(
                  c ->
                      Character.getType(c) == Character.CONTROL
                          || Character.getType(c) == Character.FORMAT
                          || Character.getType(c) == Character.SURROGATE
                          || ":*?\"<>|".indexOf(c) >= 0),
          n);
      String stem = n.substring(0, n.indexOf('.') < 0 ? n.length() : n.indexOf('.'));
      assertFalse(RESERVED.contains(stem.toUpperCase(Locale.ROOT).strip()), n);
      assertTrue(n.matches("(?s).*_[0-9]+\\.[a-z0-9]{1,10}"), n);
    }
  }

  private static List<String> name(
      Workflow workflow, Map<String, WorkflowOrder> orders, List<MediaFile> files, int maxBytes) {
    EntryNames names = new EntryNames(workflow, orders, maxBytes);
    return files.stream().map(names::next).toList();
  }

  static Gen<String> texts() {
    Gen<String> tokens =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "", ".", "..", "/", "\\", "CON", "nul", "com1", "a", "A", "_", "_1", "1", " ",
                    "\t", "\u0000", "\u202E", "東京", "😀", "e\u0301", "\u00e9", ":", "*", "?",
                    "x.jpg", "\uD800")),
            strings().allPossible().ofLengthBetween(0, 4),
            strings().betweenCodePoints('a', 'z').ofLengthBetween(60, 120));
    return lists().of(tokens).ofSizeBetween(0, 4).map(parts -> String.join("", parts));
  }

  static Gen<List<Spec>> files() {
    return lists()
        .of(texts().zip(texts(), integers().between(0, 1), Spec::new))
        .ofSizeBetween(0, 20);
  }
}
