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
package dev.assessment.export.example;

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.spi.AssessmentScope;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts the command line's lower-case, dashed option values into the library's values. A layout
 * is any id; whether the exporter can write it is checked against {@code Exporter.layouts()}, so
 * that a layout module on the class path needs no edit here.
 */
final class Options {
  private Options() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                  .collect(Collectors.joining(", ")));
    }
  }

  static final class LayoutConverter implements ITypeConverter<Layout> {
    @Override
    public Layout convert(String value) {
      try {
        return Layout.of(value.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ScopeConverter implements ITypeConverter<AssessmentScope> {
    @Override
    public AssessmentScope convert(String value) {
      return parse(AssessmentScope.class, value);
    }
  }

  static final class PolygonConverter implements ITypeConverter<PolygonEncoding> {
    @Override
    public PolygonEncoding convert(String value) {
      return parse(PolygonEncoding.class, value);
    }
  }
}
