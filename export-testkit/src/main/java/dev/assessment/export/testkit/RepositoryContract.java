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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository SPI contract, as a JUnit Jupiter test to extend. Implement {@link
 * #load(InMemoryRepository)} to put a fixture into your storage and return your repositories;
 * every test here loads what it needs and checks one part of the contract, the way the exporter
 * relies on it:
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
 */
public abstract class RepositoryContract {
  private final List<AutoCloseable> cleanups = new ArrayList<>();

  /**
   * Loads a fixture into the storage under test and returns the repositories over it. Called
   * once per test, with a fixture that holds one or more workflows, their metadata, files,
   * assessments and content.
   *
   * @param fixture the data to load
   * @return the repositories over the loaded data
   * @throws Exception if loading fails
   */
  protected abstract RepositoryUnderTest load(InMemoryRepository fixture) throws Exception;

  /**
   * Returns how many files the large-result test generates (default 20,000 files of 4
   * annotations each). Lower it for slow storage; the test then checks proportionally.
   *
   * @return the number of files
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
   */
  @Test
  public void metadata_matchesTheFixture() throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    for (String wf : List.of(ContractFixtures.WORKFLOW, ContractFixtures.OTHER_WORKFLOW)) {
      assertEquals(fixture.workflow(wf), r.workflows().workflow(wf), "workflow " + wf);
      assertEquals(Set.copyOf(fixture.orders(wf)), Set.copyOf(r.workflows().orders(wf)), "orders of " + wf);
      assertEquals(Set.copyOf(fixture.dataSources(wf)), Set.copyOf(r.workflows().dataSources(wf)),
          "data sources of " + wf);
    }
  }

  /**
   * Unknown ids give empty results, not exceptions.
   *
   * @throws Exception if loading fails
   */
  @Test
  public void metadata_unknownIdsAreEmpty() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    assertTrue(r.workflows().workflow("no-such-workflow").isEmpty());
    assertTrue(r.workflows().orders("no-such-workflow").isEmpty());
    assertTrue(r.workflows().dataSources("no-such-workflow").isEmpty());
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(FileQuery.all("no-such-workflow"))) {
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
   */
  @ParameterizedTest(name = "data source {0}, order {1}, {2}")
  @MethodSource("queries")
  public void assessedFiles_matchTheFixtureAfterTheExporterReappliesFilters(
      String dataSource, String order, AssessmentScope scope) throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    FileQuery query = new FileQuery(ContractFixtures.WORKFLOW, dataSource, order, scope);
    Map<String, AssessedFile> expected = new LinkedHashMap<>();
    for (AssessedFile f : fixture.contents(ContractFixtures.WORKFLOW)) {
      if (query.selects(f.file())) {
        expected.put(f.file().id(), scoped(f, scope));
      }
    }
    Map<String, AssessedFile> actual = new LinkedHashMap<>();
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      s.filter(f -> query.selects(f.file())).forEach(f -> {
        AssessedFile previous = actual.put(f.file().id(), scoped(f, scope));
        assertEquals(null, previous, "file " + f.file().id() + " was returned twice");
      });
    }
    assertEquals(expected, actual);
    assertEquals(order(r, query), List.copyOf(actual.keySet()), "the order is the unfiltered order");
  }

  /**
   * The queries: every data source and order filter, known and unknown, with both scopes.
   *
   * @return the arguments
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
   */
  @Test
  public void countFiles_matchesTheStreamWhenKnown() throws Exception {
    RepositoryUnderTest r = loaded(ContractFixtures.standard());
    for (Object[] q : new Object[][] {{null, null}, {"ds-drone", null}, {null, "o-2"}}) {
      FileQuery query = new FileQuery(ContractFixtures.WORKFLOW, (String) q[0], (String) q[1], AssessmentScope.ALL);
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
        s.findFirst();
      }
      try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
        assertTrue(s != null, "a stream, even if never read");
      }
    }
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      assertEquals(5, s.filter(f -> query.selects(f.file())).count(), "still whole after early closes");
    }
  }

  /**
   * Content matches the fixture's bytes; missing content is a {@link MediaNotFoundException}.
   *
   * @throws Exception if loading fails
   */
  @Test
  public void media_contentMatchesAndMissingIsNotFound() throws Exception {
    InMemoryRepository fixture = ContractFixtures.standard();
    RepositoryUnderTest r = loaded(fixture);
    int checked = 0;
    for (String wf : List.of(ContractFixtures.WORKFLOW, ContractFixtures.OTHER_WORKFLOW)) {
      for (AssessedFile f : fixture.contents(wf)) {
        MediaFile file = f.file();
        if (fixture.hasContent(file.id())) {
          try (InputStream expected = fixture.open(file); InputStream actual = r.media().open(file)) {
            assertArrayEquals(expected.readAllBytes(), actual.readAllBytes(), "content of " + file.id());
          }
          checked++;
        } else {
          assertThrows(MediaNotFoundException.class, () -> r.media().open(file).close(),
              "file " + file.id() + " has no content");
        }
      }
    }
    assertEquals(5, checked);
  }

  /**
   * Reading half of a large result does not hold half of it: the repository streams rather than
   * materialising. The heap is measured after full collections, so the check is coarse: it
   * catches a result held whole, not a small buffer.
   *
   * @throws Exception if loading fails
   */
  @Test
  public void assessedFiles_largeResultsStream() throws Exception {
    int files = largeFileCount();
    long perFile;
    RepositoryUnderTest r;
    {
      long before = usedAfterGc();
      InMemoryRepository fixture = ContractFixtures.large(files);
      perFile = Math.max(1, (usedAfterGc() - before) / files);
      r = loaded(fixture);
    }
    FileQuery query = new FileQuery(ContractFixtures.LARGE_WORKFLOW, null, null, AssessmentScope.ALL);
    long base = usedAfterGc();
    long mid = 0;
    long count = 0;
    Set<String> seen = new HashSet<>();
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(query)) {
      Iterator<AssessedFile> it = s.iterator();
      while (it.hasNext()) {
        AssessedFile f = it.next();
        if (seen.size() < 100) {
          seen.add(f.file().id());
        }
        if (++count == files / 2) {
          mid = usedAfterGc();
        }
      }
    }
    assertEquals(files, count);
    long held = mid - base;
    long half = perFile * files / 2;
    assertTrue(held < half / 2,
        "after reading half of " + files + " files, the heap holds " + (held >> 10) + " KiB more than"
            + " before; half the result is about " + (half >> 10) + " KiB: the stream seems to hold the"
            + " result instead of streaming it");
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

  private static List<String> order(RepositoryUnderTest r, FileQuery query) {
    FileQuery all = FileQuery.all(query.workflowId());
    try (Stream<AssessedFile> s = r.assessments().assessedFiles(all)) {
      return s.filter(f -> all.selects(f.file()) && query.selects(f.file())).map(f -> f.file().id()).toList();
    }
  }

  /** The file as the exporter sees it: assessments sorted, and only the latest for LATEST. */
  private static AssessedFile scoped(AssessedFile f, AssessmentScope scope) {
    List<Assessment> sorted = new ArrayList<>(f.assessments());
    sorted.sort(Assessment.RECENCY);
    if (scope == AssessmentScope.LATEST && sorted.size() > 1) {
      sorted = List.of(sorted.get(sorted.size() - 1));
    }
    return new AssessedFile(f.file(), sorted);
  }

}
