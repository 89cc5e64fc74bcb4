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
package dev.assessment.export.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated by the current thread, where the JVM counts them (HotSpot and OpenJ9 do). A
 * measure that does not depend on when the garbage collector runs: what a repository allocates
 * before it hands out the first element is what it read ahead.
 *
 * @since 0.2
 */
final class Allocations {
  private Allocations() {}

  /**
   * Tells whether this JVM counts allocations per thread.
   *
   * @since 0.2
   */
  static boolean supported() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return bean instanceof com.sun.management.ThreadMXBean b
        && b.isThreadAllocatedMemorySupported()
        && b.isThreadAllocatedMemoryEnabled();
  }

  /**
   * Returns the bytes the current thread has allocated so far.
   *
   * @since 0.2
   */
  static long current() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
