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
package dev.assessment.export.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.layout.Fields;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.spi.AssessmentScope;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExportRequestTest {

  /** A layout option as a plugin would define one. */
  record Precision(int digits) implements LayoutOptions {
    @Override
    public String fingerprint() {
      return "digits=" + digits;
    }
  }

  @Test
  void build_defaults() {
    ExportRequest r = ExportRequest.builder("wf").build();
    assertEquals(CsvLayouts.ATTRIBUTE_VALUES, r.layout());
    assertEquals(AssessmentScope.ALL, r.scope());
    assertNull(r.dataSourceId());
    assertNull(r.orderId());
    assertTrue(r.neutraliseFormulas());
    assertTrue(r.options().isEmpty());
    assertEquals(PolygonEncoding.WKT, r.polygons());
    assertTrue(!r.bom() && !r.strict());
    assertNull(r.shard());
  }

  @Test
  void build_anyLayoutIdIsAccepted() {
    ExportRequest r = ExportRequest.builder("wf").layout(Layout.of("my-layout")).build();
    assertEquals("my-layout", r.layout().id());
  }

  @Test
  void layoutOf_invalidId() {
    for (String id : List.of("", "Files", "a_b", "a--b", "-a", "a-", "x".repeat(65), "a b")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Layout.of(id), id);
      assertTrue(e.getMessage().contains("lower-case letters and digits"), e.getMessage());
    }
  }

  @Test
  void layout_equalById() {
    assertEquals(CsvLayouts.ANNOTATIONS, Layout.of("annotations"));
    assertEquals("annotations", CsvLayouts.ANNOTATIONS.toString());
  }

  @Test
  void builder_emptyWorkflowId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.builder(""));
    assertTrue(e.getMessage().startsWith("workflowId"), e.getMessage());
  }

  @Test
  void dataSourceId_emptyId() {
    ExportRequest.Builder b = ExportRequest.builder("wf");
    assertThrows(IllegalArgumentException.class, () -> b.dataSourceId(""));
  }

  @Test
  void orderId_emptyId() {
    ExportRequest.Builder b = ExportRequest.builder("wf");
    assertThrows(IllegalArgumentException.class, () -> b.orderId(""));
  }

  @Test
  void option_keyedByTypeAndReplaced() {
    ExportRequest r =
        ExportRequest.builder("wf").option(new Precision(2)).option(new Precision(3)).build();
    assertEquals(Optional.of(new Precision(3)), r.option(Precision.class));
    assertEquals(1, r.options().size());
    assertTrue(r.toBuilder().clearOption(Precision.class).build().options().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> r.options().clear());
  }

  @Test
  void toBuilder_keepsEverySetting() {
    ExportRequest r =
        ExportRequest.builder("wf")
            .layout(CsvLayouts.ANNOTATIONS)
            .scope(AssessmentScope.LATEST)
            .dataSourceId("ds")
            .orderId("o")
            .bom(true)
            .neutraliseFormulas(false)
            .polygons(PolygonEncoding.JSON)
            .strict(true)
            .option(new Precision(4))
            .shard(1, 3)
            .build();
    assertEquals(r, r.toBuilder().build());
    assertEquals(r.hashCode(), r.toBuilder().build().hashCode());
    assertEquals(r.toString(), r.toBuilder().build().toString());
    assertNotEquals(r, r.toBuilder().bom(false).build());
    assertEquals("o", r.query().orderId());
    assertEquals("ds", r.query().dataSourceId());
    assertEquals(AssessmentScope.LATEST, r.query().scope());
  }

  /** Every declared field is in the one list that equality, text and fingerprint derive from. */
  @Test
  void fields_coverEveryDeclaredField() {
    assertEquals(
        declaredFields(ExportRequest.class), new HashSet<>(ExportRequest.fields().names()));
  }

  /**
   * Changing any setting that decides the bytes changes the fingerprint; changing the shard does
   * not. A field added to the request without reaching the list fails {@link
   * #fields_coverEveryDeclaredField()}; one added to the list as output must be varied here.
   */
  @Test
  void fingerprint_changesWithEveryOutputField() {
    ExportRequest base = ExportRequest.builder("wf").build();
    List<UnaryOperator<ExportRequest.Builder>> changes =
        List.of(
            b -> ExportRequest.builder("wf-2"),
            b -> b.scope(AssessmentScope.LATEST),
            b -> b.layout(CsvLayouts.ANNOTATIONS),
            b -> b.dataSourceId("ds"),
            b -> b.orderId("o"),
            b -> b.bom(true),
            b -> b.neutraliseFormulas(false),
            b -> b.polygons(PolygonEncoding.JSON),
            b -> b.strict(true),
            b -> b.option(new Precision(1)));
    assertEquals(ExportRequest.fields().outputNames().size(), changes.size());
    Set<String> seen = new HashSet<>();
    seen.add(base.fingerprint());
    for (UnaryOperator<ExportRequest.Builder> change : changes) {
      ExportRequest changed = change.apply(base.toBuilder()).build();
      assertTrue(seen.add(changed.fingerprint()), "same fingerprint for " + changed);
      assertNotEquals(base, changed);
    }
    assertEquals(base.fingerprint(), base.toBuilder().shard(0, 2).build().fingerprint());
    assertNotEquals(
        ExportRequest.builder("wf").option(new Precision(1)).build().fingerprint(),
        ExportRequest.builder("wf").option(new Precision(2)).build().fingerprint());
  }

  @Test
  void fingerprint_sameOnEveryJdkForFloats() {
    Fields<float[]> none = Fields.of(float[].class).build();
    assertEquals("", none.fingerprint(new float[0]));
    record F(float f, double d) {}
    Fields<F> fields = Fields.of(F.class).output("f", F::f).output("d", F::d).build();
    // Bits, not Float.toString, whose digits changed between JDK 17 and 19.
    assertEquals(
        "f=f"
            + Integer.toHexString(Float.floatToIntBits(8.41E21f))
            + "\u0000d=d"
            + Long.toHexString(Double.doubleToLongBits(1e23)),
        fields.fingerprint(new F(8.41E21f, 1e23)));
  }

  static Set<String> declaredFields(Class<?> type) {
    Set<String> names = new HashSet<>();
    Arrays.stream(type.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
        .forEach(f -> names.add(f.getName()));
    return names;
  }
}
