package com.batchtrace.validation;

import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The validation summary report, generated with the package: which build it validates, the outcome
 * of every part of the plan, every deviation found, the open risks, and a conclusion that follows
 * from them (never typed): the build meets the plan only with no deviation at all.
 */
final class SummaryReport {

  private SummaryReport() {}

  /**
   * @param problems what URS, FS, RA and the clause map lack
   * @param clauses the clause map's entries
   * @param iqRecord the newest IQ record's text, if any
   * @param pq the PQ scenario's outcomes by test
   * @param openRisks the lines of RA.md's "Open risks" section
   * @param sops how many SOP templates the package holds
   */
  static String render(
      String version,
      TraceabilityMatrix matrix,
      List<String> problems,
      List<ClauseMap.Entry> clauses,
      Optional<String> iqRecord,
      SortedMap<String, TestOutcome> pq,
      List<String> openRisks,
      int sops) {
    List<String> deviations = new ArrayList<>();
    problems.forEach(p -> deviations.add("Specification: " + p));
    if (matrix.build().stale()) {
      deviations.add(
          "OQ: "
              + matrix.build().staleReports().size()
              + " test reports are older than their module's build (stale); their results are not"
              + " evidence for this build");
    }
    for (Row row : matrix.rows()) {
      if (row.status() != RequirementStatus.VERIFIED) {
        deviations.add(
            "OQ: "
                + row.requirement().id()
                + " "
                + row.requirement().title()
                + " is "
                + row.status().label());
      }
    }
    String iqResult;
    if (iqRecord.isEmpty()) {
      iqResult = "no IQ record in this package";
      deviations.add("IQ: not executed against an installation of this build");
    } else {
      String record = iqRecord.get();
      boolean passed = record.contains("**Result: PASSED**");
      boolean signed = record.contains("**Signed electronically");
      iqResult =
          (passed ? "passed" : "FAILED")
              + (signed ? ", signed electronically" : ", NOT SIGNED")
              + (record.contains("demo installation") ? ", on a demo installation" : "");
      record
          .lines()
          .filter(l -> l.endsWith("| **FAIL** |"))
          .forEach(l -> deviations.add("IQ: " + l.replace("| **FAIL** |", "").strip()));
      if (!signed) {
        deviations.add("IQ: the record is not signed by the executing QA person");
      }
      String ear = matrix.build().earSha256();
      if (ear != null && !record.contains(ear)) {
        deviations.add("IQ: the newest record is of another EAR than this build's");
      }
    }
    boolean pqPassed = !pq.isEmpty() && pq.values().stream().allMatch(o -> o == TestOutcome.PASSED);
    if (!pqPassed) {
      deviations.add("PQ: the scenario did not pass in the last run of this build");
    }
    long covered = clauses.stream().filter(c -> c.status().equals("covered")).count();
    long procedural = clauses.stream().filter(c -> c.status().equals("procedural")).count();
    long notApplicable = clauses.stream().filter(c -> c.status().equals("not applicable")).count();

    StringBuilder out = new StringBuilder("# Batchtrace – Validation Summary Report\n\n");
    out.append("Batchtrace ").append(version).append(". ").append(matrix.build().sentence());
    out.append("\n\n## Results\n\n| Part of the plan | Result |\n| --- | --- |\n");
    row(out, "URS, FS, RA", problems.isEmpty() ? "complete" : problems.size() + " gaps");
    row(
        out,
        "Clause map",
        clauses.size()
            + " clauses: "
            + covered
            + " covered, "
            + procedural
            + " procedural, "
            + notApplicable
            + " not applicable");
    row(out, "IQ", iqResult);
    row(out, "OQ", PackageDocuments.matrixSummary(matrix));
    row(
        out,
        "PQ",
        pq.isEmpty()
            ? "not executed"
            : (pqPassed ? "passed" : "NOT passed") + " (" + pq.size() + " test(s))");
    row(out, "Procedures", sops + " SOP templates");
    out.append("\n## Deviations\n\n");
    if (deviations.isEmpty()) {
      out.append("None.\n");
    } else {
      out.append(
          "Each is assessed and accepted, or corrected, by QA under SOP-05 before the system is"
              + " used for GMP work.\n\n");
      deviations.forEach(d -> out.append("- ").append(PackageDocuments.cell(d)).append('\n'));
    }
    out.append("\n## Open risks\n\n");
    List<String> risks = openRisks.stream().filter(l -> !l.isBlank()).toList();
    out.append(risks.isEmpty() ? "None listed in the RA." : String.join("\n", risks)).append('\n');
    out.append("\n## Conclusion\n\n");
    out.append(
        deviations.isEmpty()
            ? "This build meets every acceptance criterion of the validation plan.\n"
            : "This build does **not** meet the acceptance criteria of the validation plan: "
                + deviations.size()
                + " deviation(s) above must be corrected or accepted by QA.\n");
    out.append(
        "\n## Approval\n\n| Role | Name | Signature | Date |\n| --- | --- | --- | --- |\n"
            + "| System owner | | | |\n| QA | | | |\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String part, String result) {
    out.append("| ")
        .append(part)
        .append(" | ")
        .append(PackageDocuments.cell(result))
        .append(" |\n");
  }

  /** The lines of the "## Open risks" section of RA.md. */
  static List<String> openRisks(RiskAssessment risks) {
    List<String> lines = new ArrayList<>();
    boolean open = false;
    for (String line : risks.after()) {
      if (line.startsWith("## ")) {
        open = line.strip().equals("## Open risks");
      } else if (open) {
        lines.add(line);
      }
    }
    return lines;
  }
}
