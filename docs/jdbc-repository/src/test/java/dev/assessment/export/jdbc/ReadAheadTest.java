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
package dev.assessment.export.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading ahead keeps the order, hands failures over, and leaves nothing running once closed. */
class ReadAheadTest {
  @Test
  void readAhead_keepsTheOrder() {
    try (Stream<Integer> s = ReadAhead.of(IntStream.range(0, 10_000).boxed(), 64)) {
      assertEquals(IntStream.range(0, 10_000).boxed().toList(), s.toList());
    }
  }

  @Test
  void closingEarly_stopsTheThreadAndThenClosesTheSource() throws Exception {
    AtomicBoolean closed = new AtomicBoolean();
    Stream<Integer> source = IntStream.range(0, 1_000_000).boxed().onClose(() -> closed.set(true));
    try (Stream<Integer> s = ReadAhead.of(source, 8)) {
      assertEquals(List.of(0, 1, 2), s.limit(3).toList());
    }
    assertTrue(closed.get(), "the source is closed");
    assertEquals(0, readers(), "no reading thread is left");
  }

  @Test
  void aFailingSource_failsTheConsumerWithTheSameException() {
    Stream<Integer> source =
        Stream.iterate(0, i -> i + 1)
            .peek(
                i -> {
                  if (i == 100) {
                    throw new IllegalStateException("the database went away");
                  }
                });
    try (Stream<Integer> s = ReadAhead.of(source, 8)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.count());
      assertEquals("the database went away", e.getMessage());
    }
  }

  private static long readers() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    long n;
    do {
      n =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("assessment-export-jdbc-") && t.isAlive())
              .count();
      if (n > 0) {
        Thread.sleep(20);
      }
    } while (n > 0 && System.nanoTime() < deadline);
    return n;
  }
}
