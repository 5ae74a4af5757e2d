package com.batchtrace.web.admin;

import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.masterdata.boundary.RecordSpec;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two versions of a master batch record side by side, their yield limits and then step by step, as
 * QA reads a change: a step is matched by its operation and name (so a moved step shows as moved,
 * not as one removed and one added), and each matched pair says what changed. Steps of the older
 * version that the newer one no longer has come last, as removed.
 */
public final class RecordComparison {

  private RecordComparison() {}

  /**
   * One row of the comparison.
   *
   * @param before the step in the older version, in words (empty when added)
   * @param after the step in the newer version, in words (empty when removed)
   * @param change what changed, in words: "unchanged", "added", "removed", "moved from step 2",
   *     "changed", or "moved from step 2, changed"
   */
  public record Row(String before, String after, String change) implements Serializable {
    public boolean isUnchanged() {
      return change.equals("unchanged");
    }
  }

  /**
   * A newer version (its steps and yield limits) beside an older one: the yield limits first (they
   * are part of the approved content, like the steps), then the steps.
   */
  public static List<Row> of(
      MasterBatchRecordView older,
      List<RecordSpec.Step> newerSteps,
      BigDecimal newerYieldLow,
      BigDecimal newerYieldHigh) {
    String before = yieldLimits(older.yieldLowPercent(), older.yieldHighPercent());
    String after = yieldLimits(newerYieldLow, newerYieldHigh);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(before, after, before.equals(after) ? "unchanged" : "changed"));
    rows.addAll(of(older.steps(), newerSteps));
    return rows;
  }

  /** The yield limits in words: "Yield limits: 95 to 102 % of the planned quantity", or none. */
  static String yieldLimits(BigDecimal low, BigDecimal high) {
    return low == null || high == null
        ? "Yield limits: none"
        : "Yield limits: " + plain(low) + " to " + plain(high) + " % of the planned quantity";
  }

  public static List<Row> of(List<RecordSpec.Step> older, List<RecordSpec.Step> newer) {
    List<Row> rows = new ArrayList<>();
    boolean[] matched = new boolean[older.size()];
    for (int i = 0; i < newer.size(); i++) {
      RecordSpec.Step step = newer.get(i);
      int found = -1;
      for (int j = 0; j < older.size() && found < 0; j++) {
        if (!matched[j] && sameStep(older.get(j), step)) {
          found = j;
        }
      }
      if (found < 0) {
        rows.add(new Row("", describe(i + 1, step), "added"));
        continue;
      }
      matched[found] = true;
      RecordSpec.Step before = older.get(found);
      List<String> changes = new ArrayList<>();
      if (found != i) {
        changes.add("moved from step " + (found + 1));
      }
      if (!describe(0, before).equals(describe(0, step))) {
        changes.add("changed");
      }
      rows.add(
          new Row(
              describe(found + 1, before),
              describe(i + 1, step),
              changes.isEmpty() ? "unchanged" : String.join(", ", changes)));
    }
    for (int j = 0; j < older.size(); j++) {
      if (!matched[j]) {
        rows.add(new Row(describe(j + 1, older.get(j)), "", "removed"));
      }
    }
    return rows;
  }

  private static boolean sameStep(RecordSpec.Step a, RecordSpec.Step b) {
    return Objects.equals(a.operation(), b.operation()) && Objects.equals(a.name(), b.name());
  }

  /** A step in words, one line per part, as the editor lists it. */
  static String describe(int position, RecordSpec.Step s) {
    StringBuilder text = new StringBuilder();
    if (position > 0) {
      text.append("Step ").append(position).append(": ");
    }
    text.append(s.operation()).append(": ").append(s.name());
    if (s.requiresVerification()) {
      text.append(" (second-person verification)");
    }
    if (s.instructions() != null && !s.instructions().isBlank()) {
      text.append('\n').append(s.instructions().strip());
    }
    for (RecordSpec.StepMaterial m : s.materials()) {
      text.append("\nMaterial ")
          .append(m.material())
          .append(": ")
          .append(plain(m.quantity()))
          .append(" ± ")
          .append(plain(m.tolerancePercent()))
          .append(" %");
    }
    for (RecordSpec.Parameter p : s.parameters()) {
      text.append('\n')
          .append(p.critical() ? "CPP " : "")
          .append(p.name())
          .append(" [")
          .append(p.unit())
          .append("] ")
          .append(p.tag() == null || p.tag().isBlank() ? "manual entry" : "tag " + p.tag())
          .append(", limits ")
          .append(p.low() == null ? "–" : plain(p.low()))
          .append(" to ")
          .append(p.high() == null ? "–" : plain(p.high()));
    }
    return text.toString();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "–" : value.stripTrailingZeros().toPlainString();
  }
}
