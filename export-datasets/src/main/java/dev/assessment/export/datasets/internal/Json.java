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
package dev.assessment.export.datasets.internal;

import dev.assessment.export.core.layout.CsvText;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.Value;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** What the dataset layouts write as JSON: numbers, typed values, the assessment context. */
final class Json {
  /** One factory for every generator: thread-safe, and configured once. */
  static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Returns a generator that writes UTF-8 to a stream, and closes it when closed. */
  static JsonGenerator generator(java.io.OutputStream out) {
    return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  /** Returns a generator that writes to a writer, and closes it when closed. */
  static JsonGenerator generator(java.io.Writer out) {
    return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  /** Writes a number in the CSV layouts' form: the shortest digits, no exponent. */
  static void number(JsonGenerator g, double value) {
    g.writeNumber(CsvText.number(value));
  }

  /** Writes a text property, or null. */
  static void text(JsonGenerator g, String name, @Nullable String value) {
    if (value == null) {
      g.writeNullProperty(name);
    } else {
      g.writeStringProperty(name, value);
    }
  }

  /**
   * Writes who assessed what and when, and the entity's attributes with their confidences: the
   * context training formats leave out, under keys their readers ignore.
   */
  static void context(
      ExportContext context,
      JsonGenerator g,
      AssessedFile file,
      Assessment assessment,
      Entity entity)
      throws IOException {
    g.writeStringProperty("entity_id", entity.id());
    g.writeStringProperty("assessment_id", assessment.id());
    g.writeStringProperty("assessment_kind", assessment.kind().name().toLowerCase(Locale.ROOT));
    text(g, "assessment_step", assessment.step());
    text(g, "assessor", assessment.assessor());
    g.writeStringProperty("assessed_at", CsvText.instant(assessment.assessedAt()));
    g.writeName("attributes");
    g.writeStartObject();
    for (AttributeValue v : entity.attributes()) {
      g.writeName(v.name());
      value(context, g, file, entity, v);
    }
    g.writeEndObject();
    g.writeName("attribute_confidences");
    g.writeStartObject();
    for (AttributeValue v : entity.attributes()) {
      if (v.confidence() != null) {
        g.writeName(v.name());
        number(g, v.confidence());
      }
    }
    g.writeEndObject();
  }

  private static void value(
      ExportContext context, JsonGenerator g, AssessedFile file, Entity entity, AttributeValue v)
      throws IOException {
    Value value = v.value();
    if (value instanceof Value.Text t) {
      g.writeString(t.text());
    } else if (value instanceof Value.Numeric n) {
      if (Double.isFinite(n.number())) {
        number(g, n.number());
      } else {
        context.warn(
            "non-finite-number",
            v.name(),
            file.file().id(),
            "file "
                + file.file().id()
                + ", entity "
                + entity.id()
                + ", attribute '"
                + v.name()
                + "': "
                + n.number()
                + " is not a finite number; it was written as null");
        g.writeNull();
      }
    } else if (value instanceof Value.Bool b) {
      g.writeBoolean(b.bool());
    } else if (value instanceof Value.Choices c) {
      g.writeStartArray();
      for (String choice : c.choices()) {
        g.writeString(choice);
      }
      g.writeEndArray();
    } else {
      g.writeNull();
    }
  }
}
