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

import dev.assessment.export.core.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One list of a value class's fields, from which its {@code equals}, {@code hashCode}, {@code
 * toString} and fingerprint are derived, so that a field added to the class reaches all four or
 * none. A test compares {@link #names()} with the class's declared fields.
 *
 * <pre>{@code
 * private static final Fields<MyOptions> FIELDS = Fields.of(MyOptions.class)
 *     .output("precision", o -> o.precision)   // decides the bytes: in the fingerprint
 *     .tuning("threads", o -> o.threads)        // speed only: not in the fingerprint
 *     .build();
 * public String fingerprint() { return FIELDS.fingerprint(this); }
 * }</pre>
 *
 * <p>Canonical text is the same on every JDK: floats and doubles are written as the hex of their
 * bits, maps in key order, {@link LayoutOptions} by their own fingerprint, null as {@code null}.
 *
 * @param <T> the value class
 * @since 0.2
 */
public final class Fields<T> {
  private final Class<T> type;
  private final List<Field<T>> fields;

  private Fields(Class<T> type, List<Field<T>> fields) {
    this.type = type;
    this.fields = List.copyOf(fields);
  }

  /**
   * Starts the list of a class's fields.
   *
   * @param type the value class
   * @param <T> the value class
   * @return a builder
   * @since 0.2
   */
  public static <T> Builder<T> of(Class<T> type) {
    return new Builder<>(Objects.requireNonNull(type, "type"));
  }

  /**
   * Returns the names of the fields, in order.
   *
   * @return the names
   * @since 0.2
   */
  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /**
   * Returns the names of the fields that reach the fingerprint.
   *
   * @return the names
   * @since 0.2
   */
  public List<String> outputNames() {
    return fields.stream().filter(Field::output).map(Field::name).toList();
  }

  /**
   * Compares a value with another object field by field.
   *
   * @param self the value
   * @param other the other object
   * @return true when other is of the same class and every field is equal
   * @since 0.2
   */
  public boolean equals(T self, @Nullable Object other) {
    if (self == other) {
      return true;
    }
    if (!type.isInstance(other)) {
      return false;
    }
    T that = type.cast(other);
    for (Field<T> f : fields) {
      if (!Objects.equals(f.get(self), f.get(that))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a hash of every field.
   *
   * @param self the value
   * @return the hash
   * @since 0.2
   */
  public int hashCode(T self) {
    int h = 1;
    for (Field<T> f : fields) {
      h = 31 * h + Objects.hashCode(f.get(self));
    }
    return h;
  }

  /**
   * Returns {@code Name[field=value, …]}, leaving out null fields.
   *
   * @param self the value
   * @return the text
   * @since 0.2
   */
  public String toString(T self) {
    StringBuilder sb = new StringBuilder(type.getSimpleName()).append('[');
    boolean first = true;
    for (Field<T> f : fields) {
      Object v = f.get(self);
      if (v == null) {
        continue;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(f.name()).append('=').append(v);
    }
    return sb.append(']').toString();
  }

  /**
   * Returns the canonical text of the fields that decide the output's bytes: {@code name=value}
   * joined by NUL.
   *
   * @param self the value
   * @return the text
   * @since 0.2
   */
  public String fingerprint(T self) {
    StringBuilder sb = new StringBuilder();
    for (Field<T> f : fields) {
      if (f.output()) {
        if (sb.length() > 0) {
          sb.append('\u0000');
        }
        sb.append(f.name()).append('=').append(canonical(f.get(self)));
      }
    }
    return sb.toString();
  }

  private static String canonical(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Float x) {
      return "f" + Integer.toHexString(Float.floatToIntBits(x));
    }
    if (v instanceof Double x) {
      return "d" + Long.toHexString(Double.doubleToLongBits(x));
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Layout l) {
      return l.id();
    }
    if (v instanceof LayoutOptions o) {
      return "{" + o.fingerprint() + "}";
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(canonicalKey(k), canonical(x)));
      return sorted.toString();
    }
    return v.toString();
  }

  private static String canonicalKey(Object k) {
    return k instanceof Class<?> c ? c.getName() : canonical(k);
  }

  private record Field<T>(String name, Function<T, ?> accessor, boolean output) {
    @Nullable Object get(T value) {
      return accessor.apply(value);
    }
  }

  /**
   * Builds a {@link Fields} list.
   *
   * @param <T> the value class
   * @since 0.2
   */
  public static final class Builder<T> {
    private final Class<T> type;
    private final List<Field<T>> fields = new ArrayList<>();

    private Builder(Class<T> type) {
      this.type = type;
    }

    /**
     * Adds a field that decides the output's bytes: it reaches the fingerprint.
     *
     * @param name the field's name, as declared
     * @param accessor reads the field
     * @return this builder
     * @since 0.2
     */
    public Builder<T> output(String name, Function<T, ?> accessor) {
      return add(name, accessor, true);
    }

    /**
     * Adds a field that changes only speed, resources or which part is written: it takes part in
     * equality but not in the fingerprint.
     *
     * @param name the field's name, as declared
     * @param accessor reads the field
     * @return this builder
     * @since 0.2
     */
    public Builder<T> tuning(String name, Function<T, ?> accessor) {
      return add(name, accessor, false);
    }

    private Builder<T> add(String name, Function<T, ?> accessor, boolean output) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(accessor, "accessor");
      if (fields.stream().anyMatch(f -> f.name().equals(name))) {
        throw new IllegalStateException("field " + name + " was already added");
      }
      fields.add(new Field<>(name, accessor, output));
      return this;
    }

    /**
     * Returns the list.
     *
     * @return the fields
     * @since 0.2
     */
    public Fields<T> build() {
      return new Fields<>(type, fields);
    }
  }
}
