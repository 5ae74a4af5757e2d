package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Days a person types into a list's filter: in order, and years the plant's records can have. */
@Tag("URS-086")
class ListFilterTest {

  @Test
  void aFarFutureOrAncientDayIsRefusedWithTheYearsAllowed() {
    RuleViolation future =
        assertThrows(
            RuleViolation.class, () -> ListFilter.daysInOrder(null, LocalDate.of(300000, 1, 1)));
    assertEquals(
        "A day of the filter is between the years 2000 and 2999, not +300000-01-01."
            + " Nothing was searched.",
        future.getMessage());
    assertThrows(RuleViolation.class, () -> ListFilter.daysInOrder(LocalDate.MAX, null));
    assertThrows(
        RuleViolation.class, () -> ListFilter.daysInOrder(LocalDate.of(1999, 12, 31), null));
  }

  @Test
  void aFarFutureOrAncientTimeOfASearchIsRefused() {
    RuleViolation future =
        assertThrows(
            RuleViolation.class,
            () -> ListFilter.timesPlausible(null, Instant.parse("+300000-01-01T00:00:00Z")));
    assertEquals(
        "A time of the search is between the years 2000 and 2999, not +300000-01-01T00:00:00Z."
            + " Nothing was searched.",
        future.getMessage());
    assertThrows(RuleViolation.class, () -> ListFilter.timesPlausible(Instant.EPOCH));
    assertThrows(RuleViolation.class, () -> ListFilter.timesPlausible(Instant.MAX, null));
    assertDoesNotThrow(
        () ->
            ListFilter.timesPlausible(
                Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2999-12-31T23:59:59Z"),
                null));
  }

  @Test
  void daysOutOfOrderAreRefusedAndAPlausibleRangeIsNot() {
    assertThrows(
        RuleViolation.class,
        () -> ListFilter.daysInOrder(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 5)));
    assertDoesNotThrow(
        () -> ListFilter.daysInOrder(LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31)));
    assertDoesNotThrow(() -> ListFilter.daysInOrder(null, null));
  }
}
