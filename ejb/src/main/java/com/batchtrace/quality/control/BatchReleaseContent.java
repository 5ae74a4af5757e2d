package com.batchtrace.quality.control;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.execution.boundary.BatchRecord;
import com.batchtrace.quality.entity.ExceptionDisposition;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What QA's release or rejection signature on a batch is linked to: the whole electronic batch
 * record from the execution context's read model (steps with their values, lots and signatures, the
 * exceptions with QA's dispositions, the produced lots). Not the batch's status or its lots'
 * dispositions: the signing changes those. A later change to anything here, or a step signature
 * turning INVALID, shows the release INVALID; how a page shows the batch does not matter.
 */
public final class BatchReleaseContent implements SignedRecord {

  public static final String TYPE = "Batch";

  private final BatchRecord record;
  private final Map<Long, ExceptionDisposition> dispositions;
  private final Supplier<String> legacy;

  /**
   * @param legacy format 1 of the content, asked for only when a signature in that format is
   *     checked
   */
  public BatchReleaseContent(
      BatchRecord record, Map<Long, ExceptionDisposition> dispositions, Supplier<String> legacy) {
    this.record = record;
    this.dispositions = dispositions;
    this.legacy = legacy;
  }

  @Override
  public String recordType() {
    return TYPE;
  }

  @Override
  public String recordId() {
    return String.valueOf(record.batchId());
  }

  @Override
  public SignedContent content() {
    return SignedContent.of(TYPE)
        .field("batch", record.batchNumber())
        .field("product", record.productCode())
        .field("masterBatchRecord", record.masterBatchRecord())
        .field("line", record.line())
        .field("plannedQuantity", record.plannedQuantity())
        .list(
            "steps",
            record.steps(),
            (step, c) ->
                c.field("position", step.position())
                    .field("name", step.name())
                    .field("status", step.status())
                    .field("startedBy", step.startedBy())
                    .field("performedBy", step.performedBy())
                    .field("verifiedBy", step.verifiedBy())
                    .list(
                        "entries",
                        step.entries(),
                        (e, ec) ->
                            ec.field("id", e.id())
                                .field("parameter", e.parameter())
                                .field("value", e.value())
                                .field("unit", e.unit())
                                .field("enteredBy", e.enteredBy())
                                .field("correctionReason", e.correctionReason())
                                .field("supersededAt", e.supersededAt()))
                    .list(
                        "charges",
                        step.charges(),
                        (l, lc) ->
                            lc.field("lot", l.lotNumber())
                                .field("material", l.materialCode())
                                .field("quantity", l.quantity())
                                .field("unit", l.unit()))
                    .list(
                        "signatures",
                        step.signatures(),
                        (s, sc) ->
                            sc.field("id", s.id())
                                .field("meaning", s.meaning())
                                .field("signer", s.signerId())
                                .field("contentSha256", s.contentSha256())
                                .field("valid", s.valid())))
        .list(
            "exceptions",
            record.exceptions(),
            (x, xc) -> {
              ExceptionDisposition d = dispositions.get(x.id());
              xc.field("id", x.id())
                  .field("kind", x.kind())
                  .field("step", x.stepPosition())
                  .field("parameter", x.parameter())
                  .field("startedAt", x.startedAt())
                  .field("endedAt", x.endedAt())
                  .field("worstValue", x.worstValue())
                  .field("detail", x.detail())
                  .field("decision", d == null ? null : d.getDecision().name())
                  .field("justification", d == null ? null : d.getJustification())
                  .field("deviation", d == null ? null : d.getDeviationReference());
            })
        .list(
            "outputs",
            record.outputs(),
            (o, oc) ->
                oc.field("lot", o.lotNumber())
                    .field("quantity", o.quantity())
                    .field("unit", o.unit()));
  }

  @Override
  public String legacyContent() {
    return legacy.get();
  }
}
