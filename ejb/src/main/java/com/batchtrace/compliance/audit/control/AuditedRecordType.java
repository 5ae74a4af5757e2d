package com.batchtrace.compliance.audit.control;

import com.batchtrace.platform.RuleViolation;
import java.util.Arrays;
import java.util.List;

/**
 * The audited record types and their Envers tables. The audit_trail_entry view (V3 migration) has
 * one branch per type; a new audited entity adds itself in both places.
 */
public enum AuditedRecordType {
  EQUIPMENT("Equipment", "equipment_aud"),
  AUDIT_TRAIL_REVIEW("AuditTrailReview", "audit_trail_review_aud"),
  MATERIAL("Material", "material_aud"),
  MATERIAL_LOT("MaterialLot", "material_lot_aud"),
  MASTER_BATCH_RECORD("MasterBatchRecord", "master_batch_record_aud"),
  STEP_EXECUTION("StepExecution", "step_execution_aud"),
  STEP_ENTRY("StepEntry", "step_entry_aud");

  private final String recordType;
  private final String auditTable;

  AuditedRecordType(String recordType, String auditTable) {
    this.recordType = recordType;
    this.auditTable = auditTable;
  }

  public String recordType() {
    return recordType;
  }

  /** The Envers table; only names from this enum ever reach SQL text. */
  public String auditTable() {
    return auditTable;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(AuditedRecordType::recordType).toList();
  }

  public static AuditedRecordType of(String recordType) {
    return Arrays.stream(values())
        .filter(t -> t.recordType.equals(recordType))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "'"
                        + recordType
                        + "' is not an audited record type; use one of "
                        + String.join(", ", names())
                        + "."));
  }
}
