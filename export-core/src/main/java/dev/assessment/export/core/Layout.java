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

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shape of an export's output, named by a stable id such as {@code attribute-values} or {@code
 * files}. Layouts are open: any module can define one and serve it with a {@link
 * dev.assessment.export.core.layout.LayoutProvider}. Two layouts are equal when their ids are.
 *
 * <p>The CSV layouts built into export-core are {@link CsvLayouts#ATTRIBUTE_VALUES} and {@link
 * CsvLayouts#ANNOTATIONS}; other modules hold their own constants (export-imaging's {@code
 * ArchiveLayouts}). A layout named on a command line is {@link #of(String)}; {@link
 * Exporter#layouts()} tells which layouts an exporter can write.
 *
 * @since 0.2
 */
public final class Layout implements Comparable<Layout> {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final String id;

  private Layout(String id) {
    this.id = id;
  }

  /**
   * Returns the layout with an id.
   *
   * @param id lower-case letters and digits in dash-separated words, at most 64 characters, e.g.
   *     {@code annotated-files}
   * @return the layout
   * @throws IllegalArgumentException if the id is not of that form
   * @since 0.2
   */
  public static Layout of(String id) {
    Objects.requireNonNull(id, "id");
    if (id.length() > 64 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "layout id '"
              + id
              + "' is not valid: use lower-case letters and digits in words"
              + " separated by single dashes, at most 64 characters, e.g. attribute-values");
    }
    return new Layout(id);
  }

  /**
   * Returns the layout's stable id, as file names, part markers and the command line use it.
   *
   * @return the id, e.g. {@code attribute-values}
   * @since 0.2
   */
  public String id() {
    return id;
  }

  @Override
  public int compareTo(Layout other) {
    return id.compareTo(other.id);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Layout l && l.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /**
   * Returns the id.
   *
   * @since 0.2
   */
  @Override
  public String toString() {
    return id;
  }
}
