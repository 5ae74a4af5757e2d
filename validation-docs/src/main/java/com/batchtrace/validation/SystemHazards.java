package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hazards of the system as a whole (RA.md, "System hazards"), beside those of single
 * requirements: each with its source, severity, probability and detectability before controls, the
 * controls and the requirements that carry them, the residual risk after them, its acceptance and
 * who approved it. Every source of {@link #SOURCES} must have at least one hazard.
 */
record SystemHazards(List<SystemHazards.Hazard> hazards) {

  /** The sources of system hazards the assessment must cover. */
  static final List<String> SOURCES =
      List.of(
          "data in transit",
          "time",
          "identity administration",
          "backup",
          "infrastructure",
          "interfaces");

  static final String HEADING = "## System hazards";

  private static final Pattern ID = Pattern.compile("SYS-\\d{2}");

  /** One system hazard as written, with its line. */
  record Hazard(
      String id,
      String hazard,
      String source,
      String severity,
      String probability,
      String detectability,
      String controls,
      List<String> requirements,
      String residual,
      String acceptance,
      String approver,
      int line) {}

  SystemHazards {
    hazards = List.copyOf(hazards);
  }

  /** The table under {@value #HEADING} among the lines after the requirement table. */
  static SystemHazards parse(List<String> lines, int firstLine) {
    List<Hazard> hazards = new ArrayList<>();
    boolean inSection = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("## ")) {
        inSection = line.equals(HEADING);
        continue;
      }
      if (!inSection || !line.startsWith("| SYS-")) {
        continue;
      }
      List<String> c = new ArrayList<>(RiskAssessment.cells(line));
      while (c.size() < 11) {
        c.add("");
      }
      List<String> requirements =
          c.get(7).isBlank() ? List.of() : List.of(c.get(7).split("\\s*,\\s*"));
      hazards.add(
          new Hazard(
              c.get(0),
              c.get(1),
              c.get(2),
              c.get(3),
              c.get(4),
              c.get(5),
              c.get(6),
              requirements,
              c.get(8),
              c.get(9),
              c.get(10),
              firstLine + i));
    }
    return new SystemHazards(hazards);
  }

  /** What is wrong, one line each naming the hazard's line; empty when the section is complete. */
  List<String> problems(Set<String> requirementIds, String file) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (Hazard h : hazards) {
      String where = file + ":" + h.line() + " (" + h.id() + ")";
      if (!ID.matcher(h.id()).matches() || !ids.add(h.id())) {
        problems.add(where + ": the id must be SYS-nn and unique");
      }
      if (!SOURCES.contains(h.source())) {
        problems.add(where + ": source must be one of " + SOURCES);
      }
      sources.add(h.source());
      for (String level : List.of(h.severity(), h.probability(), h.detectability(), h.residual())) {
        if (RiskLevel.parse(level).isEmpty()) {
          problems.add(where + ": '" + level + "' is not High, Medium or Low");
        }
      }
      for (String id : h.requirements()) {
        if (!requirementIds.contains(id)) {
          problems.add(where + ": " + id + " is not a requirement of URS.md");
        }
      }
      if (h.controls().isBlank() || h.acceptance().isBlank() || h.approver().isBlank()) {
        problems.add(where + ": needs its controls, acceptance and approver");
      }
    }
    for (String source : SOURCES) {
      if (!sources.contains(source)) {
        problems.add(file + ": no system hazard from " + source + " (" + HEADING + ")");
      }
    }
    return problems;
  }

  /** The priority before controls, computed as for requirement hazards; empty if a level is bad. */
  static Optional<RiskLevel> priorityBeforeControls(Hazard h) {
    Optional<RiskLevel> severity = RiskLevel.parse(h.severity());
    Optional<RiskLevel> probability = RiskLevel.parse(h.probability());
    Optional<RiskLevel> detectability = RiskLevel.parse(h.detectability());
    if (severity.isEmpty() || probability.isEmpty() || detectability.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        RiskLevel.priority(
            RiskLevel.riskClass(severity.get(), probability.get()), detectability.get()));
  }

  /** The section's table with the computed priority before controls after the detectability. */
  static String withPriorities(String raText, SystemHazards parsed) {
    List<String> out = new ArrayList<>();
    boolean inSection = false;
    for (String line : raText.split("\n", -1)) {
      String s = line.strip();
      if (s.startsWith("## ")) {
        inSection = s.equals(HEADING);
      }
      if (inSection && s.startsWith("| Id |")) {
        List<String> c = RiskAssessment.cells(s);
        List<String> header = new ArrayList<>(c.subList(0, 6));
        header.add("Risk priority before controls (computed)");
        header.addAll(c.subList(6, c.size()));
        out.add("| " + String.join(" | ", header) + " |");
        continue;
      }
      if (inSection
          && s.startsWith("| ---")
          && !out.isEmpty()
          && out.get(out.size() - 1).contains("(computed)")) {
        out.add(s + " --- |");
        continue;
      }
      if (inSection && s.startsWith("| SYS-")) {
        List<String> c = RiskAssessment.cells(s);
        Hazard h =
            parsed.hazards().stream().filter(x -> x.id().equals(c.get(0))).findFirst().orElse(null);
        List<String> row = new ArrayList<>(c.subList(0, Math.min(6, c.size())));
        row.add(h == null ? "?" : priorityBeforeControls(h).map(RiskLevel::label).orElse("?"));
        if (c.size() > 6) {
          row.addAll(c.subList(6, c.size()));
        }
        out.add("| " + String.join(" | ", row) + " |");
        continue;
      }
      out.add(line);
    }
    return String.join("\n", out);
  }
}
