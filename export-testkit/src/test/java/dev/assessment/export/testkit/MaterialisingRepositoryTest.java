package dev.assessment.export.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit catches what it is for: a repository that materialises fails the large-result test. */
class MaterialisingRepositoryTest {

  private static String copy(String s) {
    return s == null ? null : String.valueOf(s.toCharArray());
  }

  /** A deep copy, as a repository that maps every row into records up front would hold. */
  private static AssessedFile copy(AssessedFile f) {
    MediaFile m = f.file();
    return new AssessedFile(
        new MediaFile(copy(m.id()), copy(m.workflowId()), copy(m.externalId()), copy(m.fileName()),
            copy(m.mediaType()), copy(m.dataSourceId()), copy(m.orderId())),
        f.assessments().stream().map(a -> new Assessment(copy(a.id()), a.kind(), copy(a.step()), copy(a.assessor()),
            a.assessedAt(), a.entities().stream().map(e -> new Entity(copy(e.id()), copy(e.label()),
                e.location() == null ? null : new Polygon(e.location().points().stream()
                    .map(p -> new Polygon.Point(p.x(), p.y())).toList()),
                e.locationConfidence(), e.attributes().stream().map(v -> new AttributeValue(copy(v.name()),
                    v.value() instanceof Value.Text t ? Value.text(copy(t.text())) : v.value(), v.confidence()))
                    .toList())).toList())).toList());
  }

  /** Copies every file into fresh records before returning the stream. */
  static final class Materialising extends RepositoryContract {
    @Override
    protected RepositoryUnderTest load(InMemoryRepository fixture) {
      AssessmentRepository copying = new AssessmentRepository() {
        @Override
        public Stream<AssessedFile> assessedFiles(FileQuery query) {
          List<AssessedFile> all;
          try (Stream<AssessedFile> s = fixture.assessedFiles(query)) {
            all = s.map(MaterialisingRepositoryTest::copy).toList();
          }
          return all.stream();
        }

        @Override
        public Stream<MediaFile> files(FileQuery query) {
          return fixture.files(query);
        }
      };
      return new RepositoryUnderTest(fixture, copying, fixture, () -> {});
    }
  }

  @Test
  void largeResultsStream_failsForAMaterialisingRepository() {
    Materialising contract = new Materialising();
    AssertionFailedError e = assertThrows(AssertionFailedError.class, contract::assessedFiles_largeResultsStream);
    assertTrue(e.getMessage().contains("the stream seems to hold the result"), e.getMessage());
  }
}
