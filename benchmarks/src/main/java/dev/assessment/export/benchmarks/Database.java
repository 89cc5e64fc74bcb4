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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database half of the whole-process table: a throw-away PostgreSQL server started here (as an
 * unprivileged user when run as root), the bundle loaded with the example host's {@code load}, and
 * the long rows exported by the example host against {@code psql \copy} of one SQL query ({@code
 * long-rows.sql}, kept beside this class) and a Python psycopg2 server-side cursor writing with
 * {@code csv.writer}. Skipped, saying so, where PostgreSQL's binaries are missing.
 */
final class Database {
  private Database() {}

  static void table(Path bundle, Path work, Path host, Path baseline, int runs) throws Exception {
    String initdb = tool("initdb");
    String pgCtl = tool("pg_ctl");
    String psql = tool("psql");
    System.out.printf("%n# Whole processes against PostgreSQL%n%n");
    if (initdb == null || pgCtl == null || psql == null) {
      System.out.println("skipped: no initdb, pg_ctl or psql on this machine");
      return;
    }
    List<String> as = new ArrayList<>();
    Path dir = Files.createTempDirectory("assessment-export-pg");
    if (isRoot()) {
      if (!WholeProcess.runs("id", "assessment-export-ci")) {
        WholeProcess.runs("useradd", "--system", "--no-create-home", "assessment-export-ci");
      }
      as.addAll(List.of("runuser", "-u", "assessment-export-ci", "--"));
      WholeProcess.runs("chown", "assessment-export-ci", dir.toString());
    }
    dir.toFile().setWritable(true, false);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("db");
    run(concat(as, initdb, "-D", data.toString(), "-U", "postgres", "--auth=trust"));
    run(
        concat(
            as,
            pgCtl,
            "-D",
            data.toString(),
            "-w",
            "-l",
            dir.resolve("log").toString(),
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"));
    try {
      String server =
          new String(
                  run(
                      List.of(
                          psql,
                          "-h",
                          "127.0.0.1",
                          "-p",
                          "" + port,
                          "-U",
                          "postgres",
                          "-tAc",
                          "SHOW server_version")),
                  StandardCharsets.UTF_8)
              .strip();
      measure(bundle, work, host, baseline, runs, psql, port, server);
    } finally {
      run(concat(as, pgCtl, "-D", data.toString(), "-m", "immediate", "stop"));
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void measure(
      Path bundle,
      Path work,
      Path host,
      Path baseline,
      int runs,
      String psql,
      int port,
      String server)
      throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/bench";
    Path sql = work.resolve("long-rows.sql");
    try (InputStream in = Database.class.getResourceAsStream("long-rows.sql")) {
      Files.write(sql, in.readAllBytes());
    }
    String query = Files.readString(sql).replaceAll("(?m)^--.*\\n", "").strip();
    Path copy = work.resolve("copy.sql");
    Files.writeString(
        copy,
        "\\copy (" + query.replace('\n', ' ') + ") TO '" + work.resolve("psql.csv") + "' CSV\n");
    Path cursor = work.resolve("cursor.py");
    Files.writeString(cursor, CURSOR_PY);
    String python = WholeProcess.findPython();
    boolean psycopg = python != null && WholeProcess.runs(python, "-c", "import psycopg2");
    List<String> psqlBase =
        List.of(psql, "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres", "-q");

    // The example host loads last in each round: the exports read what it loaded (an earlier
    // version's loader wrote lists of choices in another form).
    Map<String, List<String>> loads = new LinkedHashMap<>();
    if (baseline != null) {
      loads.put(
          "baseline load (" + baseline.getFileName() + ")", load(java, baseline, bundle, url));
    }
    loads.put("example host load", load(java, host, bundle, url));
    Map<String, List<String>> exports = new LinkedHashMap<>();
    exports.put(
        "example host, long CSV (all)",
        export(java, host, url, "attribute-values", "all", work.resolve("host-all.csv")));
    exports.put(
        "example host, long CSV (latest)",
        export(java, host, url, "attribute-values", "latest", work.resolve("host-latest.csv")));
    exports.put(
        "example host, wide CSV (all)",
        export(java, host, url, "annotations", "all", work.resolve("host-wide.csv")));
    exports.put(
        "psql \\copy of long-rows.sql", concat(psqlBase, "-d", "bench", "-f", copy.toString()));
    if (psycopg) {
      exports.put(
          "Python psycopg2, server-side cursor, csv.writer",
          List.of(
              python,
              cursor.toString(),
              "host=127.0.0.1 port=" + port + " user=postgres dbname=bench",
              sql.toString(),
              work.resolve("psycopg2.csv").toString()));
    }

    Map<String, double[]> seconds = new LinkedHashMap<>();
    Map<String, Long> rss = new LinkedHashMap<>();
    loads.keySet().forEach(k -> seconds.put(k, new double[runs]));
    exports.keySet().forEach(k -> seconds.put(k, new double[runs]));
    for (int round = 0; round < runs; round++) {
      for (Map.Entry<String, List<String>> e : loads.entrySet()) {
        recreate(psqlBase);
        long[] m = WholeProcess.time(e.getValue(), work);
        seconds.get(e.getKey())[round] = m[0] / 1000.0;
        rss.merge(e.getKey(), m[1], Math::max);
      }
      for (Map.Entry<String, List<String>> e : exports.entrySet()) {
        long[] m = WholeProcess.time(e.getValue(), work);
        seconds.get(e.getKey())[round] = m[0] / 1000.0;
        rss.merge(e.getKey(), m[1], Math::max);
      }
    }
    long hostRows = lines(work.resolve("host-all.csv")) - 1;
    long psqlRows = lines(work.resolve("psql.csv"));
    System.out.printf(
        Locale.ROOT,
        "PostgreSQL %s on loopback (fsync off), %s, %d cores; %d interleaved rounds, median."
            + " Rows: example host %,d, psql %,d%n%n",
        server,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        runs,
        hostRows,
        psqlRows);
    System.out.println(
        "| job | contestant | median s | min–max s | peak RSS MB | example host is |");
    System.out.println("|---|---|---|---|---|---|");
    double hostLoad = WholeProcess.median(seconds.get("example host load"));
    double hostAll = WholeProcess.median(seconds.get("example host, long CSV (all)"));
    for (Map.Entry<String, double[]> e : seconds.entrySet()) {
      boolean isLoad = loads.containsKey(e.getKey());
      double[] s = e.getValue().clone();
      Arrays.sort(s);
      double m = WholeProcess.median(s);
      String ratio =
          e.getKey().startsWith("example host")
              ? "—"
              : String.format(Locale.ROOT, "%.2f× as fast", m / (isLoad ? hostLoad : hostAll));
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.2f | %.2f–%.2f | %d | %s |%n",
          isLoad ? "load the bundle" : "export from the database",
          e.getKey(),
          m,
          s[0],
          s[s.length - 1],
          rss.get(e.getKey()) / 1024,
          ratio);
    }
    if (!psycopg) {
      System.out.println(
          "| export from the database | Python psycopg2 | skipped: no psycopg2 | | | |");
    }
  }

  /**
   * The load command; a jar of an earlier version, which may not carry the PostgreSQL driver, runs
   * with this harness's jar (which does) after it on the class path.
   */
  private static List<String> load(String java, Path jar, Path bundle, String url)
      throws IOException {
    String main;
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      main = j.getManifest().getMainAttributes().getValue("Main-Class");
    }
    String classPath = jar + File.pathSeparator + System.getProperty("java.class.path");
    return List.of(
        java,
        "-cp",
        classPath,
        main,
        "load",
        "--bundle",
        bundle.toString(),
        "--jdbc",
        url,
        "--user",
        "postgres");
  }

  private static List<String> export(
      String java, Path jar, String url, String layout, String scope, Path out) {
    return List.of(
        java,
        "-jar",
        jar.toString(),
        "export",
        "--jdbc",
        url,
        "--user",
        "postgres",
        "--layout",
        layout,
        "--assessments",
        scope,
        "--out",
        out.toString());
  }

  private static void recreate(List<String> psql) throws Exception {
    run(concat(psql, "-d", "postgres", "-c", "DROP DATABASE IF EXISTS bench"));
    run(concat(psql, "-d", "postgres", "-c", "CREATE DATABASE bench"));
  }

  private static long lines(Path p) throws IOException {
    try (Stream<String> s = Files.lines(p, StandardCharsets.UTF_8)) {
      return s.count();
    }
  }

  private static byte[] run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "failed: " + command + "\n" + new String(out, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> out = new ArrayList<>(head);
    out.addAll(List.of(tail));
    return out;
  }

  private static boolean isRoot() {
    try {
      return new String(run(List.of("id", "-u")), StandardCharsets.UTF_8).strip().equals("0");
    } catch (Exception e) {
      return false;
    }
  }

  /** PostgreSQL's tools on the path, or in Debian's versioned folder. */
  private static String tool(String name) {
    if (WholeProcess.runs(name, "--version")) {
      return name;
    }
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    if (versions != null) {
      Arrays.sort(versions);
      for (int i = versions.length - 1; i >= 0; i--) {
        File f = new File(versions[i], "bin/" + name);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return null;
  }

  private static final String CURSOR_PY =
      """
      import csv, sys
      import psycopg2

      dsn, sql_path, out_path = sys.argv[1:4]
      query = "\\n".join(l for l in open(sql_path, encoding="utf-8") if not l.startswith("--"))
      with psycopg2.connect(dsn) as connection:
          with connection.cursor(name="rows") as cursor:
              cursor.itersize = 2000
              cursor.execute(query)
              with open(out_path, "w", newline="", encoding="utf-8") as out:
                  writer = csv.writer(out)
                  for row in cursor:
                      writer.writerow(row)
      """;
}
