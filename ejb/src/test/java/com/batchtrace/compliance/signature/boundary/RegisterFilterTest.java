package com.batchtrace.compliance.signature.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.platform.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The register's and the audit trail's searches refuse a time the database cannot hold when they
 * are made, whichever door (page, export link, REST) the time came through.
 */
@Tag("URS-070")
class RegisterFilterTest {

  @Test
  void aFarFutureOrAncientTimeIsRefusedBeforeAnySearch() {
    Instant farFuture = Instant.parse("+300000-01-01T00:00:00Z");
    assertThrows(RuleViolation.class, () -> new RegisterFilter(null, null, null, farFuture, null));
    assertThrows(
        RuleViolation.class, () -> new RegisterFilter(null, null, null, null, Instant.EPOCH));
    assertThrows(
        RuleViolation.class, () -> new AuditQuery(farFuture, null, null, null, null, null));
    assertEquals(
        Instant.parse("2026-12-06T00:00:00Z"),
        new RegisterFilter(null, null, null, Instant.parse("2026-12-06T00:00:00Z"), null).from());
  }
}
