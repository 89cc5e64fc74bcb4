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
package dev.assessment.export.benchmarks;

import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.core.internal.AssessmentCsvWriter;
import dev.assessment.export.core.internal.Cells;
import dev.assessment.export.core.internal.LongCsvWriter;
import dev.assessment.export.core.internal.WideCsvWriter;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.imaging.internal.EntryNames;
import dev.assessment.export.imaging.internal.Fetched;
import dev.assessment.export.imaging.internal.ImageRenderer;
import dev.assessment.export.imaging.internal.Rendered;
import dev.assessment.export.imaging.internal.Spool;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the hot paths: CSV rows in both layouts, entry naming, polygon formatting,
 * drawing one image. {@code java -jar benchmarks/target/benchmarks.jar jmh HotPaths}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HotPaths {
  private CsvData data;
  private AssessmentCsvWriter longWriter;
  private AssessmentCsvWriter wideWriter;
  private int next;
  private Polygon polygon;
  private EntryNames names;
  private MediaFile file;
  private ImageRenderer renderer;
  private Fetched image;
  private List<Assessment> assessments;
  private double[] confidences;

  /** A writer that discards characters. */
  private static final class NullWriter extends Writer {
    @Override
    public void write(char[] cbuf, int off, int len) {}

    @Override
    public void write(String str, int off, int len) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /**
   * Prepares the data.
   *
   * @throws IOException if the image cannot be made
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new CsvData(8000);
    Map<String, WorkflowOrder> orders =
        data.orders("").stream().collect(Collectors.toMap(WorkflowOrder::id, Function.identity()));
    Map<String, DataSource> sources =
        data.dataSources("").stream()
            .collect(Collectors.toMap(DataSource::id, Function.identity()));
    longWriter =
        new LongCsvWriter(
            new NullWriter(),
            CsvData.WORKFLOW,
            orders,
            sources,
            true,
            PolygonEncoding.WKT,
            (c, s, f, m) -> {});
    wideWriter =
        new WideCsvWriter(
            new NullWriter(),
            CsvData.WORKFLOW,
            orders,
            sources,
            true,
            PolygonEncoding.WKT,
            (c, s, f, m) -> {});
    polygon =
        Polygon.of(1023.5, 777.25, 1144, 777.25, 1144, 857.5, 1023.5, 857.5, 1010.125, 820.75);
    SplittableRandom random = new SplittableRandom(11);
    // Confidences as a model writes them: float32 values widened to double, 8 to 17 digits.
    confidences = new double[4096];
    for (int i = 0; i < confidences.length; i++) {
      confidences[i] = (float) random.nextDouble();
    }
    names = new EntryNames(CsvData.WORKFLOW, orders, 200);
    file = data.pool.get(0).file();
    byte[] jpeg = Photos.jpeg(1920, 1080, 5);
    Spool spool = new Spool(Fetched.MEMORY_PER_FILE);
    spool.write(jpeg);
    spool.finishWriting();
    image = Fetched.ok(spool, 0L, new byte[32]);
    renderer = new ImageRenderer(ArchiveOptions.defaults());
    assessments = Runner.photos(List.of(jpeg), 20).contents("wf").get(0).assessments();
  }

  /** Drops the image. */
  @TearDown(Level.Trial)
  public void tearDown() {
    image.close();
  }

  /**
   * One file of the long layout: 8 rows.
   *
   * @return the rows written
   * @throws IOException never
   */
  @Benchmark
  public long longLayoutFile() throws IOException {
    AssessedFile f = data.pool.get(next++ % CsvData.POOL);
    return longWriter.write(f);
  }

  /**
   * One file of the wide layout: 2 rows.
   *
   * @return the rows written
   * @throws IOException never
   */
  @Benchmark
  public long wideLayoutFile() throws IOException {
    AssessedFile f = data.pool.get(next++ % CsvData.POOL);
    return wideWriter.write(f);
  }

  /**
   * One polygon as WKT.
   *
   * @return the text
   */
  /**
   * One number with more than six decimals, as the CSV layouts write it: the shortest digits, the
   * same on every JDK.
   *
   * @return the text
   */
  @Benchmark
  public String numberShortest() {
    return Cells.number(confidences[next++ & (confidences.length - 1)]);
  }

  /**
   * The baseline of {@link #numberShortest}: the running JDK's own {@code Double.toString}, which
   * on JDK 17 is sometimes longer.
   *
   * @return the text
   */
  @Benchmark
  public String numberJdkToString() {
    return Double.toString(confidences[next++ & (confidences.length - 1)]);
  }

  @Benchmark
  public String polygonWkt() {
    return Cells.polygon(polygon, PolygonEncoding.WKT);
  }

  /**
   * One polygon as JSON.
   *
   * @return the text
   */
  @Benchmark
  public String polygonJson() {
    return Cells.polygon(polygon, PolygonEncoding.JSON);
  }

  /**
   * One entry name.
   *
   * @return the name
   */
  @Benchmark
  public String entryName() {
    return names.next(file);
  }

  /**
   * Decoding, drawing 20 polygons on and encoding one 1080p JPEG.
   *
   * @param hole consumes the result
   */
  @Benchmark
  @Measurement(iterations = 5, time = 2)
  public void drawOneImage(Blackhole hole) {
    try (Rendered r = renderer.render(file, image, assessments)) {
      hole.consume(r.drawn());
    }
  }
}
