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
package dev.assessment.export.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated workflows for the properties: awkward text (delimiters, quotes, CR/LF, empty, non-BMP,
 * leading formula characters, apostrophes), huge and tiny numbers, time ties, entities with and
 * without locations, assessments without entities, files never assessed.
 */
public final class Models {
  private static final List<String> TOKENS =
      List.of(
          ",",
          "\"",
          "\r\n",
          "\n",
          "\r",
          "=",
          "+",
          "-",
          "@",
          "\t",
          "'",
          " ",
          "😀",
          "東京",
          "é",
          "a",
          "Z",
          "0",
          "9",
          ";",
          "label",
          "location",
          "POLYGON",
          "[",
          "]",
          "\\",
          "\u0001");
  private static final double[] NUMBERS = {
    0,
    1,
    -1,
    0.1,
    -2.5,
    1e-300,
    -1e300,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    123456789.123,
    1e15,
    1e16,
    0.1 + 0.2,
    4.35,
    100
  };

  /** A generated workflow with everything needed to build a repository and compare. */
  public record Model(
      Workflow workflow,
      List<DataSource> dataSources,
      List<WorkflowOrder> orders,
      List<AssessedFile> files,
      Map<String, byte[]> media) {

    public InMemoryRepository repository() {
      InMemoryRepository.Builder b = InMemoryRepository.builder().workflow(workflow);
      dataSources.forEach(b::dataSource);
      orders.forEach(b::order);
      for (AssessedFile f : files) {
        b.file(f.file(), f.assessments());
        byte[] content = media.get(f.file().id());
        if (content != null) {
          b.content(f.file().id(), content);
        }
      }
      return b.build();
    }

    public boolean hasAssessment() {
      return files.stream().anyMatch(f -> !f.assessments().isEmpty());
    }
  }

  private Models() {}

  /** Awkward text, including empty. */
  public static Gen<String> text() {
    return lists()
        .of(
            Generate.oneOf(
                Generate.pick(TOKENS), strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6)))
        .ofSizeBetween(0, 5)
        .map(parts -> String.join("", parts));
  }

  /**
   * Workflows built from a generated list of choices: the model's builder draws every decision (how
   * many files, which label, which value) from the list, so that when QuickTheories shrinks the
   * list (fewer choices, each nearer 0) the model shrinks with it to fewer files, entities and
   * attributes and simpler text. Choices past the end of the list are 0.
   */
  public static Gen<Model> models(boolean withUndefinedAttributes, boolean withBadData) {
    return lists()
        .of(integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(0, 1000)
        .map(choices -> model(new Choices(choices), withUndefinedAttributes, withBadData));
  }

  /** A {@link Random} that plays back generated choices instead of drawing its own. */
  public static final class Choices extends Random {
    private static final long serialVersionUID = 1L;
    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
      super(0);
      this.values = List.copyOf(values);
    }

    @Override
    protected int next(int bits) {
      int value = next < values.size() ? values.get(next++) : 0;
      return bits >= 32 ? value : value & ((1 << bits) - 1);
    }
  }

  public static Model model(Random r, boolean withUndefinedAttributes, boolean withBadData) {
    String wfId = id(r, "wf");
    List<AttributeDefinition> defs = new ArrayList<>();
    int nAttributes = r.nextInt(6);
    for (int i = 0; i < nAttributes; i++) {
      String name =
          r.nextInt(4) == 0
              ? pick(r, List.of("label", "location", "value", "confidence", "entity_id"))
              : text(r);
      if (name.isEmpty() || defs.stream().anyMatch(d -> d.name().equals(name))) {
        continue;
      }
      defs.add(AttributeDefinition.of(name, AttributeType.values()[r.nextInt(4)]));
    }
    Workflow workflow = new Workflow(wfId, text(r), defs);
    List<DataSource> sources = new ArrayList<>();
    int nSources = 1 + r.nextInt(3);
    for (int i = 0; i < nSources; i++) {
      sources.add(new DataSource(id(r, "ds") + i, wfId, text(r)));
    }
    List<WorkflowOrder> orders = new ArrayList<>();
    int nOrders = r.nextInt(3);
    for (int i = 0; i < nOrders; i++) {
      orders.add(new WorkflowOrder(id(r, "o") + i, wfId, text(r)));
    }
    List<AssessedFile> files = new ArrayList<>();
    Map<String, byte[]> media = new LinkedHashMap<>();
    int nFiles = r.nextInt(8);
    for (int i = 0; i < nFiles; i++) {
      String fileId = id(r, "f") + "#" + i;
      MediaFile file =
          new MediaFile(
              fileId,
              wfId,
              text(r),
              text(r),
              r.nextBoolean() ? null : "image/jpeg",
              sources.get(r.nextInt(sources.size())).id(),
              orders.isEmpty() || r.nextBoolean()
                  ? null
                  : orders.get(r.nextInt(orders.size())).id());
      List<Assessment> assessments = new ArrayList<>();
      int nAssessments = r.nextInt(4);
      for (int a = 0; a < nAssessments; a++) {
        List<Entity> entities = new ArrayList<>();
        int nEntities = r.nextInt(4);
        for (int e = 0; e < nEntities; e++) {
          entities.add(entity(r, "e" + e + text(r), defs, withUndefinedAttributes, withBadData));
        }
        assessments.add(
            new Assessment(
                a + id(r, "a"),
                r.nextBoolean() ? AssessmentKind.HUMAN : AssessmentKind.MACHINE,
                text(r),
                text(r),
                Instant.EPOCH
                    .plusSeconds(r.nextInt(3) * 3600L)
                    .plusNanos(r.nextInt(4) == 0 ? 250_000_000L : 0),
                entities));
      }
      files.add(new AssessedFile(file, assessments));
      if (r.nextBoolean()) {
        byte[] content = new byte[r.nextInt(64)];
        r.nextBytes(content);
        media.put(fileId, content);
      }
    }
    return new Model(workflow, sources, orders, files, media);
  }

  private static Entity entity(
      Random r, String id, List<AttributeDefinition> defs, boolean undefined, boolean bad) {
    Polygon location = null;
    Double locationConfidence = null;
    if (r.nextBoolean()) {
      int n = r.nextInt(6);
      double[] xy = new double[n * 2];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = bad && r.nextInt(10) == 0 ? Double.NaN : number(r);
      }
      location = Polygon.of(xy);
      locationConfidence = confidence(r);
    }
    List<AttributeValue> values = new ArrayList<>();
    for (AttributeDefinition d : defs) {
      if (r.nextBoolean()) {
        values.add(new AttributeValue(d.name(), value(r, d.type(), bad), confidence(r)));
      }
    }
    if (undefined && r.nextInt(3) == 0) {
      String name = "undefined " + text(r);
      values.add(new AttributeValue(name, Value.text(text(r)), confidence(r)));
    }
    return new Entity(id, r.nextInt(4) == 0 ? null : text(r), location, locationConfidence, values);
  }

  private static Value value(Random r, AttributeType type, boolean bad) {
    return switch (type) {
      case TEXT -> Value.text(text(r));
      case NUMBER -> Value.number(bad && r.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : number(r));
      case BOOLEAN -> Value.bool(r.nextBoolean());
      case CHOICES -> {
        List<String> choices = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          choices.add(text(r));
        }
        yield Value.choices(choices);
      }
    };
  }

  private static Double confidence(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> null;
      case 1 -> 0.0;
      case 2 -> 1.0;
      case 3 -> Double.MIN_VALUE;
      default -> r.nextDouble();
    };
  }

  public static double number(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> NUMBERS[r.nextInt(NUMBERS.length)] * (r.nextBoolean() ? 1 : -1);
      case 1 -> r.nextInt(5000) / 10.0;
      default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
    };
  }

  public static String text(Random r) {
    int n = r.nextInt(5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
    }
    return sb.toString();
  }

  private static String id(Random r, String prefix) {
    String t = text(r);
    return r.nextBoolean() ? prefix + t : t + prefix;
  }

  private static String pick(Random r, List<String> options) {
    return options.get(r.nextInt(options.size()));
  }

  public static String describe(Model m) {
    return m.files().stream().map(f -> f.file().id()).collect(Collectors.joining(", "));
  }
}
