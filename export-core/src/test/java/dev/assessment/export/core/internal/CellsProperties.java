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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CellsProperties {

  @Property(tries = 2000)
  void write_isExactlyWhatCommonsCsvPrints(@ForAll("cells") String value, @ForAll boolean first)
      throws Exception {
    StringBuilder ours = new StringBuilder();
    Cells.write(ours, value, first);
    StringBuilder commons = new StringBuilder();
    Cells.FORMAT.print(value, commons, first);
    assertEquals(commons.toString(), ours.toString());
  }

  @Property(tries = 2000)
  void number_readsBackAsTheSameDoubleWithoutExponent(@ForAll("doubles") double value) {
    String text = Cells.number(value);
    assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text));
    assertTrue(text.matches("-?[0-9]+(\\.[0-9]*[1-9])?"), text);
    assertEquals(0, new BigDecimal(text).compareTo(new BigDecimal(Double.toString(value))));
    assertEquals(text, Cells.appendNumber(new StringBuilder(), value).toString());
  }

  @Property(tries = 1000)
  void neutralise_isReversedExactly(@ForAll("cells") String value) {
    assertEquals(value, Cells.unneutralise(Cells.neutralise(value)));
  }

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "", ",", "\"", "\r", "\n", " ", "#", "!", "$", "'", "=", "-", "a", "Z", "\t",
                "\u0000", "😀", "é", "\\\\"),
            Arbitraries.strings().ofMaxLength(3))
        .list()
        .ofMaxSize(5)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(15),
        Arbitraries.doubles().between(-1e25, 1e25).ofScale(3),
        Arbitraries.of(
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE,
            1e15,
            1e16,
            0.1 + 0.2,
            123456789012345.5,
            -0.0,
            1e-300,
            9007199254740993.0));
  }
}
