package dev.assessment.export.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.AssessmentScope;
import org.junit.jupiter.api.Test;

class ExportRequestTest {

  @Test
  void build_defaults() {
    ExportRequest r = ExportRequest.builder("wf").build();
    assertEquals(Layout.ATTRIBUTE_VALUES, r.layout());
    assertEquals(AssessmentScope.ALL, r.assessments());
    assertNull(r.dataSourceId());
    assertNull(r.orderId());
    assertTrue(r.neutraliseFormulas());
    assertTrue(r.archive().manifest());
    assertEquals(PolygonEncoding.WKT, r.polygons());
    assertTrue(!r.bom() && !r.strict());
  }

  @Test
  void build_annotatedFilesWithoutOrder() {
    ExportRequest.Builder b = ExportRequest.builder("wf").layout(Layout.ANNOTATED_FILES);
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertEquals("ANNOTATED_FILES needs an order: call order(id)", e.getMessage());
  }

  @Test
  void build_annotatedFilesWithOrder() {
    ExportRequest r = ExportRequest.builder("wf").layout(Layout.ANNOTATED_FILES).order("o").build();
    assertEquals("o", r.orderId());
  }

  @Test
  void builder_emptyWorkflowId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.builder(""));
    assertTrue(e.getMessage().startsWith("workflowId"), e.getMessage());
  }

  @Test
  void dataSource_emptyId() {
    ExportRequest.Builder b = ExportRequest.builder("wf");
    assertThrows(IllegalArgumentException.class, () -> b.dataSource(""));
  }

  @Test
  void order_emptyId() {
    ExportRequest.Builder b = ExportRequest.builder("wf");
    assertThrows(IllegalArgumentException.class, () -> b.order(""));
  }

  @Test
  void toBuilder_keepsEverySetting() {
    ExportRequest r =
        ExportRequest.builder("wf").layout(Layout.ANNOTATIONS).assessments(AssessmentScope.LATEST)
            .dataSource("ds").order("o").bom(true).neutraliseFormulas(false)
            .polygons(PolygonEncoding.JSON).strict(true).archive(ArchiveOptions.builder().manifest(false).build()).build();
    assertEquals(r, r.toBuilder().build());
    assertEquals(r.hashCode(), r.toBuilder().build().hashCode());
    assertNotEquals(r, r.toBuilder().bom(false).build());
    assertEquals("o", r.query().orderId());
  }
}
