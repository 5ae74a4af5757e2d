package com.batchtrace.compliance.audit.control;

import com.batchtrace.platform.RuleViolation;
import java.util.Arrays;
import java.util.List;

/**
 * The audited record types and their Envers tables, as registered in the database by
 * audited_record_register() (V10 onwards), which also builds the audit_trail_entry view from them;
 * a new audited entity registers its table in its migration and adds itself here.
 */
public enum AuditedRecordType {
  EQUIPMENT("Equipment", "equipment_aud"),
  AUDIT_TRAIL_REVIEW("AuditTrailReview", "audit_trail_review_aud"),
  MATERIAL("Material", "material_aud"),
  MATERIAL_LOT("MaterialLot", "material_lot_aud"),
  MASTER_BATCH_RECORD("MasterBatchRecord", "master_batch_record_aud"),
  BATCH("Batch", "batch_aud"),
  LOT_CONSUMPTION("LotConsumption", "lot_consumption_aud"),
  UNS_TAG("UnsTag", "uns_tag_aud"),
  EQUIPMENT_ALLOCATION("EquipmentAllocation", "equipment_allocation_aud"),
  BATCH_EXCEPTION("BatchException", "batch_exception_aud"),
  STEP_EXECUTION("StepExecution", "step_execution_aud"),
  STEP_ENTRY("StepEntry", "step_entry_aud"),
  EXCEPTION_DISPOSITION("ExceptionDisposition", "exception_disposition_aud"),
  POST_RELEASE_REVIEW("PostReleaseReview", "post_release_review_aud"),
  ACCESS_REVIEW("AccessReview", "access_review_aud"),
  INSTALLATION_QUALIFICATION("InstallationQualification", "installation_qualification_aud"),
  DEAD_LETTER_REPROCESSING("DeadLetterReprocessing", "dead_letter_reprocessing_aud");

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
