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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  private static final Instant T = Instant.parse("2025-11-19T08:00:00Z");

  @Test
  void workflow_emptyId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Workflow("", "n", List.of()));
    assertTrue(e.getMessage().contains("workflow id"), e.getMessage());
  }

  @Test
  void workflow_duplicateAttribute() {
    List<AttributeDefinition> defs =
        List.of(
            AttributeDefinition.of("severity", AttributeType.NUMBER),
            AttributeDefinition.of("severity", AttributeType.TEXT));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Workflow("wf", "n", defs));
    assertTrue(e.getMessage().contains("'severity' twice"), e.getMessage());
  }

  @Test
  void workflow_copiesAttributes() {
    List<AttributeDefinition> defs = new ArrayList<>();
    defs.add(AttributeDefinition.of("a", AttributeType.TEXT));
    Workflow w = new Workflow("wf", "n", defs);
    defs.add(AttributeDefinition.of("b", AttributeType.TEXT));
    assertEquals(1, w.attributes().size());
    assertThrows(UnsupportedOperationException.class, () -> w.attributes().clear());
    assertEquals(AttributeType.TEXT, w.attribute("a").orElseThrow().type());
    assertTrue(w.attribute("b").isEmpty());
  }

  @Test
  void attributeValue_confidenceAboveOne() {
    assertThrows(
        IllegalArgumentException.class, () -> AttributeValue.of("a", Value.text("x"), 1.01));
  }

  @Test
  void attributeValue_confidenceNaN() {
    assertThrows(
        IllegalArgumentException.class, () -> AttributeValue.of("a", Value.text("x"), Double.NaN));
  }

  @Test
  void attributeValue_confidenceBoundsAccepted() {
    assertEquals(0.0, AttributeValue.of("a", Value.text("x"), 0.0).confidence());
    assertEquals(1.0, AttributeValue.of("a", Value.text("x"), 1.0).confidence());
    assertNull(AttributeValue.of("a", Value.text("x")).confidence());
  }

  @Test
  void entity_locationConfidenceWithoutLocation() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Entity("e", null, null, 0.5, List.of()));
    assertTrue(e.getMessage().contains("entity e"), e.getMessage());
  }

  @Test
  void entity_duplicateAttributeName() {
    List<AttributeValue> values =
        List.of(AttributeValue.of("a", Value.text("x")), AttributeValue.of("a", Value.text("y")));
    assertThrows(IllegalArgumentException.class, () -> Entity.fileLevel("e", null, values));
  }

  @Test
  void entity_emptyLabelIsAbsent() {
    assertNull(Entity.fileLevel("e", "", List.of()).label());
  }

  @Test
  void entity_copiesAttributes() {
    List<AttributeValue> values =
        new ArrayList<>(List.of(AttributeValue.of("a", Value.bool(true))));
    Entity e = Entity.fileLevel("e", "l", values);
    values.clear();
    assertEquals(1, e.attributes().size());
  }

  @Test
  void entity_acceptsDegeneratePolygons() {
    Entity twoPoints = Entity.annotation("e", "l", Polygon.of(0, 0, 1, 1), null, List.of());
    Entity nan =
        Entity.annotation("e", "l", Polygon.of(0, 0, Double.NaN, 1, 2, 2), null, List.of());
    assertEquals(2, twoPoints.location().points().size());
    assertTrue(!nan.location().isFinite() && !nan.location().isDrawable());
  }

  @Test
  void assessment_duplicateEntityId() {
    List<Entity> entities =
        List.of(Entity.fileLevel("e", null, List.of()), Entity.fileLevel("e", null, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Assessment("a", AssessmentKind.HUMAN, null, null, T, entities));
  }

  @Test
  void assessment_copiesEntities() {
    List<Entity> entities = new ArrayList<>(List.of(Entity.fileLevel("e", null, List.of())));
    Assessment a = new Assessment("a", AssessmentKind.MACHINE, "", "", T, entities);
    entities.clear();
    assertEquals(1, a.entities().size());
    assertNull(a.step());
    assertNull(a.assessor());
  }

  @Test
  void recency_numericIdsCompareAsNumbers() {
    Assessment nine = new Assessment("9", AssessmentKind.HUMAN, null, null, T, List.of());
    Assessment ten = new Assessment("10", AssessmentKind.HUMAN, null, null, T, List.of());
    Assessment text = new Assessment("a", AssessmentKind.HUMAN, null, null, T, List.of());
    Assessment later =
        new Assessment("1", AssessmentKind.HUMAN, null, null, T.plusSeconds(1), List.of());
    assertTrue(Assessment.RECENCY.compare(nine, ten) < 0);
    assertTrue(Assessment.RECENCY.compare(ten, text) < 0);
    assertTrue(Assessment.RECENCY.compare(text, later) < 0);
  }

  @Test
  void polygon_closedRingIsOpened() {
    assertEquals(Polygon.of(0, 0, 4, 0, 4, 3), Polygon.of(0, 0, 4, 0, 4, 3, 0, 0));
  }

  @Test
  void polygon_oddCoordinates() {
    assertThrows(IllegalArgumentException.class, () -> Polygon.of(0, 0, 1));
  }

  @Test
  void value_negativeZeroIsZero() {
    assertEquals(Value.number(0.0), Value.number(-0.0));
    assertEquals(new Polygon.Point(0, 0), new Polygon.Point(-0.0, -0.0));
  }

  @Test
  void value_choicesCopied() {
    List<String> choices = new ArrayList<>(List.of("a"));
    Value v = Value.choices(choices);
    choices.add("b");
    assertEquals(List.of("a"), ((Value.Choices) v).choices());
    assertEquals(AttributeType.CHOICES, v.type());
  }

  @Test
  void mediaFile_emptyOrderIsAbsent() {
    MediaFile f = new MediaFile("f", "wf", "", "", "", "ds", "");
    assertNull(f.orderId());
    assertNull(f.mediaType());
  }

  @Test
  void mediaFile_emptyDataSource() {
    assertThrows(
        IllegalArgumentException.class, () -> new MediaFile("f", "wf", "", "", null, "", null));
  }

  @Test
  void fileQuery_selectsByEveryFilter() {
    MediaFile f = new MediaFile("f", "wf", "", "", null, "ds", "o");
    assertTrue(FileQuery.builder("wf").dataSourceId("ds").orderId("o").build().selects(f));
    assertTrue(!FileQuery.builder("wf").dataSourceId("other").build().selects(f));
    assertTrue(!FileQuery.builder("wf").orderId("other").build().selects(f));
    assertTrue(!FileQuery.all("other").selects(f));
  }
}
