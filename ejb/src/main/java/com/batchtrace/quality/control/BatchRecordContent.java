package com.batchtrace.quality.control;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.Charge;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.platform.Quantities;
import com.batchtrace.quality.entity.ExceptionDisposition;
import java.util.List;
import java.util.Map;

/**
 * Format 1 of the release content, kept only so that release and rejection signatures made before
 * format 2 stay checkable: it was built from the pages' view records. New signatures use {@link
 * BatchReleaseContent}, built from the record itself.
 *
 * <p>What QA's release or rejection signature on a batch is linked to: the whole electronic batch
 * record (steps with their values, lots and signatures, the exceptions with QA's dispositions, the
 * produced lots). Not the batch's status or its lots' dispositions: the signing changes those. A
 * later change to anything here, or a step signature turning INVALID, shows the release INVALID.
 */
public record BatchRecordContent(
    long batchId,
    BatchRunView run,
    List<ExceptionView> exceptions,
    Map<Long, ExceptionDisposition> dispositions,
    List<LotView> outputs) {

  public String legacyContent() {
    StringBuilder c =
        new StringBuilder()
            .append("batch=")
            .append(run.batchNumber())
            .append(" product=")
            .append(run.productCode())
            .append(" record=")
            .append(run.masterBatchRecord())
            .append(" line=")
            .append(run.line())
            .append(" planned=")
            .append(run.plannedQuantity());
    for (StepRunView step : run.steps()) {
      c.append("\nstep ")
          .append(step.position())
          .append(' ')
          .append(step.name())
          .append(" status=")
          .append(step.status())
          .append(" performedBy=")
          .append(step.performedBy())
          .append(" verifiedBy=")
          .append(step.verifiedBy());
      for (EntryView e : step.entries()) {
        c.append("\n  entry ")
            .append(e.id())
            .append(' ')
            .append(e.parameter())
            .append('=')
            .append(e.value())
            .append(' ')
            .append(e.unit())
            .append(" superseded=")
            .append(e.supersededAt());
      }
      for (Charge charge : step.charges()) {
        c.append("\n  charge ")
            .append(charge.lotNumber())
            .append('=')
            .append(Quantities.plain(charge.quantity()));
      }
      for (SignatureView s : step.signatures()) {
        c.append("\n  signature ")
            .append(s.id())
            .append(' ')
            .append(s.meaning())
            .append(' ')
            .append(s.signerId())
            .append(' ')
            .append(s.contentSha256())
            .append(" valid=")
            .append(s.valid());
      }
    }
    for (ExceptionView x : exceptions) {
      ExceptionDisposition d = dispositions.get(x.id());
      c.append("\nexception ")
          .append(x.id())
          .append(' ')
          .append(x.kind())
          .append(" step=")
          .append(x.stepPosition())
          .append(' ')
          .append(x.detail())
          .append(" -> ")
          .append(d == null ? "open" : d.getDecision() + " " + d.getJustification());
      if (d != null && d.getDeviationReference() != null) {
        c.append(" deviation=").append(d.getDeviationReference());
      }
    }
    for (LotView lot : outputs) {
      c.append("\noutput ")
          .append(lot.lotNumber())
          .append('=')
          .append(Quantities.plain(lot.receivedQuantity()));
    }
    return c.toString();
  }
}
