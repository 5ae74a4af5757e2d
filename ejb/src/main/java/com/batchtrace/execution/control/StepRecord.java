package com.batchtrace.execution.control;

import com.batchtrace.compliance.signature.boundary.SignedRecord;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.boundary.BatchService.Charge;
import com.batchtrace.platform.Quantities;
import java.util.List;

/**
 * What the "performed" and "verified" signatures on a step are linked to: the step, the values
 * entered (corrected ones too) and the lots charged into it. Who signed and the step's status are
 * not part of it: they change by the signing itself. Nothing here may change once the step is
 * signed, so a later change shows the signatures as INVALID.
 */
public record StepRecord(StepExecution execution, List<StepEntry> entries, List<Charge> charges)
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
  public String canonicalContent() {
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
    for (Charge c : charges) {
      content
          .append("\ncharge ")
          .append(c.lotNumber())
          .append(' ')
          .append(c.materialCode())
          .append('=')
          .append(Quantities.plain(c.quantity()))
          .append(' ')
          .append(c.unit())
          .append(" at=")
          .append(c.chargedAt());
    }
    return content.toString();
  }
}
