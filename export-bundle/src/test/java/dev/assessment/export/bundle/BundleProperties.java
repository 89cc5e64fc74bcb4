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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.memory.InMemoryRepository;
import dev.assessment.export.testing.Models;
import dev.assessment.export.testing.Models.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bundles keep what they are given, on generated workflows. */
class BundleProperties {
  private static final long SEED = 20251119L;

  @Test
  void bundle_readOfWriteIsTheSameWorkflow() {
    qt().withFixedSeed(SEED)
        .withExamples(150)
        .forAll(Models.models(false, false))
        .checkAssert(
            model -> assertDoesNotThrow(() -> bundle_readOfWriteIsTheSameWorkflowCheck(model)));
  }

  private static void bundle_readOfWriteIsTheSameWorkflowCheck(Model model) throws Exception {
    if (!model.hasAssessment()) {
      return; // a bundle without assessment rows names no workflow; about half the models have one
    }
    InMemoryRepository original = model.repository();
    Path dir = Files.createTempDirectory("bundle");
    try {
      Bundle.write(original, model.workflow().id(), dir);
      BundleRepository read = Bundle.open(dir);
      String wf = model.workflow().id();
      assertEquals(model.workflow(), read.workflow(wf).orElseThrow());
      try (Stream<AssessedFile> back = read.assessedFiles(FileQuery.all(wf))) {
        // The storage fields (size, SHA-256 of the copied content) are the bundle's own; checked
        // against the content below.
        assertEquals(
            sortedByRecency(original.contents(wf)),
            back.map(f -> new AssessedFile(f.file().withStorage(null, null, null), f.assessments()))
                .toList());
      }
      assertEquals(referenced(model, original.dataSources(wf), true), read.dataSources(wf));
      assertEquals(referenced(model, original.orders(wf), false), read.orders(wf));
      for (AssessedFile f : original.contents(wf)) {
        assertEquals(original.hasContent(f.file().id()), hasContent(read, f));
        if (original.hasContent(f.file().id())) {
          try (InputStream a = original.open(f.file());
              InputStream b = read.open(f.file())) {
            byte[] content = a.readAllBytes();
            assertArrayEquals(content, b.readAllBytes());
            MediaFile described =
                read.files(FileQuery.all(wf))
                    .filter(x -> x.id().equals(f.file().id()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Long.valueOf(content.length), described.size());
          }
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static List<AssessedFile> sortedByRecency(List<AssessedFile> files) {
    return files.stream()
        .map(
            f ->
                new AssessedFile(
                    f.file(), f.assessments().stream().sorted(Assessment.RECENCY).toList()))
        .toList();
  }

  /** The orders or data sources that files name, in the order the files first name them. */
  private static <T> List<T> referenced(Model model, List<T> all, boolean sources) {
    List<String> order = new ArrayList<>();
    for (AssessedFile f : model.files()) {
      String id = sources ? f.file().dataSourceId() : f.file().orderId();
      if (id != null && !order.contains(id)) {
        order.add(id);
      }
    }
    List<T> out = new ArrayList<>();
    for (String id : order) {
      all.stream()
          .filter(x -> id.equals(x instanceof DataSource d ? d.id() : ((WorkflowOrder) x).id()))
          .forEach(out::add);
    }
    return out;
  }

  private static boolean hasContent(BundleRepository bundle, AssessedFile f) throws IOException {
    try (InputStream in = bundle.open(f.file())) {
      return in != null;
    } catch (MediaNotFoundException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
