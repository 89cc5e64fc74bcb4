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
            "wf", "w",
            List.of(
                AttributeDefinition.of("label", AttributeType.TEXT),
                AttributeDefinition.of("label (attribute)", AttributeType.TEXT),
                AttributeDefinition.of("location", AttributeType.TEXT),
                AttributeDefinition.of("severity", AttributeType.NUMBER),
                AttributeDefinition.of("value", AttributeType.TEXT)));
    Map<String, String> names = Columns.attributeNames(w);
    assertEquals(
        List.of("label (attribute)", "label (attribute) (attribute)", "location (attribute)",
            "severity", "value (attribute)"),
        List.copyOf(names.values()));
  }

  @Test
  void undefinedName_reservedGetsSuffix() {
    assertEquals("confidence (undefined)", Columns.undefinedName("confidence", List.of()));
    assertEquals("weight", Columns.undefinedName("weight", List.of("severity")));
  }
}
