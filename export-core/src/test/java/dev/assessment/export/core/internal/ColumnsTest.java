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
package dev.assessment.export.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void attributeNames_collisionsAreSuffixedDeterministically() {
    Workflow w =
        new Workflow(
            "wf",
            "w",
            List.of(
                AttributeDefinition.of("label", AttributeType.TEXT),
                AttributeDefinition.of("label (attribute)", AttributeType.TEXT),
                AttributeDefinition.of("location", AttributeType.TEXT),
                AttributeDefinition.of("severity", AttributeType.NUMBER),
                AttributeDefinition.of("value", AttributeType.TEXT)));
    Map<String, String> names = Columns.attributeNames(w);
    assertEquals(
        List.of(
            "label (attribute)",
            "label (attribute) (attribute)",
            "location (attribute)",
            "severity",
            "value (attribute)"),
        List.copyOf(names.values()));
  }

  @Test
  void undefinedName_reservedGetsSuffix() {
    assertEquals("confidence (undefined)", Columns.undefinedName("confidence", List.of()));
    assertEquals("weight", Columns.undefinedName("weight", List.of("severity")));
  }
}
