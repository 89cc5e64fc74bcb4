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

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CellsProperties {
  private static final long SEED = 20251119L;

  static Gen<String> cells() {
    Gen<String> token =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "", ",", "\"", "\r", "\n", " ", "#", "!", "$", "'", "=", "-", "a", "Z", "\t",
                    "\u0000", "😀", "é", "\\\\", "\uD83D", "\uDE00")),
            strings().allPossible().ofLengthBetween(0, 3));
    return lists().of(token).ofSizeBetween(0, 5).map(parts -> String.join("", parts));
  }

  static Gen<Double> finiteDoubles() {
    return Generate.oneOf(
        longs().all().map(Double::longBitsToDouble).map(d -> Double.isFinite(d) ? d : 0.5),
        doubles().between(-1e-6, 1e-6).map(d -> round(d, 15)),
        doubles().between(-1e25, 1e25).map(d -> round(d, 3)),
        Generate.pick(
            List.of(
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                Double.MAX_VALUE,
                1e15,
                1e16,
                0.1 + 0.2,
                123456789012345.5,
                -0.0,
                1e-300,
                9007199254740993.0)));
  }

  private static double round(double d, int scale) {
    return new BigDecimal(d).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
  }

  @Test
  void write_isExactlyWhatCommonsCsvPrints() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(cells(), booleans().all())
        .checkAssert(
            (value, first) ->
                assertDoesNotThrow(
                    () -> {
                      StringBuilder ours = new StringBuilder();
                      Cells.write(ours, value, first);
                      StringBuilder commons = new StringBuilder();
                      Cells.FORMAT.print(value, commons, first);
                      assertEquals(commons.toString(), ours.toString());
                    }));
  }

  @Test
  void number_readsBackAsTheSameDoubleWithoutExponent() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(finiteDoubles())
        .checkAssert(
            value -> {
              String text = Cells.number(value);
              assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text));
              assertTrue(text.matches("-?[0-9]+(\\.[0-9]*[1-9])?"), text);
              // The digits themselves are checked against JDK 25 and BigDecimal in
              // ShortestDecimalTest; JDK 17's Double.toString is sometimes longer.
              if (value != 0) {
                assertEquals(ShortestDecimal.of(value).toPlainString(), text);
              }
              assertEquals(text, Cells.appendNumber(new StringBuilder(), value).toString());
            });
  }

  @Test
  void replaceLoneSurrogates_makesTextUtf8CanCarryAndKeepsWellFormedText() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(cells())
        .checkAssert(
            value -> {
              String replaced = Cells.replaceLoneSurrogates(value);
              assertEquals(-1, Cells.loneSurrogate(replaced));
              assertEquals(value.length(), replaced.length(), "one char for one");
              byte[] utf8 = replaced.getBytes(java.nio.charset.StandardCharsets.UTF_8);
              assertEquals(replaced, new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
              if (Cells.loneSurrogate(value) < 0) {
                assertEquals(value, replaced);
              } else {
                assertTrue(replaced.indexOf('\uFFFD') >= 0, replaced);
              }
            });
  }

  @Test
  void neutralise_isReversedExactly() {
    qt().withFixedSeed(SEED)
        .withExamples(1000)
        .forAll(cells())
        .checkAssert(value -> assertEquals(value, Cells.unneutralise(Cells.neutralise(value))));
  }
}
