package com.batchtrace.compliance.audit.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * One revision of a record with the fields it changed: the field-level history an auditor reads.
 *
 * @param entry who, when, why and what kind of change
 * @param changes each changed field, old and new value
 */
public record RecordChange(AuditEntry entry, List<FieldChange> changes) implements Serializable {

  public RecordChange {
    changes = List.copyOf(changes);
  }
}
