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
package dev.assessment.export.core;

/**
 * One of {@code count} deterministic parts of an export: the files of the request, in the
 * repository's order, cut into {@code count} contiguous ranges of (almost) equal size; shard {@code
 * index} exports the {@code index}-th range. The shards of a request are disjoint, cover every file
 * once, and select the same files on any machine for the same data. An export of a shard writes a
 * part, which {@link Parts#mergeCsv} (or export-imaging's archive merge) puts together into the
 * bytes of the whole export.
 *
 * @param index which shard, from 0
 * @param count how many shards, at least 1
 * @since 0.2
 */
public record Shard(int index, int count) {
  /**
   * Checks the shard.
   *
   * @param index which shard, from 0
   * @param count how many shards, at least 1
   * @throws IllegalArgumentException if {@code count < 1} or {@code index} is outside {@code [0,
   *     count)}
   * @since 0.2
   */
  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("a request is cut into at least 1 shard, not " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index " + index + " is outside [0, " + count + "): number shards from 0");
    }
  }

  /**
   * Returns the first file index of this shard among {@code total} files.
   *
   * @param total the number of files of the whole export
   * @return the first index, inclusive
   * @since 0.2
   */
  public long from(long total) {
    return Math.floorDiv(total * index, count);
  }

  /**
   * Returns the end of this shard's range among {@code total} files.
   *
   * @param total the number of files of the whole export
   * @return the last index, exclusive
   * @since 0.2
   */
  public long to(long total) {
    return Math.floorDiv(total * (index + 1), count);
  }
}
