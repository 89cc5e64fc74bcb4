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
package dev.assessment.export.core.layout;

import org.jspecify.annotations.Nullable;

/**
 * A base for {@link LayoutOptions} whose {@code equals}, {@code hashCode}, {@code toString} and
 * {@link #fingerprint()} all come from one {@link Fields} list, so that a field added to the
 * options reaches all four.
 *
 * <pre>{@code
 * public final class PrecisionOptions extends FieldOptions<PrecisionOptions> {
 *   private static final Fields<PrecisionOptions> FIELDS =
 *       Fields.of(PrecisionOptions.class).output("digits", o -> o.digits).build();
 *   private final int digits;
 *   …
 *   protected Fields<PrecisionOptions> fields() { return FIELDS; }
 * }
 * }</pre>
 *
 * @param <T> the options class itself
 * @since 0.2
 */
public abstract class FieldOptions<T extends FieldOptions<T>> implements LayoutOptions {

  /**
   * Creates the options; a subclass passes its fields through {@link #fields()}.
   *
   * @since 0.2
   */
  protected FieldOptions() {}

  /**
   * Returns the options' fields, the same list for every instance (a static constant).
   *
   * @return the fields
   * @since 0.2
   */
  protected abstract Fields<T> fields();

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  @Override
  public final String fingerprint() {
    return fields().fingerprint(self());
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return fields().equals(self(), o);
  }

  @Override
  public final int hashCode() {
    return fields().hashCode(self());
  }

  @Override
  public final String toString() {
    return fields().toString(self());
  }
}
