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
package dev.assessment.export.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryNamesTest {
  private static final Workflow WORKFLOW = new Workflow("wf", "Roof inspection", List.of());
  private static final Map<String, WorkflowOrder> ORDERS =
      Map.of("o", new WorkflowOrder("o", "wf", "8492192"));

  private static MediaFile file(
      String externalId, String fileName, String mediaType, String order) {
    return new MediaFile("f", "wf", externalId, fileName, mediaType, "ds", order);
  }

  private static EntryNames names() {
    return new EntryNames(WORKFLOW, ORDERS, 200);
  }

  @Test
  void next_designExample() {
    assertEquals(
        "000003112442_8492192_1.jpg",
        names().next(file("000003112442", "IMG_1.JPG", "image/jpeg", "o")));
  }

  @Test
  void next_workflowNameWithoutOrder() {
    assertEquals("x_Roof inspection_1.png", names().next(file("x", "a.png", null, null)));
  }

  @Test
  void next_countsFilesSharingABase() {
    EntryNames n = names();
    assertEquals("x_8492192_1.jpg", n.next(file("x", "a.jpg", null, "o")));
    assertEquals("x_8492192_2.png", n.next(file("x", "b.png", null, "o")));
    assertEquals("y_8492192_1.jpg", n.next(file("y", "c.jpg", null, "o")));
    assertEquals(
        "X_8492192_3.jpg", n.next(file("X", "d.jpg", null, "o")), "case-insensitive count");
  }

  @Test
  void suffix_fromMediaTypeWhenTheNameHasNone() {
    assertEquals("x_8492192_1.jpg", names().next(file("x", "photo", "image/jpeg; q=1", "o")));
    assertEquals("x_8492192_1.bin", names().next(file("x", "photo", null, "o")));
    assertEquals("x_8492192_1.bin", names().next(file("x", "a.ex/e", null, "o")));
  }

  @Test
  void next_pathSeparatorsAndTraversal() {
    assertEquals(
        "___.__etc_passwd_8492192_1.jpg",
        names().next(file("../../etc/passwd", "a.jpg", null, "o")));
    assertEquals("a_b_c_8492192_1.jpg", names().next(file("a\\b/c", "a.jpg", null, "o")));
  }

  @Test
  void next_controlAndBidiCharacters() {
    assertEquals("a_b_c_8492192_1.jpg", names().next(file("a\u0000b\u202Ec", "a.jpg", null, "o")));
    assertEquals("a_b_8492192_1.jpg", names().next(file("a\tb", "a.jpg", null, "o")));
    assertEquals("a b_8492192_1.jpg", names().next(file("a\u00a0b", "a.jpg", null, "o")));
  }

  @Test
  void next_windowsReservedNames() {
    Workflow nul = new Workflow("wf", "x", List.of());
    assertEquals(
        "_CON.txt_x_1.jpg",
        new EntryNames(nul, Map.of(), 200).next(file("CON.txt", "a.jpg", null, null)));
    assertEquals(
        "con_x_1.jpg", new EntryNames(nul, Map.of(), 200).next(file("con", "a.jpg", null, null)));
  }

  @Test
  void next_longNamesAreCutOnACharacterBoundary() {
    String longId = "東".repeat(300);
    String name = new EntryNames(WORKFLOW, ORDERS, 100).next(file(longId, "a.jpg", null, "o"));
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 100, name);
    assertTrue(name.endsWith("_8492192_1.jpg"), name);
    assertTrue(name.startsWith("東東東"), name);
  }

  /** Regression: the whole base was cut, dropping "_8492192", which formats.md promises. */
  @Test
  void next_aLongExternalIdIsCutAndTheOrderNameKept() {
    String name = names().next(file("x".repeat(300), "a.jpg", null, "o"));
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 200, name);
    assertTrue(name.matches("x+_8492192_1\\.jpg"), name);
  }

  @Test
  void next_aNameTooLongForTheLimitIsCutToo() {
    Map<String, WorkflowOrder> orders = Map.of("o", new WorkflowOrder("o", "wf", "N".repeat(300)));
    String name = new EntryNames(WORKFLOW, orders, 100).next(file("x", "a.jpg", null, "o"));
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 100, name);
    assertTrue(name.matches("x_N+_1\\.jpg"), name);
  }

  @Test
  void next_emptyExternalId() {
    assertEquals("_8492192_1.jpg", names().next(file("", "a.jpg", null, "o")));
  }

  @Test
  void next_unicodeIsNormalised() {
    EntryNames n = names();
    assertEquals("é_8492192_1.jpg", n.next(file("e\u0301", "a.jpg", null, "o")));
    assertEquals("é_8492192_2.jpg", n.next(file("\u00e9", "a.jpg", null, "o")));
  }
}
