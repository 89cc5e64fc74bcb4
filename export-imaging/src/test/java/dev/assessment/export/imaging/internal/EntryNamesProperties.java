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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EntryNamesProperties {
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");

  record Spec(String externalId, String fileName, int order) {}

  @Property(tries = 300)
  void names_areSafeUniqueAndStable(
      @ForAll("files") List<Spec> specs,
      @ForAll("texts") String workflowName,
      @ForAll("texts") String orderName,
      @ForAll @IntRange(min = 64, max = 255) int maxBytes) {
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

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            Arbitraries.of(
                "", ".", "..", "/", "\\", "CON", "nul", "com1", "a", "A", "_", "_1", "1", " ", "\t",
                "\u0000", "\u202E", "東京", "😀", "e\u0301", "\u00e9", ":", "*", "?", "x.jpg",
                "\uD800"),
            Arbitraries.strings().ofMaxLength(4),
            Arbitraries.strings().alpha().ofMinLength(60).ofMaxLength(120));
    return tokens.list().ofMaxSize(4).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Spec>> files() {
    return Combinators.combine(texts(), texts(), Arbitraries.integers().between(0, 1))
        .as(Spec::new)
        .list()
        .ofMaxSize(20);
  }
}
