package com.batchtrace.quality.control;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.Charge;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.platform.SiteZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a batch record reads on paper, the same in the review copy (BatchReport) and the archive copy
 * (ArchivePdf): signatures with their manifestation, values with their limits and corrections, lots
 * charged, exceptions.
 */
public final class RecordLines {

  private RecordLines() {}

  /**
   * The manifestation (21 CFR 11.50): meaning, printed name and id, date and time with the zone
   * offset, the comment, and whether the record still matches what was signed.
   */
  public static String manifestation(SignatureView s) {
    return s.meaningLabel()
        + " "
        + s.signerName()
        + " ("
        + s.signerId()
        + ") "
        + SiteZone.format(s.signedAt())
        + (s.reason() == null || s.reason().isBlank() ? "" : " \"" + s.reason() + "\"")
        + (s.valid() ? ", valid" : ", INVALID: the record changed after it was signed");
  }

  /** An exception in one line: kind, step, parameter, when, worst value, what, who raised it. */
  public static String exception(ExceptionView x) {
    return x.kind()
        + (x.stepPosition() == null ? "" : " on step " + x.stepPosition())
        + (x.parameter() == null ? "" : " (" + x.parameter() + ")")
        + ", "
        + SiteZone.format(x.startedAt())
        + (x.endedAt() == null ? "" : " to " + SiteZone.format(x.endedAt()))
        + (x.worstValue() == null ? "" : ", worst value " + x.worstValue())
        + ": "
        + x.detail()
        + (x.raisedBy() == null ? "" : " (raised by " + x.raisedBy() + ")");
  }

  /** A step's status line: its status and whether a second person must verify it. */
  public static String stepStatus(StepRunView step) {
    return "Status: "
        + step.status()
        + (step.requiresVerification() ? "; second-person verification required" : "");
  }

  /** Who started, performed and (where required) verified a step, and when. */
  public static String stepTimes(StepRunView step) {
    return "Started "
        + at(step.startedAt(), step.startedBy())
        + "; performed "
        + at(step.performedAt(), step.performedBy())
        + (step.requiresVerification()
            ? "; verified " + at(step.verifiedAt(), step.verifiedBy())
            : "");
  }

  public static String at(Instant time, String who) {
    return time == null ? "-" : SiteZone.format(time) + (who == null ? "" : " by " + who);
  }

  /** Columns: material needed, quantity, range, charged. */
  public static List<String> need(MaterialNeed m) {
    return List.of(
        m.materialCode() + " " + m.materialName(),
        m.quantity() + " " + m.unit() + " ± " + m.tolerancePercent() + " %",
        m.minimum() + " to " + m.maximum() + " " + m.unit(),
        m.charged() + " " + m.unit() + (m.satisfied() ? "" : " (outside the range)"));
  }

  /** Columns: lot charged, material, quantity, charged at. */
  public static List<String> charge(Charge c) {
    return List.of(
        c.lotNumber(),
        c.materialCode(),
        c.quantity() + " " + c.unit(),
        SiteZone.format(c.chargedAt()));
  }

  /** Columns: value entered, limits, taken / entered, by, correction (beside the original). */
  public static List<String> entry(EntryView e, Map<Long, EntryView> byId) {
    String correction;
    if (e.correctionOf() != null) {
      EntryView original = byId.get(e.correctionOf());
      correction =
          "corrects "
              + (original == null
                  ? "#" + e.correctionOf()
                  : original.value() + " " + unit(e.unit()))
              + ": "
              + e.correctionReason();
    } else {
      correction = e.current() ? "" : "corrected at " + SiteZone.format(e.supersededAt());
    }
    return List.of(
        e.parameter()
            + " = "
            + e.value()
            + " "
            + unit(e.unit())
            + (e.withinLimits() ? "" : " (outside the limits)")
            + (e.comment() == null || e.comment().isBlank() ? "" : " \"" + e.comment() + "\""),
        e.limits() == null ? "" : e.limits(),
        SiteZone.format(e.takenAt())
            + " / "
            + SiteZone.format(e.enteredAt())
            + (e.late() ? " (late entry)" : ""),
        e.enteredByName() + " (" + e.enteredBy() + ")",
        correction);
  }

  public static String limits(BigDecimal low, BigDecimal high, String unit) {
    if (low == null && high == null) {
      return "none";
    }
    return (low == null ? "" : low.toPlainString())
        + " to "
        + (high == null ? "" : high.toPlainString())
        + " "
        + unit(unit);
  }

  public static String unit(String unit) {
    return unit == null ? "" : unit;
  }
}
