package com.batchtrace.execution.control;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.platform.Quantities;
import java.util.List;

/**
 * What the "performed" and "verified" signatures on a step are linked to: the step, the values
 * entered (corrected ones too) and the lots charged into it, from the entities. Who signed and the
 * step's status are not part of it: they change by the signing itself. Nothing here may change once
 * the step is signed, so a later change shows the signatures as INVALID.
 */
public record StepRecord(
    StepExecution execution, List<StepEntry> entries, List<LotConsumption> charges)
    implements SignedRecord {

  public static final String TYPE = "StepExecution";

  @Override
  public String recordType() {
    return TYPE;
  }

  @Override
  public String recordId() {
    return String.valueOf(execution.getId());
  }

  @Override
  public SignedContent content() {
    return SignedContent.of(TYPE)
        .field("batch", execution.getBatch().getBatchNumber())
        .field("step", execution.getStepPosition())
        .field("name", execution.step().getName())
        .field("startedAt", execution.getStartedAt())
        .field("startedBy", execution.getStartedBy())
        .list(
            "entries",
            entries,
            (e, c) ->
                c.field("id", e.getId())
                    .field("parameter", e.getParameter())
                    .field("value", e.getValue())
                    .field("unit", e.getUnit())
                    .field("takenAt", e.getTakenAt())
                    .field("enteredAt", e.getEnteredAt())
                    .field("enteredBy", e.getEnteredBy())
                    .field("withinLimits", e.isWithinLimits())
                    .field("late", e.isLate())
                    .field("comment", e.getComment())
                    .field(
                        "correctionOf",
                        e.getCorrectionOf() == null ? null : e.getCorrectionOf().getId())
                    .field("correctionReason", e.getCorrectionReason())
                    .field("supersededAt", e.getSupersededAt()))
        .list(
            "charges",
            charges,
            (l, c) ->
                c.field("lot", l.getLot().getLotNumber())
                    .field("material", l.getLot().getMaterial().getCode())
                    .field("quantity", l.getQuantity())
                    .field("unit", l.getLot().getMaterial().getUnit())
                    .field("chargedAt", l.getConsumedAt()));
  }

  /** Format 1: plain text lines, as signatures made before format 2 were linked to. */
  @Override
  public String legacyContent() {
    StringBuilder content =
        new StringBuilder()
            .append("batch=")
            .append(execution.getBatch().getBatchNumber())
            .append("\nstep=")
            .append(execution.getStepPosition())
            .append(' ')
            .append(execution.step().getName())
            .append("\nstarted=")
            .append(execution.getStartedAt())
            .append(" by ")
            .append(execution.getStartedBy());
    for (StepEntry e : entries) {
      content
          .append("\nentry ")
          .append(e.getId())
          .append(' ')
          .append(e.getParameter())
          .append('=')
          .append(Quantities.plain(e.getValue()))
          .append(' ')
          .append(e.getUnit())
          .append(" taken=")
          .append(e.getTakenAt())
          .append(" entered=")
          .append(e.getEnteredAt())
          .append(" by ")
          .append(e.getEnteredBy())
          .append(" within=")
          .append(e.isWithinLimits())
          .append(" late=")
          .append(e.isLate())
          .append(" comment=")
          .append(e.getComment())
          .append(" correctionOf=")
          .append(e.getCorrectionOf() == null ? null : e.getCorrectionOf().getId())
          .append(" reason=")
          .append(e.getCorrectionReason())
          .append(" superseded=")
          .append(e.getSupersededAt());
    }
    for (LotConsumption c : charges) {
      content
          .append("\ncharge ")
          .append(c.getLot().getLotNumber())
          .append(' ')
          .append(c.getLot().getMaterial().getCode())
          .append('=')
          .append(Quantities.plain(c.getQuantity()))
          .append(' ')
          .append(c.getLot().getMaterial().getUnit())
          .append(" at=")
          .append(c.getConsumedAt());
    }
    return content.toString();
  }
}
