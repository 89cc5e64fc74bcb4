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
package dev.assessment.export.imaging.internal;

/**
 * The heap that images being drawn may hold at once, shared by every export in the JVM: an image
 * waits until the ones before it leave room, so that large images are drawn fewer at a time instead
 * of running the heap out.
 */
public final class MemoryBudget {
  /** Three quarters of the heap the JVM may grow to. */
  public static final MemoryBudget HEAP =
      new MemoryBudget(Runtime.getRuntime().maxMemory() / 4 * 3);

  private final long total;
  private long used;

  /**
   * Creates a budget.
   *
   * @param total the bytes that may be held at once
   */
  public MemoryBudget(long total) {
    this.total = total;
  }

  /**
   * Returns the bytes that may be held at once.
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  /**
   * Waits until the bytes fit beside those held, and holds them. An amount larger than the total is
   * admitted alone.
   *
   * @param bytes what the image needs
   * @throws InterruptedException if the export is cancelled while waiting
   */
  public synchronized void acquire(long bytes) throws InterruptedException {
    while (used > 0 && used + bytes > total) {
      wait();
    }
    used += bytes;
  }

  /**
   * Gives back bytes held.
   *
   * @param bytes what {@link #acquire} held
   */
  public synchronized void release(long bytes) {
    used -= bytes;
    notifyAll();
  }
}
