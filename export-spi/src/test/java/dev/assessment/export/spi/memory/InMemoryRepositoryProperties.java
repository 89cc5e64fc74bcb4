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
package dev.assessment.export.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class InMemoryRepositoryProperties {
  private static final List<String> WORKFLOWS = List.of("wf1", "wf2");
  private static final List<String> SOURCES = List.of("s1", "s2", "s3");
  private static final List<String> ORDERS = List.of("o1", "o2");

  /** One generated file: workflow index, source index, order index (-1 none), assessment times. */
  record Spec(int workflow, int source, int order, List<Integer> minutes) {}

  /** The query's settings; empty ids stand for no filter. */
  record Query(String workflowId, String sourceId, String orderId, AssessmentScope scope) {}

  @Test
  void assessedFiles_matchAPlainFilterInStableOrder() {
    qt().withFixedSeed(20251119L)
        .withExamples(200)
        .forAll(files(), queries())
        .checkAssert(
            (specs, q) -> check(specs, q.workflowId(), q.sourceId(), q.orderId(), q.scope()));
  }

  private static void check(
      List<Spec> specs, String workflowId, String sourceId, String orderId, AssessmentScope scope) {
    String source = sourceId.isEmpty() ? null : sourceId;
    String order = orderId.isEmpty() ? null : orderId;
    List<AssessedFile> all = build(specs);
    InMemoryRepository repo = repository(all);

    List<AssessedFile> expected = new ArrayList<>();
    for (AssessedFile f : all) {
      MediaFile m = f.file();
      if (m.workflowId().equals(workflowId)
          && (source == null || source.equals(m.dataSourceId()))
          && (order == null || order.equals(m.orderId()))) {
        expected.add(scope == AssessmentScope.LATEST ? naiveLatest(f) : f);
      }
    }
    FileQuery query =
        FileQuery.builder(workflowId).dataSourceId(source).orderId(order).scope(scope).build();
    try (Stream<AssessedFile> s = repo.assessedFiles(query)) {
      assertEquals(expected, s.toList());
    }
    try (Stream<MediaFile> s = repo.files(query)) {
      assertEquals(expected.stream().map(AssessedFile::file).toList(), s.toList());
    }
    assertEquals(expected.size(), repo.countFiles(query).getAsLong());
    assertEquals(0, repo.openStreams());
  }

  /** The latest by time, then by greatest numeric id: written without Assessment.RECENCY. */
  private static AssessedFile naiveLatest(AssessedFile f) {
    Assessment best = null;
    for (Assessment a : f.assessments()) {
      if (best == null
          || a.assessedAt().isAfter(best.assessedAt())
          || (a.assessedAt().equals(best.assessedAt())
              && Integer.parseInt(a.id()) > Integer.parseInt(best.id()))) {
        best = a;
      }
    }
    return best == null ? f : new AssessedFile(f.file(), List.of(best));
  }

  private static List<AssessedFile> build(List<Spec> specs) {
    List<AssessedFile> out = new ArrayList<>();
    int assessmentId = 0;
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      MediaFile file =
          new MediaFile(
              "f" + i,
              WORKFLOWS.get(s.workflow()),
              "x" + i,
              "n" + i,
              null,
              SOURCES.get(s.source()),
              s.order() < 0 ? null : ORDERS.get(s.order()));
      List<Assessment> assessments = new ArrayList<>();
      for (int minute : s.minutes()) {
        // Ids descend while times repeat, so ties are broken by id, not by list position.
        assessments.add(
            new Assessment(
                Integer.toString(1000 - assessmentId++),
                AssessmentKind.HUMAN,
                null,
                null,
                Instant.EPOCH.plusSeconds(60L * minute),
                List.of()));
      }
      out.add(new AssessedFile(file, assessments));
    }
    return out;
  }

  private static InMemoryRepository repository(List<AssessedFile> files) {
    // The builder checks that a file's data source and order exist, not that they belong to the
    // file's workflow, so one set serves both workflows.
    InMemoryRepository.Builder b = InMemoryRepository.builder();
    b.workflow("wf1", "wf1");
    b.workflow("wf2", "wf2");
    for (String s : SOURCES) {
      b.dataSource(new dev.assessment.export.spi.DataSource(s, "wf1", s));
    }
    for (String o : ORDERS) {
      b.order(new dev.assessment.export.spi.WorkflowOrder(o, "wf1", o));
    }
    for (AssessedFile f : files) {
      b.file(f.file(), f.assessments());
    }
    return b.build();
  }

  static Gen<List<Spec>> files() {
    Gen<Spec> spec =
        integers()
            .between(0, 1)
            .zip(
                integers().between(0, 2),
                integers().between(-1, 1),
                lists().of(integers().between(0, 3)).ofSizeBetween(0, 4),
                Spec::new);
    return lists().of(spec).ofSizeBetween(0, 30);
  }

  static Gen<Query> queries() {
    return Generate.pick(List.of("wf1", "wf2"))
        .zip(
            Generate.pick(List.of("", "s1", "s2", "s3")),
            Generate.pick(List.of("", "o1", "o2")),
            Generate.enumValues(AssessmentScope.class),
            Query::new);
  }
}
