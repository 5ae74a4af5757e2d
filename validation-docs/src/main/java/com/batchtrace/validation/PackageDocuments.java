package com.batchtrace.validation;

import com.batchtrace.validation.TraceabilityMatrix.Evidence;
import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the generated parts of the validation documents into their Markdown sources.
 *
 * <p>The sources in {@code src/docs} hold what people write and review (hazards, controls, steps,
 * acceptance criteria); where a document needs results, it has a marker line {@code <!-- generated:
 * NAME -->} that is replaced here. The risk table of RA.md is rewritten whole: the risk class and
 * priority are computed, and the tests with their results come from the matrix. Nothing a test run
 * decides is ever typed.
 */
final class PackageDocuments {

  /** The class of the automated end-to-end scenario that executes the PQ. */
  static final String PQ_TEST_CLASS = "EndToEndScenarioBrowserIT";

  private static final Pattern MARKER = Pattern.compile("<!--\\s*generated:\\s*([a-z-]+)\\s*-->");

  private PackageDocuments() {}

  /**
   * Replaces each marker of the text by its generated Markdown.
   *
   * @throws IllegalArgumentException if the text has a marker that is not offered, or lacks one
   *     that is required
   */
  static String fill(String text, String source, Map<String, String> generated) {
    var matcher = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    List<String> seen = new ArrayList<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement = generated.get(name);
      if (replacement == null) {
        throw new IllegalArgumentException(
            source + ": unknown marker '" + matcher.group() + "'; known: " + generated.keySet());
      }
      seen.add(name);
      matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    for (String name : generated.keySet()) {
      if (!seen.contains(name)) {
        throw new IllegalArgumentException(
            source + ": the marker '<!-- generated: " + name + " -->' is missing");
      }
    }
    return out.toString();
  }

  /** RA.md with its table rewritten: computed risk class and priority, tests and status. */
  static String riskAssessment(RiskAssessment risks, TraceabilityMatrix matrix) {
    Map<String, Row> rows = byId(matrix);
    List<String> lines = new ArrayList<>(risks.before());
    lines.add(
        "| Requirement | Hazard | Severity | Probability | Detectability | Risk class |"
            + " Risk priority | Controls | Tests (last run) | Status |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (RiskAssessment.Hazard hazard : risks.hazards()) {
      Row row = rows.get(hazard.requirementId());
      String tests = row == null ? "none" : testsByClass(row.evidence());
      String status = row == null ? "unknown requirement" : statusText(row.status());
      lines.add(
          "| "
              + String.join(
                  " | ",
                  hazard.requirementId(),
                  hazard.hazard(),
                  hazard.severity().label(),
                  hazard.probability().label(),
                  hazard.detectability().label(),
                  String.valueOf(hazard.riskClass()),
                  hazard.priority().label(),
                  hazard.controls(),
                  tests,
                  status)
              + " |");
    }
    lines.addAll(risks.after());
    return String.join("\n", lines);
  }

  /** The OQ results: per requirement its tests with their outcome, and the open requirements. */
  static String oqResults(TraceabilityMatrix matrix) {
    StringBuilder out = new StringBuilder();
    out.append(matrixSummary(matrix)).append("\n\n");
    out.append(matrix.build().sentence()).append("\n\n");
    out.append("### Open requirements\n\n");
    List<Row> open =
        matrix.rows().stream().filter(row -> row.status() != RequirementStatus.VERIFIED).toList();
    if (open.isEmpty()) {
      out.append("None: every requirement has tests and all of them passed in the last run.\n\n");
    } else {
      out.append(
          "These requirements are not verified by the last run; each is open until its tests"
              + " exist and pass.\n\n");
      out.append(
          "| Requirement | Title | Risk | Status | Tests |\n| --- | --- | --- | --- | --- |\n");
      for (Row row : open) {
        out.append("| ")
            .append(
                String.join(
                    " | ",
                    row.requirement().id(),
                    cell(row.requirement().title()),
                    row.requirement().risk(),
                    statusText(row.status()),
                    row.evidence().isEmpty() ? "none" : testsByClass(row.evidence())))
            .append(" |\n");
      }
      out.append("\n");
    }
    out.append("### Results by requirement\n");
    for (Row row : matrix.rows()) {
      Requirement requirement = row.requirement();
      out.append("\n#### ")
          .append(requirement.id())
          .append(" ")
          .append(requirement.title())
          .append("\n\n");
      out.append("Risk: ")
          .append(requirement.risk())
          .append(". Status: ")
          .append(statusText(row.status()))
          .append(".\n\n");
      if (row.evidence().isEmpty()) {
        out.append("No test names this requirement: it is open.\n");
        continue;
      }
      out.append("| Module | Test class | Test | Result |\n| --- | --- | --- | --- |\n");
      for (Evidence evidence : row.evidence()) {
        TestMethod test = evidence.test();
        out.append("| ")
            .append(
                String.join(
                    " | ",
                    test.module(),
                    cell(test.className()),
                    cell(test.methodName()),
                    outcomeText(evidence.outcome())))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /**
   * The PQ execution record: the outcome of every test of {@value #PQ_TEST_CLASS} in the last run,
   * or, honestly, that the scenario has no test yet or did not run.
   *
   * @param sources where the class's source files are, relative to the root; empty if none
   * @param outcomes the reported outcomes of the class by test
   */
  static String pqExecution(List<String> sources, SortedMap<String, TestOutcome> outcomes) {
    StringBuilder out = new StringBuilder();
    if (sources.isEmpty() && outcomes.isEmpty()) {
      return out.append("**Result: OPEN – not yet executed.** No test class `")
          .append(PQ_TEST_CLASS)
          .append(
              "` exists in the repository yet, so the scenario above has not been run. The PQ"
                  + " stays open until that test exists and passes in the run this package is"
                  + " built from.\n")
          .toString();
    }
    if (outcomes.isEmpty()) {
      return out.append("**Result: OPEN – not run.** The test class exists (")
          .append(sources.stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
          .append(") but the last run has no result for it.\n")
          .toString();
    }
    boolean failed = outcomes.containsValue(TestOutcome.FAILED);
    boolean allPassed = outcomes.values().stream().allMatch(o -> o == TestOutcome.PASSED);
    String result =
        failed
            ? "**Result: FAILED.** A step of the scenario failed in the last run."
            : allPassed
                ? "**Result: PASSED.** Every test of the scenario passed in the last run."
                : "**Result: OPEN – incomplete.** Part of the scenario was skipped in the last run.";
    out.append(result).append("\n\n| Test of ").append(PQ_TEST_CLASS).append(" | Result |\n");
    out.append("| --- | --- |\n");
    outcomes.forEach(
        (name, outcome) ->
            out.append("| ")
                .append(cell(name))
                .append(" | ")
                .append(outcomeText(outcome))
                .append(" |\n"));
    return out.toString();
  }

  /**
   * The URS with each requirement's risk line as the RA computes it (the highest priority of its
   * hazards), so the package's URS and RA cannot disagree.
   */
  static String ursWithComputedRisks(String urs, RiskAssessment risks) {
    StringBuilder out = new StringBuilder();
    String current = null;
    for (String line : urs.split("\n", -1)) {
      java.util.regex.Matcher heading =
          java.util.regex.Pattern.compile("^### (URS-\\d{3}) .*").matcher(line);
      if (heading.matches()) {
        current = heading.group(1);
      }
      if (current != null && line.startsWith("- **Risk:**")) {
        String id = current;
        line =
            risks
                .priorityOf(id)
                .map(p -> "- **Risk:** " + p.label() + " (computed in the RA from its hazards)")
                .orElse(line + " (NO hazard in the RA)");
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** One paragraph: how many requirements stand where. */
  static String matrixSummary(TraceabilityMatrix matrix) {
    return "Last run: "
        + matrix.rows().size()
        + " requirements, "
        + matrix.count(RequirementStatus.VERIFIED)
        + " verified, "
        + matrix.count(RequirementStatus.FAILED)
        + " failed, "
        + matrix.count(RequirementStatus.NOT_RUN)
        + " not run, "
        + matrix.count(RequirementStatus.NOT_COVERED)
        + " not covered ("
        + matrix.taggedTests()
        + " tagged test methods, "
        + matrix.reportFiles()
        + " JUnit report files).";
  }

  /** "ear: SignInIT 4 passed; ejb: LotTest 2 passed, 1 not run", one class a line. */
  static String testsByClass(List<Evidence> evidence) {
    Map<String, List<Evidence>> byClass =
        evidence.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.test().module() + ": " + simpleName(e.test().className()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<String> lines = new ArrayList<>();
    byClass.forEach(
        (name, tests) -> {
          Map<TestOutcome, Long> counts =
              tests.stream()
                  .collect(
                      Collectors.groupingBy(
                          Evidence::outcome,
                          () -> new java.util.EnumMap<>(TestOutcome.class),
                          Collectors.counting()));
          lines.add(
              cell(name)
                  + " "
                  + counts.entrySet().stream()
                      .map(c -> c.getValue() + " " + c.getKey().label())
                      .collect(Collectors.joining(", ")));
        });
    return String.join("<br>", lines);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String statusText(RequirementStatus status) {
    return status == RequirementStatus.VERIFIED ? status.label() : "**" + status.label() + "**";
  }

  private static String outcomeText(TestOutcome outcome) {
    return outcome == TestOutcome.PASSED ? outcome.label() : "**" + outcome.label() + "**";
  }

  private static Map<String, Row> byId(TraceabilityMatrix matrix) {
    return matrix.rows().stream()
        .collect(
            Collectors.toMap(
                row -> row.requirement().id(),
                Function.identity(),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  /** Text that is safe in a Markdown table cell. */
  static String cell(String text) {
    return MarkdownMatrix.escape(text);
  }
}
