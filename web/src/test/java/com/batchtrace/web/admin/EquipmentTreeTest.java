package com.batchtrace.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.platform.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The equipment filter keeps each match with the nodes above it, in the chosen order. */
class EquipmentTreeTest {

  private static EquipmentView node(long id, Long parent, String path, String name) {
    String code = path.substring(path.lastIndexOf('/') + 1);
    return new EquipmentView(id, parent, "LINE", code, name, null, path, true, 0);
  }

  private final List<EquipmentView> plant =
      List.of(
          node(1, null, "acme", "Acme"),
          node(2, 1L, "acme/basel", "Basel"),
          node(3, 2L, "acme/basel/granulation", "Granulation"),
          node(4, 3L, "acme/basel/granulation/line-2", "Line 2"),
          node(5, 3L, "acme/basel/granulation/a-line", "Zeta line"),
          node(6, 1L, "acme/zurich", "Zurich"));

  private static List<String> names(List<EquipmentView> shown) {
    return shown.stream().map(EquipmentView::name).toList();
  }

  @Test
  @Tag("URS-085")
  void aMatchIsShownWithEveryNodeAboveItAndNothingElse() {
    assertEquals(
        List.of("Acme", "Basel", "Granulation", "Line 2"),
        names(EquipmentTree.shown(plant, "line 2", "code")));
    assertEquals(List.of("Acme", "Zurich"), names(EquipmentTree.shown(plant, "ZURICH", "code")));
    assertEquals(List.of(), EquipmentTree.shown(plant, "no such node", "code"));
  }

  @Test
  @Tag("URS-085")
  void eachLevelIsOrderedByCodeOrByName() {
    assertEquals(
        List.of("Acme", "Basel", "Granulation", "Zeta line", "Line 2", "Zurich"),
        names(EquipmentTree.shown(plant, null, "code")));
    assertEquals(
        List.of("Acme", "Basel", "Granulation", "Line 2", "Zeta line", "Zurich"),
        names(EquipmentTree.shown(plant, "", "name")));
  }

  @Test
  @Tag("URS-086")
  void anUnknownOrderOrAnOverlongFilterIsRefused() {
    assertThrows(RuleViolation.class, () -> EquipmentTree.shown(plant, null, "id desc"));
    RuleViolation refused =
        assertThrows(
            RuleViolation.class, () -> EquipmentTree.shown(plant, "x".repeat(1_048_576), "code"));
    assertEquals(
        "The filter for equipment is at most 100 characters; the one given has 1048576. Nothing"
            + " was searched.",
        refused.getMessage());
  }
}
