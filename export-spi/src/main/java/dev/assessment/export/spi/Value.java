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
package dev.assessment.export.spi;

import java.util.List;
import java.util.Objects;

/**
 * The typed value of an attribute: text, a number, a boolean, a list of choices, or no answer.
 *
 * <p>Create values with the factories {@link #text(String)}, {@link #number(double)}, {@link
 * #bool(boolean)}, {@link #choices(List)} and {@link #unanswered(AttributeType)}.
 *
 * @since 0.2
 */
public sealed interface Value
    permits Value.Text, Value.Numeric, Value.Bool, Value.Choices, Value.Unanswered {

  /**
   * Returns the attribute type this value belongs to.
   *
   * @return the type
   * @since 0.2
   */
  AttributeType type();

  /**
   * Returns a text value.
   *
   * @param text the text, possibly empty
   * @return the value
   * @since 0.2
   */
  static Value text(String text) {
    return new Text(text);
  }

  /**
   * Returns a number value. Negative zero is stored as zero; non-finite numbers are kept so that an
   * export can report them.
   *
   * @param number the number
   * @return the value
   * @since 0.2
   */
  static Value number(double number) {
    return new Numeric(number);
  }

  /**
   * Returns a boolean value.
   *
   * @param bool the boolean
   * @return the value
   * @since 0.2
   */
  static Value bool(boolean bool) {
    return new Bool(bool);
  }

  /**
   * Returns a list of choices.
   *
   * @param choices the chosen options, in order; copied
   * @return the value
   * @since 0.2
   */
  static Value choices(List<String> choices) {
    return new Choices(choices);
  }

  /**
   * Returns the value of an attribute the assessor was asked for and left unanswered (a SQL {@code
   * NULL}). The CSV layouts write it as an empty cell.
   *
   * @param type the attribute's type, from its definition
   * @return the value
   * @since 0.2
   */
  static Value unanswered(AttributeType type) {
    return new Unanswered(type);
  }

  /**
   * Free text.
   *
   * @param text the text, possibly empty
   * @since 0.2
   */
  record Text(String text) implements Value {
    /**
     * Creates the text, checking and copying its components.
     *
     * @param text the text, possibly empty
     * @since 0.2
     */
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public AttributeType type() {
      return AttributeType.TEXT;
    }
  }

  /**
   * A number, held as an IEEE 754 double.
   *
   * @param number the number; negative zero is stored as zero
   * @since 0.2
   */
  record Numeric(double number) implements Value {
    /**
     * Creates the number, checking and copying its components.
     *
     * @param number the number; negative zero is stored as zero
     * @since 0.2
     */
    public Numeric {
      if (number == 0.0) {
        number = 0.0;
      }
    }

    @Override
    public AttributeType type() {
      return AttributeType.NUMBER;
    }
  }

  /**
   * A boolean.
   *
   * @param bool the boolean
   * @since 0.2
   */
  record Bool(boolean bool) implements Value {
    @Override
    public AttributeType type() {
      return AttributeType.BOOLEAN;
    }
  }

  /**
   * A list of choices.
   *
   * @param choices the chosen options in order; copied, none null
   * @since 0.2
   */
  record Choices(List<String> choices) implements Value {
    /**
     * Creates the choices, checking and copying its components.
     *
     * @param choices the chosen options in order; copied, none null
     * @since 0.2
     */
    public Choices {
      choices = List.copyOf(choices);
    }

    @Override
    public AttributeType type() {
      return AttributeType.CHOICES;
    }
  }

  /**
   * No answer: the attribute was asked for and left empty.
   *
   * @param type the attribute's type, from its definition
   * @since 0.2
   */
  record Unanswered(AttributeType type) implements Value {
    /**
     * Creates the empty answer, checking its component.
     *
     * @param type the attribute's type, from its definition
     * @since 0.2
     */
    public Unanswered {
      Objects.requireNonNull(type, "type");
    }
  }
}
