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
package dev.assessment.export.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number text is the same on every JDK: JDK 19+'s shortest digits, also on JDK 17. */
class ShortestDecimalTest {

  @ParameterizedTest
  @CsvSource({
    // JDK 17 writes these two 8409999999999999000000 and 99999999999999990000000.
    "8.41E21, 8410000000000000000000",
    "1e23, 100000000000000000000000",
    "2e23, 200000000000000000000000",
    "2.0E-3, 0.002",
    "0.30000000000000004, 0.30000000000000004",
    "1.0E-7, 0.0000001",
  })
  void cells_writeTheShortestDigits(double value, String expected) {
    assertEquals(expected, Cells.number(value));
    assertEquals("-" + expected, Cells.number(-value));
  }

  /** Every row was written by a JDK 25 process, whose Double.toString follows the JDK 19+ spec. */
  @Test
  void matchesJdk25() throws Exception {
    int rows = 0;
    InputStream in = getClass().getResourceAsStream("shortest-jdk25.csv");
    assertNotNull(in, "shortest-jdk25.csv");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        int comma = line.indexOf(',');
        double value =
            Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, comma), 16));
        BigDecimal jdk25 = new BigDecimal(line.substring(comma + 1));
        assertEquals(jdk25.stripTrailingZeros(), ShortestDecimal.of(value), line);
        assertEquals(jdk25.negate().stripTrailingZeros(), ShortestDecimal.of(-value), line);
        assertEquals(jdk25.stripTrailingZeros().toPlainString(), Cells.number(value), line);
        rows++;
      }
    }
    assertTrue(rows > 2000, "rows: " + rows);
  }

  /**
   * Against BigDecimal: the text reads back as the double, no decimal with fewer digits does
   * (beyond the spec's allowance of two digits), and no decimal of its length lies closer.
   */
  @Test
  void isTheShortestAndClosest() {
    qt().withFixedSeed(20261130L)
        .withExamples(3000)
        .forAll(doubles().any())
        .assuming(v -> Double.isFinite(v) && v != 0)
        .checkAssert(
            value -> {
              BigDecimal chosen = ShortestDecimal.of(value);
              assertEquals(value, chosen.doubleValue());
              BigDecimal exact = new BigDecimal(value);
              int digits = chosen.precision();
              if (digits > 2) {
                for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                  BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                  assertTrue(shorter.doubleValue() != value, () -> shorter + " is shorter");
                }
              }
              BigDecimal distance = chosen.subtract(exact).abs();
              for (RoundingMode mode :
                  new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal other = exact.round(new MathContext(digits, mode));
                if (other.doubleValue() == value) {
                  assertTrue(
                      other.subtract(exact).abs().compareTo(distance) >= 0,
                      () -> other + " is closer");
                }
              }
            });
  }
}
