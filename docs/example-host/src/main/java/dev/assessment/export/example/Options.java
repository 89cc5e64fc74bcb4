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
 * Converts the command line's lower-case, dashed option values into the library's values. A
 * layout is any id; whether the exporter can write it is checked against {@code
 * Exporter.layouts()}, so that a layout module on the class path needs no edit here.
 */
final class Options {
  private Options() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + value + "' is not one of "
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
