package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A list sorts only by the words of its columns; a filter is bounded and taken literally. */
@Tag("URS-086")
class ListOrderTest {

  private final ListOrder lots =
      new ListOrder("Lots", Map.of("lot", "l.lotNumber", "expiry", "l.expiry"), "l.id");

  @Test
  void aColumnWordBecomesItsExpressionWithTheTieBreakInTheSameDirection() {
    assertEquals(
        " order by l.expiry desc nulls last, l.id desc", lots.orderBy(lots.by("Expiry", false)));
    assertEquals(
        " order by l.lotNumber asc nulls last, l.id asc", lots.orderBy(lots.by("lot", true)));
  }

  @Test
  void anUnknownSortColumnIsRefusedNamingTheColumnsTheListKnows() {
    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> lots.by("l.id; drop table material_lot", true));
    assertEquals(
        "Lots can be sorted by expiry, lot; 'l.id; drop table material_lot' is not one of them."
            + " The list keeps its order.",
        refused.getMessage());
    assertThrows(RuleViolation.class, () -> lots.orderBy(new ListOrder.Sort("l.id desc, 1", true)));
  }

  @Test
  void aFilterLongerThanTheLimitIsRefusedAndWildcardsAreTakenLiterally() {
    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> ListFilter.part("lots", "x".repeat(1_048_576)));
    assertEquals(
        "The filter for lots is at most 100 characters; the one given has 1048576. Nothing was"
            + " searched.",
        refused.getMessage());
    assertEquals("%!%a!_b!!%", ListFilter.part("lots", " %A_b! "));
    assertNull(ListFilter.part("lots", "  "));
  }

  enum Status {
    IN_REVIEW,
    RELEASED
  }

  @Test
  void aStatusIsGivenInTheWordsThePagesShowAndAnyOtherTextIsRefused() {
    assertEquals(Status.IN_REVIEW, ListFilter.status("a batch", Status.class, "In review").get());
    assertEquals(Status.RELEASED, ListFilter.status("a batch", Status.class, "released").get());
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> ListFilter.status("a batch", Status.class, "RELEASED' OR 1=1 --"));
    assertEquals(
        "'RELEASED' OR 1=1 --' is not a status of a batch. Choose one of the list. Nothing was"
            + " searched.",
        refused.getMessage());
  }
}
