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

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The decimal that {@link Double#toString} chooses from JDK 19 on, computed the same way on every
 * JDK: among the decimals that read back as the double, those with the fewest significant digits
 * (one or two digits when one suffices), and of those the closest, the even last digit on a tie.
 * JDK 17's {@code Double.toString} sometimes gives more digits ({@code 8.409999999999999E21} for
 * {@code 8.41E21}), and parts of one export written on different JDKs must merge into equal bytes.
 */
final class ShortestDecimal {
  /**
   * From JDK 19 on, {@code Double.toString} makes this very choice, about ten times faster than the
   * search below; {@code ShortestDecimalTest} holds both to a JDK 25's output.
   */
  private static final boolean JDK_IS_SHORTEST = Runtime.version().feature() >= 19;

  private ShortestDecimal() {}

  /**
   * Returns the shortest decimal that reads back as {@code value}.
   *
   * @param value a finite, non-zero number
   * @return the decimal, without trailing zeros
   */
  static BigDecimal of(double value) {
    if (JDK_IS_SHORTEST) {
      return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }
    BigDecimal own = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int high = own.precision();
    if (high <= 15 && Math.abs(value) >= Double.MIN_NORMAL) {
      // Decimals of 15 digits lie further apart than normal doubles do, so at most one of each
      // length up to 15 reads back as this double: this JDK's own digits are the only, hence the
      // shortest and the closest.
      return own;
    }
    Interval interval = new Interval(value);
    // Every p-digit decimal is also a (p+1)-digit one, so "some p-digit decimal reads back" holds
    // from the shortest length on. This JDK's own digits read back, so their count is an upper
    // bound, and usually the answer: try one fewer before searching below.
    int low = high > 1 && interval.best(high - 1, null) == null ? high : 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (interval.best(mid, null) != null) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    BigDecimal chosen = interval.best(low, null);
    if (low == 1) {
      chosen = interval.best(2, chosen);
    }
    if (chosen == null) {
      throw new AssertionError("no decimal of " + low + " digits reads back as " + value);
    }
    return chosen.stripTrailingZeros();
  }

  /** The decimals that read back as one double: those between the midpoints to its neighbours. */
  private static final class Interval {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final BigDecimal exact;
    private final BigDecimal low;
    private final BigDecimal high;

    /** Whether a midpoint itself reads back: ties go to the even significand. */
    private final boolean inclusive;

    Interval(double value) {
      exact = new BigDecimal(value);
      double magnitude = Math.abs(value);
      BigDecimal below = new BigDecimal(Math.nextDown(magnitude)).subtract(exact.abs());
      BigDecimal above = new BigDecimal(Math.ulp(magnitude));
      BigDecimal lowMagnitude = exact.abs().add(below.multiply(HALF));
      BigDecimal highMagnitude = exact.abs().add(above.multiply(HALF));
      low = value < 0 ? highMagnitude.negate() : lowMagnitude;
      high = value < 0 ? lowMagnitude.negate() : highMagnitude;
      inclusive = (Double.doubleToRawLongBits(value) & 1) == 0;
    }

    boolean readsBack(BigDecimal d) {
      int l = d.compareTo(low);
      int h = d.compareTo(high);
      return inclusive ? l >= 0 && h <= 0 : l > 0 && h < 0;
    }

    /**
     * Returns the closer of {@code soFar} and the two {@code digits}-digit decimals around the
     * value that read back as it, or null when there is none.
     */
    @Nullable BigDecimal best(int digits, @Nullable BigDecimal soFar) {
      @Nullable BigDecimal best = soFar;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(digits, mode));
        if (readsBack(candidate)) {
          best = closer(exact, best, candidate);
        }
      }
      return best;
    }
  }

  private static BigDecimal closer(BigDecimal exact, @Nullable BigDecimal a, BigDecimal b) {
    if (a == null) {
      return b;
    }
    int c = a.subtract(exact).abs().compareTo(b.subtract(exact).abs());
    if (c != 0) {
      return c < 0 ? a : b;
    }
    return evenLastDigit(a) ? a : b;
  }

  private static boolean evenLastDigit(BigDecimal d) {
    return !d.stripTrailingZeros().unscaledValue().testBit(0);
  }
}
