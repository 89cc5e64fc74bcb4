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
package dev.assessment.export.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository SPI contract, as a JUnit Jupiter test to extend. Implement {@link
 * #load(InMemoryRepository)} to put a fixture into your storage and return your repositories; every
 * test here loads what it needs and checks one part of the contract, the way the exporter relies on
 * it:
 *
 * <ul>
 *   <li>metadata matches the fixture; unknown ids give empty results, not exceptions;
 *   <li>for every combination of data source, order and scope, the files returned, after the
 *       exporter re-applies the filters and the scope, are exactly the fixture's, whether the
 *       repository pushed the filters into its storage or not;
 *   <li>the order is stable, the same for both stream methods and on every call;
 *   <li>streams can be closed early, many times, without leaking;
 *   <li>content matches, and missing content is a {@link MediaNotFoundException};
 *   <li>large results stream: reading half of a large result does not hold half of it.
 * </ul>
 *
 * @since 0.2
 */
public abstract class RepositoryContract {
  private final List<AutoCloseable> cleanups = new ArrayList<>();

  /**
   * Creates the contract; a subclass implements {@link #load(InMemoryRepository)}.
   *
   * @since 0.2
   */
  protected RepositoryContract() {}

  /**
   * Loads a fixture into the storage under test and returns the repositories over it. Called once
   * per test, with a fixture that holds one or more workflows, their metadata, files, assessments
   * and content.
   *
   * @param fixture the data to load
   * @return the repositories over the loaded data
   * @throws Exception if loading fails
   * @since 0.2
   */
  protected abstract RepositoryUnderTest load(InMemoryRepository fixture) throws Exception;

  /**
   * Returns how many files the large-result test generates (default 20,000 files of 4 annotations
   * each). Lower it for slow storage; the test then checks proportionally.
   *
   * @return the number of files
   * @since 0.2
   */
  protected int largeFileCount() {
    return 20_000;
  }

  private RepositoryUnderTest loaded(InMemoryRepository fixture) throws Exception {
    RepositoryUnderTest r = load(fixture);
    cleanups.add(r.cleanup());
    return r;
  }

  /**
   * Runs the clean-ups of the repositories loaded by the test.
   *
   * @throws Exception if a clean-up fails
   * @since 0.2
   */
  @AfterEach
  protected void cleanUp() throws Exception {
    for (AutoCloseable c : cleanups) {
      c.close();
    }
    cleanups.clear();
  }

  /**
   * The workflow, its orders and its data sources match the fixture.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void metadata_matchesTheFixture() throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    for (String wf : List.of(ContractFixtures.WORKFLOW, ContractFixtures.OTHER_WORKFLOW)) {
      assertEquals(fixture.workflow(wf), r.workflows().workflow(wf), "workflow " + wf);
      assertEquals(
          Set.copyOf(fixture.orders(wf)), Set.copyOf(r.workflows().orders(wf)), "orders of " + wf);
      assertEquals(
          Set.copyOf(fixture.dataSources(wf)),
          Set.copyOf(r.workflows().dataSources(wf)),
          "data sources of " + wf);
    }
  }

  /**
   * Unknown ids give empty results, not exceptions.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void metadata_unknownIdsAreEmpty() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    assertTrue(r.workflows().workflow("no-such-workflow").isEmpty());
    assertTrue(r.workflows().orders("no-such-workflow").isEmpty());
    assertTrue(r.workflows().dataSources("no-such-workflow").isEmpty());
    try (Stream<AssessedFile> s =
        r.assessments().assessedFiles(FileQuery.all("no-such-workflow"))) {
      assertEquals(0, s.filter(f -> f.file().workflowId().equals("no-such-workflow")).count());
    }
  }

  /**
   * Every query's files, after the exporter re-applies filters and scope, are the fixture's.
   *
   * @param dataSource the data source filter, or null
   * @param order the order filter, or null
   * @param scope the scope
   * @throws Exception if loading fails
   * @since 0.2
   */
  @ParameterizedTest(name = "data source {0}, order {1}, {2}")
  @MethodSource("queries")
  public void assessedFiles_matchTheFixtureAfterTheExporterReappliesFilters(
      String dataSource, String order, AssessmentScope scope) throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    FileQuery query =
        FileQuery.builder(ContractFixtures.WORKFLOW)
            .dataSourceId(dataSource)
            .orderId(order)
            .scope(scope)
            .build();
    Map<String, AssessedFile> expected = new LinkedHashMap<>();
    for (AssessedFile f : fixture.contents(ContractFixtures.WORKFLOW)) {
      if (query.selects(f.file())) {
        expected.put(f.file().id(), scoped(f, scope));
      }
    }
    Map<String, AssessedFile> actual = new LinkedHashMap<>();
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      s.filter(f -> query.selects(f.file()))
          .forEach(
              f -> {
                AssessedFile previous = actual.put(f.file().id(), scoped(f, scope));
                assertEquals(null, previous, "file " + f.file().id() + " was returned twice");
              });
    }
    assertEquals(expected, actual);
    assertEquals(
        order(r, query), List.copyOf(actual.keySet()), "the order is the unfiltered order");
  }

  /**
   * The queries: every data source and order filter, known and unknown, with both scopes.
   *
   * @return the arguments
   * @since 0.2
   */
  static Stream<Arguments> queries() {
    List<Arguments> out = new ArrayList<>();
    for (String ds : new String[] {null, "ds-field", "ds-drone", "ds-other"}) {
      for (String order : new String[] {null, "o-1", "o-2"}) {
        for (AssessmentScope scope : AssessmentScope.values()) {
          out.add(Arguments.of(ds, order, scope));
        }
      }
    }
    return out.stream();
  }

  /**
   * Both stream methods return files in the same stable order, call after call.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void files_sameStableOrderAsAssessedFiles() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    FileQuery query = FileQuery.all(ContractFixtures.WORKFLOW);
    List<String> first = order(r, query);
    assertEquals(first, order(r, query), "the same order on a second call");
    List<String> files;
    try (Stream<MediaFile> s = r.assessments().files(query)) {
      files = s.filter(query::selects).map(MediaFile::id).toList();
    }
    assertEquals(first, files, "files() lists the files in assessedFiles()'s order");
    assertEquals(5, first.size(), "every file of the workflow, assessed or not");
  }

  /**
   * A count, when given, is the number of files the streams return.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void countFiles_matchesTheStreamWhenKnown() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    for (Object[] q : new Object[][] {{null, null}, {"ds-drone", null}, {null, "o-2"}}) {
      FileQuery query =
          FileQuery.builder(ContractFixtures.WORKFLOW)
              .dataSourceId((String) q[0])
              .orderId((String) q[1])
              .build();
      OptionalLong count = r.assessments().countFiles(query);
      if (count.isPresent()) {
        try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
          assertEquals(s.count(), count.getAsLong(), "count of " + query);
        }
      }
    }
  }

  /**
   * Streams may be closed before the end, many times over, without running out of anything.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void streams_closeEarlyWithoutLeaking() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    FileQuery query = FileQuery.all(ContractFixtures.WORKFLOW);
    for (int i = 0; i < 200; i++) {
      try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
        Iterator<AssessedFile> it = s.iterator();
        assertTrue(it.hasNext());
        it.next();
      }
      try (Stream<MediaFile> s = r.assessments().files(query)) {
        assertTrue(s.findFirst().isPresent(), "the first file");
      }
      try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
        assertTrue(s != null, "a stream, even if never read");
      }
    }
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      assertEquals(
          5, s.filter(f -> query.selects(f.file())).count(), "still whole after early closes");
    }
  }

  /**
   * Content matches the fixture's bytes; missing content is a {@link MediaNotFoundException}.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void media_contentMatchesAndMissingIsNotFound() throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    int checked = 0;
    for (String wf : List.of(ContractFixtures.WORKFLOW, ContractFixtures.OTHER_WORKFLOW)) {
      for (MediaFile file : streamedFiles(r, wf)) {
        if (fixture.hasContent(file.id())) {
          byte[] bytes;
          try (InputStream expected = fixture.open(file);
              InputStream actual = r.media().open(file)) {
            bytes = expected.readAllBytes();
            assertArrayEquals(bytes, actual.readAllBytes(), "content of " + file.id());
          }
          if (file.size() != null) {
            assertEquals(bytes.length, file.size(), "the size the listing gives for " + file.id());
          }
          if (file.sha256() != null) {
            assertEquals(
                java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                file.sha256(),
                "the SHA-256 the listing gives for " + file.id());
          }
          checked++;
        } else {
          assertThrows(
              MediaNotFoundException.class,
              () -> r.media().open(file).close(),
              "file " + file.id() + " has no content");
        }
      }
    }
    assertEquals(5, checked);
  }

  /**
   * Large results stream: the repository hands out the first file before it reads the rest. The
   * check counts the bytes the test's thread allocates from the call until the first file, and
   * compares them with what reading the whole result allocates, so it does not depend on when the
   * garbage collector runs, nor on whether the fixture is still in memory: a repository that maps
   * the whole result into records before returning fails, a cursor with a modest fetch size passes.
   * On a JVM that does not count allocations per thread, the heap held while the stream is open is
   * compared with the result's size instead.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void assessedFiles_largeResultsStream() throws Exception {
    int files = largeFileCount();
    boolean counted = Allocations.supported();
    // What building the fixture allocates is about what the result takes as records.
    long start = counted ? Allocations.current() : 0;
    InMemoryRepository fixture = ContractFixtures.large(files);
    long resultSize = counted ? Allocations.current() - start : (long) files * 2_000;
    RepositoryUnderTest r = loaded(fixture);
    fixture = null;
    FileQuery query = FileQuery.all(ContractFixtures.LARGE_WORKFLOW);
    long base = counted ? Allocations.current() : usedAfterGc();
    long beforeFirst;
    long count = 0;
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      Iterator<AssessedFile> it = s.iterator();
      assertTrue(it.hasNext(), "the large result is empty");
      it.next();
      count++;
      beforeFirst = (counted ? Allocations.current() : usedAfterGc()) - base;
      while (it.hasNext()) {
        it.next();
        count++;
      }
    }
    assertEquals(files, count);
    if (counted) {
      assertTrue(
          beforeFirst < resultSize / 4,
          "the repository allocated "
              + (beforeFirst >> 10)
              + " KiB before handing out the first of "
              + files
              + " files, whose records take about "
              + (resultSize >> 10)
              + " KiB: the stream"
              + " seems to read the whole result before returning it, instead of streaming it");
    } else {
      assertTrue(
          beforeFirst < resultSize / 2,
          "with the first of "
              + files
              + " files read, the heap holds "
              + (beforeFirst >> 10)
              + " KiB more than before; the result is about "
              + (resultSize >> 10)
              + " KiB: the"
              + " stream seems to hold the result instead of streaming it");
    }
  }

  /**
   * A large file (33 MiB) is read in chunks, and opening it does not read it whole: what the test's
   * thread allocates from {@code open} to the first 64 KiB read stays under 16 MiB. Its bytes
   * match.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void media_largeContentStreamsInChunks() throws Exception {
    InMemoryRepository fixture = ContractFixtures.largeContent();
    RepositoryUnderTest r = loaded(fixture);
    MediaFile file = streamedFiles(r, ContractFixtures.LARGE_CONTENT_WORKFLOW).get(0);
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    try (InputStream in = fixture.open(file)) {
      digest(in, expected, new byte[1 << 16]);
    }
    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    boolean counted = Allocations.supported();
    long base = counted ? Allocations.current() : 0;
    try (InputStream in = r.media().open(file)) {
      int n = in.readNBytes(buffer, 0, buffer.length);
      long allocated = counted ? Allocations.current() - base : 0;
      assertTrue(
          allocated < 16L << 20,
          "opening a file of "
              + (ContractFixtures.LARGE_CONTENT_BYTES >> 20)
              + " MiB and reading"
              + " 64 KiB allocated "
              + (allocated >> 20)
              + " MiB: the content seems to be read whole"
              + " instead of streamed (see docs/jdbc-repository for chunked reads)");
      actual.update(buffer, 0, n);
      long total = n + digest(in, actual, buffer);
      assertEquals(ContractFixtures.LARGE_CONTENT_BYTES, total, "length of " + file.id());
    }
    assertArrayEquals(expected.digest(), actual.digest(), "content of " + file.id());
  }

  /**
   * The exporter reads a few files ahead (4 by default): content of different files opened at once,
   * on different threads, all stay readable and correct.
   *
   * @throws Exception if loading fails
   * @since 0.2
   */
  @Test
  public void media_concurrentOpensOfDifferentFiles() throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    List<MediaFile> withContent = new ArrayList<>();
    for (MediaFile f : streamedFiles(r, ContractFixtures.WORKFLOW)) {
      if (fixture.hasContent(f.id())) {
        withContent.add(f);
      }
    }
    int readAhead = Math.min(4, withContent.size());
    CyclicBarrier allOpen = new CyclicBarrier(readAhead);
    ExecutorService pool = Executors.newFixedThreadPool(readAhead);
    try {
      List<Future<byte[]>> reads = new ArrayList<>();
      for (MediaFile f : withContent.subList(0, readAhead)) {
        reads.add(
            pool.submit(
                () -> {
                  try (InputStream in = r.media().open(f)) {
                    allOpen.await(30, TimeUnit.SECONDS);
                    return in.readAllBytes();
                  }
                }));
      }
      for (int i = 0; i < readAhead; i++) {
        MediaFile f = withContent.get(i);
        try (InputStream expected = fixture.open(f)) {
          assertArrayEquals(
              expected.readAllBytes(),
              reads.get(i).get(60, TimeUnit.SECONDS),
              "content of " + f.id() + " read while " + (readAhead - 1) + " others were open");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long digest(InputStream in, MessageDigest digest, byte[] buffer) throws Exception {
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /**
   * The files as the repository streams them, storage keys included, as the exporter opens them.
   */
  private static List<MediaFile> streamedFiles(RepositoryUnderTest r, String workflowId)
      throws Exception {
    FileQuery all = FileQuery.all(workflowId);
    try (Stream<MediaFile> s = r.assessments().files(all)) {
      return s.filter(all::selects).toList();
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  private static List<String> order(RepositoryUnderTest r, FileQuery query) throws Exception {
    FileQuery all = FileQuery.all(query.workflowId());
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(all)) {
      return s.filter(f -> all.selects(f.file()) && query.selects(f.file()))
          .map(f -> f.file().id())
          .toList();
    }
  }

  /**
   * The file as the exporter sees it: assessments sorted, and only the latest for LATEST. The
   * storage hints (key, size, hash) are the repository's own and are compared apart, against the
   * content.
   */
  private static AssessedFile scoped(AssessedFile f, AssessmentScope scope) {
    List<Assessment> sorted = new ArrayList<>(f.assessments());
    sorted.sort(Assessment.RECENCY);
    if (scope == AssessmentScope.LATEST && sorted.size() > 1) {
      sorted = List.of(sorted.get(sorted.size() - 1));
    }
    return new AssessedFile(f.file().withStorage(null, null, null), sorted);
  }
}
