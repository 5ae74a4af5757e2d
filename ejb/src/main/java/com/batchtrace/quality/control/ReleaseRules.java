package com.batchtrace.quality.control;

import com.batchtrace.execution.boundary.BatchRecord;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.ReleaseBlocker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When QA may release or reject a batch, as plain rules over the batch's record: nobody decides on
 * a batch they took part in; a release needs every step done, every exception dispositioned (an
 * open deviation named first) and no INVALID signature in the record.
 */
public final class ReleaseRules {

  private ReleaseRules() {}

  /**
   * Refuses a reviewer who took part in the batch in any way (started, performed, verified,
   * entered).
   */
  public static void requireNotParticipant(BatchRecord record, String reviewerId, boolean release) {
    if (!record.participants().contains(reviewerId)) {
      return;
    }
    String what = "took part in";
    for (BatchRecord.Step step : record.steps()) {
      if (step.involvesAsSigner(reviewerId)) {
        what =
            (reviewerId.equals(step.performedBy()) ? "performed" : "verified")
                + " step "
                + step.position()
                + " ("
                + step.name()
                + ") of";
        break;
      }
    }
    throw new RuleViolation(
        "You "
            + what
            + " batch "
            + record.batchNumber()
            + ": someone who took no part in it must "
            + (release ? "release" : "reject")
            + " it. Nothing was signed.");
  }

  /** Refuses a release while a step is not done or an exception is open. */
  public static void requireReleasable(BatchRecord record, Set<Long> dispositioned) {
    for (BatchRecord.Step step : record.steps()) {
      if (!step.done()) {
        throw new RuleViolation(
            "Step "
                + step.position()
                + " ("
                + step.name()
                + ") of batch "
                + record.batchNumber()
                + " is not finished ("
                + step.status().toLowerCase().replace('_', ' ')
                + "): it cannot be released. Nothing was signed.");
      }
    }
    List<BatchRecord.RecordedException> open =
        record.exceptions().stream().filter(x -> !dispositioned.contains(x.id())).toList();
    Optional<BatchRecord.RecordedException> deviation =
        open.stream().filter(BatchRecord.RecordedException::isDeviation).findFirst();
    if (deviation.isPresent()) {
      throw new RuleViolation(
          "A deviation on step "
              + deviation.get().stepPosition()
              + " is open ('"
              + deviation.get().detail()
              + "'): close it with a disposition before release. Nothing was signed.");
    }
    if (!open.isEmpty()) {
      throw new RuleViolation(
          open.size()
              + (open.size() == 1 ? " exception is" : " exceptions are")
              + " not dispositioned (first: "
              + open.get(0).kind().toLowerCase().replace('_', ' ')
              + " on step "
              + open.get(0).stepPosition()
              + "): disposition every exception before release. Nothing was signed.");
    }
  }

  /**
   * Everything that stops {@code reviewerId} from releasing the batch now, all of it at once (the
   * require methods refuse at the first): their own part in the batch, each unfinished step, each
   * open deviation and exception, each step signature that no longer matches. Empty exactly when
   * {@link #requireNotParticipant}, {@link #requireReleasable} and {@link
   * #requireValidStepSignatures} let a release pass (ReleaseRulesTest holds them to it).
   */
  public static List<ReleaseBlocker> blockers(
      BatchRecord record, Set<Long> dispositioned, String reviewerId) {
    List<ReleaseBlocker> blockers = new ArrayList<>();
    if (record.participants().contains(reviewerId)) {
      String what = "took part in";
      for (BatchRecord.Step step : record.steps()) {
        if (step.involvesAsSigner(reviewerId)) {
          what =
              (reviewerId.equals(step.performedBy()) ? "performed" : "verified")
                  + " step "
                  + step.position()
                  + " ("
                  + step.name()
                  + ") of";
          break;
        }
      }
      blockers.add(
          new ReleaseBlocker(
              "You "
                  + what
                  + " batch "
                  + record.batchNumber()
                  + ": someone who took no part in it must release it.",
              "record-title"));
    }
    for (BatchRecord.Step step : record.steps()) {
      if (!step.done()) {
        blockers.add(
            new ReleaseBlocker(
                "Step "
                    + step.position()
                    + " ("
                    + step.name()
                    + ") is not finished: "
                    + step.status().toLowerCase().replace('_', ' ')
                    + ".",
                "step-" + step.position()));
      }
    }
    for (BatchRecord.RecordedException x : record.exceptions()) {
      if (!dispositioned.contains(x.id())) {
        String kind = x.kind().charAt(0) + x.kind().substring(1).toLowerCase().replace('_', ' ');
        blockers.add(
            new ReleaseBlocker(
                kind.replace("Cpp ", "CPP ")
                    + (x.stepPosition() == null ? "" : " on step " + x.stepPosition())
                    + (x.isDeviation() ? " is open" : " is not dispositioned")
                    + (x.detail() == null || x.detail().isBlank() ? "." : ": " + x.detail()),
                "exception-" + x.id()));
      }
    }
    for (BatchRecord.Step step : record.steps()) {
      for (BatchRecord.Signature s : step.signatures()) {
        if (!s.valid()) {
          blockers.add(
              new ReleaseBlocker(
                  "Invalid signature: "
                      + s.meaning().toLowerCase()
                      + " by "
                      + s.signerName()
                      + " on step "
                      + step.position()
                      + " no longer matches the step's content.",
                  "step-" + step.position()));
        }
      }
    }
    return blockers;
  }

  /** Refuses a decision while a step signature of the record is INVALID. */
  public static void requireValidStepSignatures(BatchRecord record) {
    for (BatchRecord.Step step : record.steps()) {
      for (BatchRecord.Signature s : step.signatures()) {
        if (!s.valid()) {
          throw new RuleViolation(
              "The record shows an INVALID signature: "
                  + s.meaning().toLowerCase()
                  + " by "
                  + s.signerName()
                  + " on step "
                  + step.position()
                  + " no longer matches the step's content. Nothing was signed.");
        }
      }
    }
  }
}
