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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed bundle is refused with the file, the line and the column or what to fix. */
class BundleErrorsTest {
  @TempDir Path dir;

  private Path bundle() throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "w", AttributeDefinition.of("severity", AttributeType.NUMBER))
            .dataSource("ds", "d")
            .file(
                "f",
                f ->
                    f.externalId("x")
                        .fileName("a.jpg")
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.parse("2025-01-01T00:00:00Z"),
                            a ->
                                a.entity(
                                    Entity.fileLevel(
                                        "e",
                                        null,
                                        List.of(AttributeValue.of("severity", Value.number(2)))))))
            .build();
    Path b = dir.resolve("b");
    Bundle.write(repo, "wf", b);
    return b;
  }

  private String refused(Path b) {
    ExportException e = assertThrows(ExportException.class, () -> Bundle.open(b).verify());
    return e.getMessage();
  }

  private static String text(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  // The expected lines and columns were counted by hand in the bundle Bundle.write makes: a
  // header, then the one row of entity e on line 2: "wf,w,,,ds,d,f,x,a.jpg,…" (file_name starts at
  // column 17).

  @Test
  void nulInAFileName_namesTheFileLineAndColumn() throws Exception {
    Path b = bundle();
    for (String name : List.of("assessments.csv", "files.csv")) {
      Path p = b.resolve(name);
      Files.writeString(p, text(p).replace("a.jpg", "a\u0000.jpg"));
    }
    String message = refused(b);
    assertTrue(message.startsWith("files.csv line 2, column file_name: file f"), message);
    assertTrue(message.contains("Nul character not allowed"), message);
  }

  @Test
  void invalidUtf8_namesTheLineColumnAndByte() throws Exception {
    Path b = bundle();
    Path a = b.resolve("assessments.csv");
    String original = text(a);
    byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
    int at = original.indexOf("a.jpg");
    byte[] bad = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, bad, 0, at);
    bad[at] = (byte) 0xC3; // a lead byte followed by 'a', which cannot continue it
    System.arraycopy(bytes, at, bad, at + 1, bytes.length - at);
    Files.write(a, bad);
    String message = refused(b);
    assertTrue(
        message.startsWith("assessments.csv line 2, column 17 (byte " + (at + 1) + "): not UTF-8"),
        message);
  }

  @Test
  void unclosedQuote_namesTheLineItOpensOn() throws Exception {
    Path b = bundle();
    Path a = b.resolve("assessments.csv");
    Files.writeString(a, text(a).replace(",a.jpg,", ",\"a.jpg,"));
    String message = refused(b);
    assertTrue(message.startsWith("assessments.csv line 2: malformed CSV"), message);
    assertTrue(message.contains("a quote that opens a cell must close it"), message);
  }

  @Test
  void aSecondRowForOneAttribute_namesItsLineAndColumn() throws Exception {
    Path b = bundle();
    Path a = b.resolve("assessments.csv");
    String original = text(a);
    String[] lines = original.split("\r\n");
    Files.writeString(a, original + lines[1] + "\r\n");
    String message = refused(b);
    assertTrue(
        message.startsWith(
            "assessments.csv line 3, column attribute: entity e of assessment a already has a"
                + " row for attribute 'severity'"),
        message);
  }

  @Test
  void aFolderWhereAFileShouldBe_isRefusedNotIgnored() throws Exception {
    Path b = bundle();
    Path files = b.resolve("files.csv");
    Files.delete(files);
    Files.createDirectory(files);
    String message = refused(b);
    assertTrue(message.startsWith("files.csv in " + b + " is not a regular file"), message);
  }

  @Test
  void nonFiniteAndHexadecimalNumbersAreRefused() throws Exception {
    for (String number : List.of("NaN", "Infinity", "-Infinity", "0x1p3", "2d", "1f")) {
      Path b = bundle();
      Path a = b.resolve("assessments.csv");
      Files.writeString(a, text(a).replace(",severity,2,", ",severity," + number + ","));
      String message = refused(b);
      assertTrue(
          message.startsWith(
              "assessments.csv line 2, column value: '"
                  + number
                  + "' is not a number as the exporter writes them"),
          message);
      Files.delete(a);
      Files.walk(b).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void decimalsAsASpreadsheetWritesThemAreRead() throws Exception {
    for (String number : List.of("2", "-0.5", "1e3", "1.5E-2", ".5", "2.")) {
      Path b = bundle();
      Path a = b.resolve("assessments.csv");
      Files.writeString(a, text(a).replace(",severity,2,", ",severity," + number + ","));
      BundleRepository back = Bundle.open(b);
      Value v =
          back.assessedFiles(dev.assessment.export.spi.FileQuery.builder("wf").build())
              .findFirst()
              .orElseThrow()
              .assessments()
              .get(0)
              .entities()
              .get(0)
              .attributes()
              .get(0)
              .value();
      assertEquals(Value.number(Double.parseDouble(number)), v, number);
      Files.walk(b).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
