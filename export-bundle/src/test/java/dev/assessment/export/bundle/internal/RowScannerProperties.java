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
package dev.assessment.export.bundle.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The scanner finds the records Commons CSV writes, byte for byte, and the cells asked for, with
 * cells of every length (so that quotes, commas and line breaks fall at every place of the
 * eight-byte steps it skips in) and every line ending.
 */
class RowScannerProperties {
  private static final long SEED = 20251119L;
  private static final String[] PIECES = {"a", "\"", ",", "\r", "\n", "\r\n", "é", "polygon", " "};

  /** A cell: up to 30 pieces, mostly plain text, sometimes the characters CSV quotes. */
  private static Gen<String> cells() {
    return lists()
        .of(integers().between(0, PIECES.length * 4 - 1))
        .ofSizeBetween(0, 30)
        .map(
            picks -> {
              StringBuilder sb = new StringBuilder();
              for (int p : picks) {
                sb.append(p < PIECES.length ? PIECES[p] : "x" + p);
              }
              return sb.toString();
            });
  }

  @Test
  void scan_findsTheRecordsAndCellsCommonsCsvWrote() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(
            lists().of(lists().of(cells()).ofSizeBetween(1, 5)).ofSizeBetween(1, 12),
            integers().between(0, 2))
        .checkAssert((records, ending) -> assertDoesNotThrow(() -> check(records, ending)));
  }

  private static void check(List<List<String>> records, int ending) throws Exception {
    String separator = new String[] {"\r\n", "\n", "\r"}[ending];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Long> ends = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator(separator).get();
    try (OutputStreamWriter w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format)) {
      for (List<String> record : records) {
        printer.printRecord(record);
        printer.flush();
        ends.add((long) bytes.size());
      }
    }
    Path file = Files.createTempFile("scan", ".csv");
    try {
      Files.write(file, bytes.toByteArray());
      List<String> found = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      long start = 0;
      for (int i = 0; i < records.size(); i++) {
        List<String> r = records.get(i);
        expected.add(
            start
                + "-"
                + ends.get(i)
                + " "
                + r.size()
                + " ["
                + r.get(0)
                + "]["
                + (r.size() > 2 ? r.get(2) : "")
                + "]");
        start = ends.get(i);
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        new RowScanner(0, 2)
            .scan(
                channel,
                0,
                (s, e, line, cells, scanner) ->
                    found.add(
                        s
                            + "-"
                            + e
                            + " "
                            + cells
                            + " ["
                            + text(scanner, 0, cells)
                            + "]["
                            + text(scanner, 2, cells)
                            + "]"));
      }
      assertEquals(expected, found, "records as written: " + records);
    } finally {
      Files.delete(file);
    }
  }

  private static String text(RowScanner scanner, int i, int cells) {
    return scanner.has(i, cells)
        ? new String(scanner.cell(i), 0, scanner.length(i), StandardCharsets.UTF_8)
        : "";
  }
}
