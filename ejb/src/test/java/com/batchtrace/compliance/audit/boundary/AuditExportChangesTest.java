package com.batchtrace.compliance.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each exported audit trail entry carries what its revision changed, field by field with the old
 * and the new value as stored: a creation lists the fields it set, a change only the fields it
 * changed, each against the record's revision before it.
 */
@Tag("URS-069")
class AuditExportChangesTest {

  private static final List<Object[]> STATES =
      List.of(
          new Object[] {10L, "{\"id\":4,\"name\":\"Dryer\",\"active\":true}"},
          new Object[] {12L, "{\"id\":4,\"name\":\"Dryer 1\",\"active\":true}"},
          new Object[] {17L, "{\"id\":4,\"name\":\"Dryer 1\",\"active\":false}"});

  private static AuditEntry at(long revision) {
    return new AuditEntry(
        revision, Instant.EPOCH, "admin", "Adrian", null, null, "Equipment", 4, "MODIFIED", "Why");
  }

  @Test
  void aCreationListsTheFieldsItSet() {
    assertEquals("active:  → true; id:  → 4; name:  → Dryer", AuditExport.changes(STATES, at(10)));
  }

  @Test
  void aChangeListsOnlyWhatChangedSinceTheRevisionBefore() {
    assertEquals("name: Dryer → Dryer 1", AuditExport.changes(STATES, at(12)));
    assertEquals("active: true → false", AuditExport.changes(STATES, at(17)));
  }

  @Test
  void theChangesAreAColumnOfTheExportCoveredByItsChecksum() {
    AuditEntry entry = at(12).withChanges("name: Dryer → Dryer 1");

    assertEquals("changes", AuditEntry.COLUMNS.get(AuditEntry.COLUMNS.size() - 1));
    assertEquals(AuditEntry.COLUMNS.size(), entry.values().size());
    assertEquals("name: Dryer → Dryer 1", entry.values().get(entry.values().size() - 1));
  }
}
