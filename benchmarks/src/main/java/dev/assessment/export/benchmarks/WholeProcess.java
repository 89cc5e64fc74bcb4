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

import dev.assessment.export.bundle.Bundle;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Whole processes on the same data, as a new user would run them: the example host's jar against
 * the tools a user would pick instead (Python's {@code csv}, {@code zip -0}, ImageMagick, Pillow,
 * {@code djpeg | cjpeg}), timed with peak resident memory, interleaved rounds, medians. A peer that
 * is not installed is reported as skipped.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.assessment.export.benchmarks.WholeProcess
 * [--data DIR] [--runs N] [--files N] [--host JAR] [--turbo-java PATH]}
 *
 * <p>The annotated rows run the host twice when it was built with {@code -Djdk22.home} and {@code
 * --turbo-java} names the {@code java} of a JDK 22 or later (default: {@code
 * $JDK22_HOME/bin/java}): on this JVM, with ImageIO's codec, and on that one, with the TurboJPEG
 * codec.
 */
public final class WholeProcess {
  static final String WORKFLOW = "wf-whole";
  static final String PHOTO_ORDER = "o-photos";
  static final int PHOTOS = 40;
  private static final String[] LABELS = {"dent", "crack", "missing shingle", "rust"};
  private static final String[] MATERIALS = {"tile", "slate", "metal, corrugated", "asphalt"};

  private WholeProcess() {}

  /**
   * Generates the data if it is not there, then runs the table.
   *
   * @param args the options
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("java.io.tmpdir"), "assessment-export-whole");
    int runs = 3;
    int files = 20_040;
    Path host = Path.of("docs/example-host/target/assessment-export.jar");
    Path baseline = null;
    String only = "";
    String jdk22 = System.getenv("JDK22_HOME");
    String turboJava = jdk22 == null ? null : Path.of(jdk22, "bin", "java").toString();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--host" -> host = Path.of(args[++i]);
        case "--baseline-host" -> baseline = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--turbo-java" -> turboJava = args[++i];
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + ": use --data DIR, --runs N, --files N, --host JAR, --baseline-host JAR,"
                    + " --turbo-java PATH, --only bundle|annotated|database");
      }
    }
    if (!Files.isRegularFile(host)) {
      throw new IllegalArgumentException(
          host + " is missing: build it with mvn -B -q package -DskipTests, or give --host JAR");
    }
    Path bundle = data.resolve("bundle-" + files);
    if (!Files.isRegularFile(bundle.resolve("polygons.txt")) || !current(bundle)) {
      System.out.printf("generating %d files into %s …%n", files, bundle);
      if (Files.exists(bundle)) {
        try (Stream<Path> s = Files.walk(bundle)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      generate(bundle, files);
    }
    Path work = Files.createTempDirectory("assessment-export-whole-run");
    try {
      if (!only.equals("database")) {
        table(bundle, work, host.toAbsolutePath(), turboJava, runs, only.equals("annotated"));
      }
      if (!only.equals("bundle") && !only.equals("annotated")) {
        Database.table(
            bundle,
            work,
            host.toAbsolutePath(),
            baseline == null ? null : baseline.toAbsolutePath(),
            runs);
      }
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The data

  /** Writes the bundle, and for the peers the photos' paths and polygons ({@code polygons.txt}). */
  /**
   * Tells whether a cached bundle is in today's format: one written before files.csv carried each
   * content's size and SHA-256 would make the exports hash every photo again.
   */
  private static boolean current(Path bundle) throws IOException {
    try (java.io.BufferedReader r =
        Files.newBufferedReader(bundle.resolve("files.csv"), StandardCharsets.UTF_8)) {
      String header = r.readLine();
      return header != null && header.contains("sha256");
    }
  }

  static void generate(Path bundle, int files) throws Exception {
    Synthetic data = new Synthetic(files);
    Bundle.write(data, WORKFLOW, bundle);
    // The peers draw the same polygons on the same photos: one line a photo, its media path, then
    // each polygon as x,y x,y … separated by ';'.
    Map<String, String> paths = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(bundle.resolve("files.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (cells.length > 8 && cells[6].equals(PHOTO_ORDER)) {
        paths.put(cells[0], cells[8]);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < PHOTOS && i < files; i++) {
      out.append(paths.get(Synthetic.fileId(i)));
      for (Assessment a : data.assessments(i)) {
        for (Entity e : a.entities()) {
          Polygon p = e.location();
          if (p == null) {
            continue;
          }
          out.append(';');
          StringBuilder points = new StringBuilder();
          for (Polygon.Point pt : p.points()) {
            points.append(points.length() == 0 ? "" : " ");
            points.append(String.format(Locale.ROOT, "%.0f,%.0f", pt.x(), pt.y()));
          }
          out.append(points);
        }
      }
      out.append('\n');
    }
    Files.writeString(bundle.resolve("polygons.txt"), out, StandardCharsets.UTF_8);
  }

  /**
   * A workflow generated as it is streamed: {@code files} files in orders of 200 (the first {@link
   * #PHOTOS} are 12 MP photos in their own order), two assessments of four annotations each, every
   * annotation with a location and four attributes: 40 long rows a file.
   */
  static final class Synthetic
      implements WorkflowRepository, AssessmentRepository, MediaRepository {
    static final Workflow FLOW =
        new Workflow(
            WORKFLOW,
            "Roof inspection, whole-process benchmark",
            List.of(
                AttributeDefinition.of("severity", AttributeType.NUMBER),
                AttributeDefinition.of("material", AttributeType.CHOICES),
                AttributeDefinition.of("notes", AttributeType.TEXT),
                AttributeDefinition.of("repairable", AttributeType.BOOLEAN)));
    private final int files;

    Synthetic(int files) {
      this.files = files;
    }

    static String fileId(int i) {
      return String.format(Locale.ROOT, "f-%06d", i);
    }

    static String orderId(int i) {
      return i < PHOTOS ? PHOTO_ORDER : "o-" + (i / 200);
    }

    MediaFile file(int i) {
      boolean photo = i < PHOTOS;
      return new MediaFile(
          fileId(i),
          WORKFLOW,
          String.format(Locale.ROOT, "000%09d", 3_112_442 + i),
          photo ? String.format(Locale.ROOT, "photo-%02d.jpg", i) : "IMG_" + i + ".jpg",
          "image/jpeg",
          i % 3 == 0 ? "ds-drone" : "ds-app",
          orderId(i));
    }

    List<Assessment> assessments(int i) {
      Random r = new Random(20251130L + i);
      boolean photo = i < PHOTOS;
      double w = photo ? 4000 : 640;
      double h = photo ? 3000 : 480;
      List<Assessment> out = new ArrayList<>();
      for (int a = 0; a < 2; a++) {
        List<Entity> entities = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
          double cx = w * (0.15 + 0.7 * r.nextDouble());
          double cy = h * (0.15 + 0.7 * r.nextDouble());
          double radius = Math.min(w, h) * (0.05 + 0.1 * r.nextDouble());
          double[] xy = new double[24];
          for (int k = 0; k < 12; k++) {
            double angle = 2 * Math.PI * k / 12;
            double d = radius * (0.7 + 0.3 * r.nextDouble());
            xy[2 * k] = Math.round((cx + d * Math.cos(angle)) * 10) / 10.0;
            xy[2 * k + 1] = Math.round((cy + d * Math.sin(angle)) * 10) / 10.0;
          }
          entities.add(
              new Entity(
                  "e-" + a + "-" + e,
                  LABELS[r.nextInt(LABELS.length)],
                  Polygon.of(xy),
                  Math.round(r.nextDouble() * 1000) / 1000.0,
                  List.of(
                      AttributeValue.of("severity", Value.number(1 + r.nextInt(5)), 0.9),
                      AttributeValue.of(
                          "material",
                          Value.choices(List.of(MATERIALS[r.nextInt(MATERIALS.length)])),
                          0.8),
                      new AttributeValue(
                          "notes", Value.text("seen from the north side, \"approx.\" " + e), null),
                      AttributeValue.of("repairable", Value.bool(r.nextBoolean()), 0.7))));
        }
        out.add(
            new Assessment(
                "a-" + a,
                a == 0 ? AssessmentKind.MACHINE : AssessmentKind.HUMAN,
                a == 0 ? "detector v3" : "review",
                a == 0 ? null : "reviewer-" + (i % 7),
                Instant.parse("2025-11-19T08:00:00Z").plusSeconds(i * 60L + a),
                entities));
      }
      return out;
    }

    @Override
    public Optional<Workflow> workflow(String workflowId) {
      return WORKFLOW.equals(workflowId) ? Optional.of(FLOW) : Optional.empty();
    }

    @Override
    public List<WorkflowOrder> orders(String workflowId) {
      return IntStream.range(0, files)
          .mapToObj(Synthetic::orderId)
          .distinct()
          .map(id -> new WorkflowOrder(id, WORKFLOW, "Order " + id))
          .toList();
    }

    @Override
    public List<DataSource> dataSources(String workflowId) {
      return List.of(
          new DataSource("ds-drone", WORKFLOW, "Drone"),
          new DataSource("ds-app", WORKFLOW, "Field app"));
    }

    @Override
    public Stream<AssessedFile> assessedFiles(FileQuery query) {
      return IntStream.range(0, files)
          .mapToObj(i -> new AssessedFile(file(i), assessments(i)))
          .filter(f -> query.selects(f.file()));
    }

    @Override
    public Stream<MediaFile> files(FileQuery query) {
      return IntStream.range(0, files).mapToObj(this::file).filter(query::selects);
    }

    @Override
    public OptionalLong countFiles(FileQuery query) {
      return OptionalLong.of(files(query).count());
    }

    @Override
    public InputStream open(MediaFile file) throws IOException {
      int i = Integer.parseInt(file.id().substring(2));
      if (i < PHOTOS) {
        return new ByteArrayInputStream(Photos.jpeg(4000, 3000, i));
      }
      byte[] small = new byte[2048];
      new Random(i).nextBytes(small);
      return new ByteArrayInputStream(small);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The table

  /** One contestant: a command, or why it was skipped. */
  private record Contestant(String job, String name, List<String> command, String skipped) {
    static Contestant of(String job, String name, String... command) {
      return new Contestant(job, name, List.of(command), "");
    }

    static Contestant skip(String job, String name, String why) {
      return new Contestant(job, name, List.of(), why);
    }
  }

  private static void table(
      Path bundle,
      Path work,
      Path host,
      @Nullable String turboJava,
      int runs,
      boolean annotatedOnly)
      throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Path photos = work.resolve("photos.txt");
    List<String> photoLines = Files.readAllLines(bundle.resolve("polygons.txt"));
    Files.write(photos, photoLines);
    String python = findPython();
    String pillow = python != null && runs(python, "-c", "import PIL") ? python : null;
    String magick = findImageMagick();
    Path script = work.resolve("peers.py");
    Files.writeString(script, PEERS_PY, StandardCharsets.UTF_8);
    List<Contestant> all = new ArrayList<>();
    String longJob = "long CSV of the whole bundle";
    all.add(
        new Contestant(
            longJob,
            "example host",
            hostExport(
                List.of(java), host, bundle, "attribute-values", null, work.resolve("long.csv")),
            ""));
    all.add(
        python == null
            ? Contestant.skip(longJob, "Python csv read + write", "no python3")
            : Contestant.of(
                longJob,
                "Python csv read + write",
                python,
                script.toString(),
                "csv",
                bundle.resolve("assessments.csv").toString(),
                work.resolve("python.csv").toString()));
    String filesJob = "files ZIP of the order's " + PHOTOS + " photos";
    all.add(
        new Contestant(
            filesJob,
            "example host",
            hostExport(
                List.of(java), host, bundle, "files", PHOTO_ORDER, work.resolve("files.zip")),
            ""));
    List<String> zip = new ArrayList<>(List.of("zip", "-0", "-q", "-j", "-X"));
    zip.add(work.resolve("peer.zip").toString());
    for (String line : photoLines) {
      zip.add(bundle.resolve(line.substring(0, line.indexOf(';'))).toString());
    }
    all.add(
        runs("zip", "-v")
            ? new Contestant(filesJob, "zip -0", zip, "")
            : Contestant.skip(filesJob, "zip -0", "no zip"));
    String annotatedJob = "annotated ZIP of the same photos";
    String noTurbo = turboSkipReason(host, turboJava);
    for (String edge : List.of("", "2048")) {
      String job = edge.isEmpty() ? annotatedJob : "annotated ZIP, maxLongEdge " + edge;
      Path out = work.resolve("annotated.zip");
      List<String> imageIo =
          hostExport(
              List.of(java, "-D" + CODEC_PROPERTY + "=imageio"),
              host,
              bundle,
              "annotated-files",
              PHOTO_ORDER,
              out);
      if (!edge.isEmpty()) {
        imageIo.addAll(List.of("--max-long-edge", edge));
      }
      all.add(new Contestant(job, "example host, ImageIO (all cores)", imageIo, ""));
      if (noTurbo != null) {
        all.add(Contestant.skip(job, "example host, TurboJPEG (all cores)", noTurbo));
      } else {
        List<String> turbo =
            hostExport(List.of(turboJava), host, bundle, "annotated-files", PHOTO_ORDER, out);
        if (!edge.isEmpty()) {
          turbo.addAll(List.of("--max-long-edge", edge));
        }
        all.add(new Contestant(job, "example host, TurboJPEG (all cores)", turbo, ""));
      }
    }
    all.add(
        magick == null || python == null
            ? Contestant.skip(annotatedJob, "ImageMagick, one thread", "no ImageMagick")
            : Contestant.of(
                annotatedJob,
                "ImageMagick, one thread",
                python,
                script.toString(),
                "magick",
                magick,
                bundle.toString(),
                photos.toString(),
                work.resolve("magick").toString()));
    for (String mode : List.of("polygon", "line")) {
      all.add(
          pillow == null
              ? Contestant.skip(annotatedJob, "Pillow " + mode, "no Pillow")
              : Contestant.of(
                  annotatedJob,
                  "Pillow " + mode + ", one thread",
                  pillow,
                  script.toString(),
                  mode,
                  bundle.toString(),
                  photos.toString(),
                  work.resolve("pillow-" + mode).toString()));
    }
    all.add(
        python == null || !runs("djpeg", "-version") && !runs("cjpeg", "-version")
            ? Contestant.skip(annotatedJob, "djpeg → cjpeg, no drawing", "no djpeg/cjpeg")
            : Contestant.of(
                annotatedJob,
                "djpeg → cjpeg, no drawing, one thread",
                python,
                script.toString(),
                "turbo",
                bundle.toString(),
                photos.toString(),
                work.resolve("turbo").toString()));

    if (annotatedOnly) {
      all.removeIf(c -> !c.job().startsWith("annotated"));
    }
    Map<Contestant, double[]> seconds = new LinkedHashMap<>();
    Map<Contestant, Long> rss = new LinkedHashMap<>();
    for (Contestant c : all) {
      if (c.skipped().isEmpty()) {
        seconds.put(c, new double[runs]);
      }
    }
    for (int round = 0; round < runs; round++) {
      for (Contestant c : seconds.keySet()) {
        long[] measured = time(c.command(), work);
        seconds.get(c)[round] = measured[0] / 1000.0;
        rss.merge(c, measured[1], Math::max);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n# Whole processes on %s%n%n%s, %d cores; %d interleaved rounds, median%n%n",
        bundle.getFileName(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        runs);
    System.out.println(
        "| job | contestant | median s | min–max s | peak RSS MB | host row(s): peer time ÷ host time |");
    System.out.println("|---|---|---|---|---|---|");
    // Each job's host rows, in order: a peer is compared with each, a host row with the first.
    Map<String, List<Contestant>> hosts = new LinkedHashMap<>();
    for (Contestant c : all) {
      if (c.name().startsWith("example host") && seconds.containsKey(c)) {
        hosts.computeIfAbsent(c.job(), k -> new ArrayList<>()).add(c);
      }
    }
    for (Contestant c : all) {
      if (!c.skipped().isEmpty()) {
        System.out.printf("| %s | %s | skipped: %s | | | |%n", c.job(), c.name(), c.skipped());
        continue;
      }
      double[] s = seconds.get(c).clone();
      Arrays.sort(s);
      double m = median(s);
      List<String> ratios = new ArrayList<>();
      for (Contestant h : hosts.getOrDefault(c.job(), List.of())) {
        if (h == c) {
          break;
        }
        String against = h.name().replace("example host, ", "").replace(" (all cores)", "");
        if (c.name().startsWith("example host")) {
          // A second host row: how many times as fast as the first.
          ratios.add(
              String.format(
                  Locale.ROOT, "%.2f× as fast as %s", median(seconds.get(h)) / m, against));
          break;
        }
        ratios.add(String.format(Locale.ROOT, "%s: %.2f×", against, m / median(seconds.get(h))));
      }
      String ratio = ratios.isEmpty() ? "—" : String.join("; ", ratios);
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.2f | %.2f–%.2f | %d | %s |%n",
          c.job(),
          c.name(),
          m,
          s[0],
          s[s.length - 1],
          rss.get(c) / 1024,
          ratio);
    }
  }

  /** The example host's export of a bundle: the JVM and its options, the jar, the export's. */
  private static List<String> hostExport(
      List<String> jvm, Path host, Path bundle, String layout, @Nullable String order, Path out) {
    List<String> command = new ArrayList<>(jvm);
    command.addAll(
        List.of(
            "-jar", host.toString(), "export", "--bundle", bundle.toString(), "--layout", layout));
    if (order != null) {
      command.addAll(List.of("--order", order));
    }
    command.addAll(List.of("--out", out.toString()));
    return command;
  }

  /** Why the TurboJPEG rows cannot run, or {@code null} when they can. */
  private static @Nullable String turboSkipReason(Path host, @Nullable String turboJava)
      throws IOException {
    if (turboJava == null) {
      return "no JDK 22+ (give --turbo-java PATH or set JDK22_HOME)";
    }
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(host.toFile())) {
      if (jar.getEntry("dev/assessment/export/turbojpeg/TurboJpegCodec.class") == null) {
        return "the host was built without the codec (build with -Djdk22.home=PATH)";
      }
    }
    if (!runs(turboJava, "-version")) {
      return turboJava + " does not run";
    }
    return null;
  }

  /** The system property that chooses the JPEG codec. */
  private static final String CODEC_PROPERTY = "assessment.export.jpegCodec";

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Runs a command under {@code /usr/bin/time}: wall milliseconds and peak RSS in KiB. */
  static long[] time(List<String> command, Path work) throws Exception {
    Path report = work.resolve("time.txt");
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o"));
    timed.add(report.toString());
    timed.addAll(command);
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(timed)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("out.txt").toFile())
            .start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "failed: " + command + "\n" + Files.readString(work.resolve("out.txt")));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    String[] r = Files.readString(report).strip().split("\\s+");
    return new long[] {millis, Long.parseLong(r[r.length - 1])};
  }

  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** A Python with Pillow if there is one (Debian's python3-pil sits beside /usr/bin/python3). */
  static String findPython() {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      if (runs(candidate, "-c", "import PIL")) {
        return candidate;
      }
    }
    return runs("python3", "-c", "import csv") ? "python3" : null;
  }

  /** ImageMagick's convert, where one is installed (and not a stand-in of that name). */
  private static String findImageMagick() {
    for (String candidate : List.of("magick", "/usr/bin/convert", "convert")) {
      try {
        Process p = new ProcessBuilder(candidate, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor(30, TimeUnit.SECONDS) && out.startsWith("Version: ImageMagick")) {
          return candidate;
        }
      } catch (IOException | InterruptedException e) {
        // not this one
      }
    }
    return null;
  }

  /** The peers that are Python scripts, or loops of processes run from Python. */
  private static final String PEERS_PY =
      """
      import csv, os, subprocess, sys

      def photos(bundle, listing):
          for line in open(listing, encoding="utf-8"):
              parts = line.rstrip("\\n").split(";")
              polygons = [[tuple(float(v) for v in p.split(",")) for p in poly.split(" ")]
                          for poly in parts[1:]]
              yield os.path.join(bundle, parts[0]), polygons

      mode = sys.argv[1]
      if mode == "csv":
          with open(sys.argv[2], newline="", encoding="utf-8") as src, \\
                  open(sys.argv[3], "w", newline="", encoding="utf-8") as dst:
              csv.writer(dst).writerows(csv.reader(src))
      elif mode == "magick":
          exe, bundle, listing, out = sys.argv[2:6]
          os.makedirs(out, exist_ok=True)
          env = dict(os.environ, MAGICK_THREAD_LIMIT="1")
          for i, (path, polygons) in enumerate(photos(bundle, listing)):
              draw = []
              for poly in polygons:
                  draw += ["-draw", "polygon " + " ".join("%g,%g" % p for p in poly)]
              subprocess.run([exe, path, "-fill", "none", "-stroke", "red", "-strokewidth", "4"]
                             + draw + ["-quality", "90", os.path.join(out, "%d.jpg" % i)],
                             check=True, env=env)
      elif mode in ("polygon", "line"):
          from PIL import Image, ImageDraw
          bundle, listing, out = sys.argv[2:5]
          os.makedirs(out, exist_ok=True)
          for i, (path, polygons) in enumerate(photos(bundle, listing)):
              image = Image.open(path)
              draw = ImageDraw.Draw(image)
              for poly in polygons:
                  if mode == "polygon":
                      draw.polygon(poly, outline=(255, 0, 0), width=4)
                  else:
                      draw.line(poly + [poly[0]], fill=(255, 0, 0), width=4)
              image.save(os.path.join(out, "%d.jpg" % i), quality=90)
      elif mode == "turbo":
          bundle, listing, out = sys.argv[2:5]
          os.makedirs(out, exist_ok=True)
          for i, (path, _) in enumerate(photos(bundle, listing)):
              with open(os.path.join(out, "%d.jpg" % i), "wb") as dst:
                  d = subprocess.Popen(["djpeg", path], stdout=subprocess.PIPE)
                  subprocess.run(["cjpeg", "-quality", "90"], stdin=d.stdout, stdout=dst, check=True)
                  d.wait()
      """;
}
