package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The risk assessment as written in RA.md: one table whose header starts with "Requirement" and has
 * the columns Requirement, Hazard, Severity, Probability, Detectability and Controls, one row per
 * hazard (a requirement may have several). The text around the table is kept as it is.
 *
 * <p>The risk class and priority are not written by hand: they follow from severity, probability
 * and detectability ({@link RiskLevel}). Nor are the tests: the build adds them from the
 * traceability matrix ({@link PackageDocuments}).
 *
 * @param before the lines before the table
 * @param hazards the rows, in document order
 * @param after the lines after the table
 */
record RiskAssessment(List<String> before, List<Hazard> hazards, List<String> after) {

  static final List<String> COLUMNS =
      List.of("Requirement", "Hazard", "Severity", "Probability", "Detectability", "Controls");

  /**
   * One row: what could go wrong for a requirement, how bad, how likely, how visible, and why not.
   */
  record Hazard(
      String requirementId,
      String hazard,
      RiskLevel severity,
      RiskLevel probability,
      RiskLevel detectability,
      String controls,
      int line) {

    Hazard {
      Objects.requireNonNull(requirementId, "requirementId");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(probability, "probability");
      Objects.requireNonNull(detectability, "detectability");
    }

    int riskClass() {
      return RiskLevel.riskClass(severity, probability);
    }

    RiskLevel priority() {
      return RiskLevel.priority(riskClass(), detectability);
    }
  }

  RiskAssessment {
    before = List.copyOf(before);
    hazards = List.copyOf(hazards);
    after = List.copyOf(after);
  }

  /**
   * The risk priority of a requirement: the highest of its hazards' computed priorities; empty when
   * it has no row.
   */
  java.util.Optional<RiskLevel> priorityOf(String requirementId) {
    return hazards.stream()
        .filter(h -> h.requirementId().equals(requirementId))
        .map(Hazard::priority)
        .min(java.util.Comparator.naturalOrder());
  }

  /** The requirement ids that have at least one row, in document order. */
  Set<String> requirementIds() {
    Set<String> ids = new LinkedHashSet<>();
    hazards.forEach(hazard -> ids.add(hazard.requirementId()));
    return ids;
  }

  /**
   * Reads the risk table of RA.md.
   *
   * @throws IllegalArgumentException naming every line that breaks the format
   */
  static RiskAssessment parse(String text, String source) {
    List<String> lines = Arrays.asList(text.split("\\R", -1));
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      List<String> cells = cells(lines.get(i));
      if (!cells.isEmpty() && cells.get(0).equalsIgnoreCase("Requirement")) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      throw new IllegalArgumentException(
          source
              + ": no risk table found (a table whose header reads | "
              + String.join(" | ", COLUMNS)
              + " |)");
    }
    List<String> errors = new ArrayList<>();
    List<String> headerCells =
        cells(lines.get(header)).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    if (!headerCells.equals(COLUMNS.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())) {
      errors.add(
          source
              + ":"
              + (header + 1)
              + ": the risk table's columns must be | "
              + String.join(" | ", COLUMNS)
              + " |, found: "
              + lines.get(header));
    }
    int end = header + 2;
    List<Hazard> hazards = new ArrayList<>();
    while (end < lines.size() && lines.get(end).strip().startsWith("|")) {
      int lineNumber = end + 1;
      List<String> cells = cells(lines.get(end));
      end++;
      if (cells.size() != COLUMNS.size()) {
        errors.add(
            source
                + ":"
                + lineNumber
                + ": a risk row has "
                + COLUMNS.size()
                + " cells, found "
                + cells.size());
        continue;
      }
      String id = cells.get(0);
      if (!Requirement.ID.matcher(id).matches()) {
        errors.add(source + ":" + lineNumber + ": not a requirement id (URS-nnn): " + id);
        continue;
      }
      RiskLevel[] levels = new RiskLevel[3];
      for (int c = 0; c < 3; c++) {
        String cell = cells.get(2 + c);
        int column = c;
        RiskLevel.parse(cell)
            .ifPresentOrElse(
                level -> levels[column] = level,
                () ->
                    errors.add(
                        source
                            + ":"
                            + lineNumber
                            + ": "
                            + COLUMNS.get(2 + column)
                            + " of "
                            + id
                            + " must be High, Medium or Low, found: "
                            + cell));
      }
      if (cells.get(1).isBlank() || cells.get(5).isBlank()) {
        errors.add(source + ":" + lineNumber + ": " + id + " needs a hazard and its controls");
      }
      if (levels[0] != null && levels[1] != null && levels[2] != null) {
        hazards.add(
            new Hazard(
                id, cells.get(1), levels[0], levels[1], levels[2], cells.get(5), lineNumber));
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join(System.lineSeparator(), errors));
    }
    return new RiskAssessment(lines.subList(0, header), hazards, lines.subList(end, lines.size()));
  }

  /** The cells of a Markdown table line, trimmed; none if the line is not a table row. */
  static List<String> cells(String line) {
    String row = line.strip();
    if (!row.startsWith("|")) {
      return List.of();
    }
    row = row.substring(1);
    if (row.endsWith("|") && !row.endsWith("\\|")) {
      row = row.substring(0, row.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append("\\|");
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
