package com.batchtrace.validation;

import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The map of the regulations' clauses (CLAUSES.md) to requirements, implementation and procedures:
 * every clause of 21 CFR Part 11 listed in {@link #REQUIRED} and every section of EU Annex 11 must
 * have exactly one entry, with a known status and what that status needs (requirements for
 * "covered", an SOP for "procedural", a reason for "not applicable"). The package version adds the
 * last run's status of each named requirement.
 */
final class ClauseMap {

  /** Every clause the map must answer, in the order of the regulations. */
  static final List<String> REQUIRED;

  static {
    List<String> clauses = new ArrayList<>();
    for (char c = 'a'; c <= 'k'; c++) {
      clauses.add("21 CFR 11.10(" + c + ")");
    }
    clauses.addAll(
        List.of("21 CFR 11.50", "21 CFR 11.70", "21 CFR 11.100", "21 CFR 11.200", "21 CFR 11.300"));
    for (int section = 1; section <= 17; section++) {
      clauses.add("EU Annex 11 §" + section);
    }
    REQUIRED = List.copyOf(clauses);
  }

  static final List<String> STATUSES = List.of("covered", "procedural", "not applicable");

  private static final Pattern SOP = Pattern.compile("SOP-\\d{2}");

  /** One entry of the map. */
  record Entry(
      String clause,
      String text,
      String status,
      List<String> requirements,
      String implementation,
      String procedure,
      int line) {}

  private ClauseMap() {}

  /** The entries of the map's table, in document order. */
  static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith("| 21 CFR") && !line.startsWith("| EU Annex")) {
        continue;
      }
      List<String> cells = new ArrayList<>(RiskAssessment.cells(line));
      while (cells.size() < 6) {
        cells.add("");
      }
      List<String> requirements =
          cells.get(3).isBlank()
              ? List.of()
              : List.of(cells.get(3).split("\\s*,\\s*")).stream().map(String::strip).toList();
      entries.add(
          new Entry(
              cells.get(0),
              cells.get(1),
              cells.get(2),
              requirements,
              cells.get(4),
              cells.get(5),
              i + 1));
    }
    return entries;
  }

  /**
   * What is wrong with the map, one line each naming the clause or line; empty when every required
   * clause has one valid entry.
   *
   * @param sops the SOP ids whose templates exist (SOP-01 …)
   */
  static List<String> problems(
      List<Entry> entries, Set<String> requirementIds, Set<String> sops, String file) {
    List<String> problems = new ArrayList<>();
    Map<String, Long> count =
        entries.stream().collect(Collectors.groupingBy(Entry::clause, Collectors.counting()));
    for (String clause : REQUIRED) {
      if (!count.containsKey(clause)) {
        problems.add(file + ": no entry for " + clause);
      } else if (count.get(clause) > 1) {
        problems.add(file + ": " + clause + " has " + count.get(clause) + " entries");
      }
    }
    for (Entry e : entries) {
      String where = file + ":" + e.line() + " (" + e.clause() + ")";
      if (!REQUIRED.contains(e.clause())) {
        problems.add(where + ": not a clause of the map (" + String.join(", ", REQUIRED) + ")");
      }
      if (!STATUSES.contains(e.status())) {
        problems.add(where + ": status must be one of " + STATUSES + ", not '" + e.status() + "'");
      }
      for (String id : e.requirements()) {
        if (!requirementIds.contains(id)) {
          problems.add(where + ": " + id + " is not a requirement of URS.md");
        }
      }
      Matcher m = SOP.matcher(e.procedure());
      List<String> named = new ArrayList<>();
      while (m.find()) {
        named.add(m.group());
      }
      for (String sop : named) {
        if (!sops.contains(sop)) {
          problems.add(where + ": " + sop + " has no template in sop/");
        }
      }
      switch (e.status()) {
        case "covered" -> {
          if (e.requirements().isEmpty() || e.implementation().isBlank()) {
            problems.add(where + ": covered needs its requirements and implementation");
          }
        }
        case "procedural" -> {
          if (named.isEmpty()) {
            problems.add(where + ": procedural needs the SOP that carries it");
          }
        }
        case "not applicable" -> {
          if (e.procedure().isBlank()) {
            problems.add(where + ": not applicable needs the reason why");
          }
        }
        default -> {}
      }
    }
    return problems;
  }

  /** The map's text with the last run's status of each requirement added as a column. */
  static String withResults(String text, TraceabilityMatrix matrix) {
    Map<String, Row> rows =
        matrix.rows().stream()
            .collect(
                Collectors.toMap(
                    r -> r.requirement().id(),
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (s.startsWith("| Clause |")) {
        out.add(s + " Requirements in the last run |");
      } else if (s.startsWith("| --- |")
          && out.size() > 0
          && out.get(out.size() - 1).startsWith("| Clause |")) {
        out.add(s + " --- |");
      } else if (s.startsWith("| 21 CFR") || s.startsWith("| EU Annex")) {
        List<String> cells = RiskAssessment.cells(s);
        String ids = cells.size() > 3 ? cells.get(3) : "";
        String results =
            ids.isBlank()
                ? "–"
                : List.of(ids.split("\\s*,\\s*")).stream()
                    .map(String::strip)
                    .map(
                        id ->
                            id
                                + " "
                                + (rows.containsKey(id)
                                    ? rows.get(id).status().label()
                                    : "unknown"))
                    .collect(Collectors.joining("; "));
        out.add(s + " " + results + " |");
      } else {
        out.add(line);
      }
    }
    return String.join("\n", out);
  }
}
