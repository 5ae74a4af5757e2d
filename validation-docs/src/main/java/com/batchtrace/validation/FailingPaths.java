package com.batchtrace.validation;

import com.batchtrace.validation.TraceabilityMatrix.Evidence;
import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A requirement of high risk priority needs a test of its failure path, not only of its normal path
 * (RA.md, "Method"). A test counts as one when its method name says what goes wrong or is refused:
 * one of {@link #WORDS} among the words of its camel-case name. The build fails, naming them, when
 * a high-priority requirement has none.
 */
final class FailingPaths {

  /** The words that name a failure path in a test's name. */
  static final Set<String> WORDS =
      Set.of(
          "refuse",
          "refuses",
          "refused",
          "refusal",
          "reject",
          "rejects",
          "rejected",
          "fail",
          "fails",
          "failed",
          "failing",
          "failure",
          "invalid",
          "wrong",
          "deny",
          "denies",
          "denied",
          "cannot",
          "never",
          "not",
          "no",
          "none",
          "nothing",
          "without",
          "lock",
          "locks",
          "locked",
          "lockout",
          "tamper",
          "tampered",
          "broken",
          "breaks",
          "missing",
          "hostile",
          "malformed",
          "expired",
          "unreleased",
          "forbidden",
          "mismatch",
          "stale",
          "skewed",
          "dropped",
          "differs",
          "unauthenticated",
          "anonymous",
          "error",
          "errors",
          "bad",
          "blocked",
          "unchanged",
          "outside",
          "too",
          "lost",
          "duplicate",
          "twice",
          "rewritten",
          "altered",
          "edited",
          "garbage",
          "unknown",
          "unavailable",
          "down",
          "timeout",
          "overflow",
          "injection",
          "spoofed",
          "forged",
          "out");

  private static final java.util.regex.Pattern OPEN_GAP =
      java.util.regex.Pattern.compile("^- (URS-\\d{3}): no failure-path test\\b.*");

  private FailingPaths() {}

  /**
   * The requirements RA.md lists under "Open risks" as lacking a failure-path test ({@code -
   * URS-nnn: no failure-path test …}, with the reason): known, reviewed gaps, shown in the package.
   */
  static Set<String> acceptedOpen(RiskAssessment risks) {
    Set<String> ids = new java.util.TreeSet<>();
    boolean open = false;
    for (String line : risks.after()) {
      if (line.startsWith("## ")) {
        open = line.strip().equals("## Open risks");
      } else if (open) {
        java.util.regex.Matcher m = OPEN_GAP.matcher(line.strip());
        if (m.matches()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  /** Whether a test's name names a failure path. */
  static boolean namesFailurePath(String methodName) {
    for (String word : methodName.split("(?<=[a-z0-9])(?=[A-Z])|_|(?<=[A-Z])(?=[A-Z][a-z])")) {
      if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line for each requirement of high risk priority (its highest hazard's) without a test whose
   * name names a failure path; empty when every one has such a test.
   */
  static List<String> missing(TraceabilityMatrix matrix, RiskAssessment risks, String raFile) {
    Set<String> accepted = acceptedOpen(risks);
    Set<String> high =
        risks.hazards().stream()
            .filter(h -> h.priority() == RiskLevel.HIGH)
            .map(RiskAssessment.Hazard::requirementId)
            .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (Row row : matrix.rows()) {
      if (!high.contains(row.requirement().id()) || accepted.contains(row.requirement().id())) {
        continue;
      }
      boolean failurePath =
          row.evidence().stream()
              .map(Evidence::test)
              .anyMatch(test -> namesFailurePath(test.methodName()));
      if (!failurePath) {
        missing.add(
            row.requirement().id()
                + " ("
                + row.requirement().title()
                + ") is of high risk priority in "
                + raFile
                + " but no test of it names a failure path (a test method named for what is"
                + " refused or goes wrong), and it is not listed under \"Open risks\" there");
      }
    }
    return missing;
  }
}
