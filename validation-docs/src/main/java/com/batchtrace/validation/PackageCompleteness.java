package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that the functional specification and the risk assessment answer every requirement of the
 * URS, and nothing else. A new requirement in URS.md therefore fails the build until FS.md has its
 * section and RA.md its row, and the message names exactly which ids are missing where.
 */
final class PackageCompleteness {

  private PackageCompleteness() {}

  /**
   * What is missing or unknown, one line each; empty when the package is complete.
   *
   * @param requirements the requirements of URS.md
   * @param fsFile the FS file as named in the message
   * @param fsSections the requirement sections of FS.md with their lines
   * @param raFile the RA file as named in the message
   * @param risks the risk assessment
   */
  static List<String> problems(
      List<Requirement> requirements,
      String fsFile,
      Map<String, Integer> fsSections,
      String raFile,
      RiskAssessment risks) {
    Set<String> known = requirements.stream().map(Requirement::id).collect(Collectors.toSet());
    Set<String> assessed = risks.requirementIds();
    List<String> problems = new ArrayList<>();
    for (Requirement requirement : requirements) {
      if (!fsSections.containsKey(requirement.id())) {
        problems.add(
            fsFile
                + ": no section for "
                + requirement.id()
                + " (add '### "
                + requirement.id()
                + " "
                + requirement.title()
                + "')");
      }
    }
    for (Requirement requirement : requirements) {
      if (!assessed.contains(requirement.id())) {
        problems.add(
            raFile
                + ": no risk row for "
                + requirement.id()
                + " "
                + requirement.title()
                + " (add '| "
                + requirement.id()
                + " | hazard | severity | probability | detectability | controls |')");
      }
    }
    fsSections.forEach(
        (id, line) -> {
          if (!known.contains(id)) {
            problems.add(fsFile + ":" + line + ": " + id + " is not a requirement in URS.md");
          }
        });
    for (RiskAssessment.Hazard hazard : risks.hazards()) {
      if (!known.contains(hazard.requirementId())) {
        problems.add(
            raFile
                + ":"
                + hazard.line()
                + ": "
                + hazard.requirementId()
                + " is not a requirement in URS.md");
      }
    }
    for (Requirement requirement : requirements) {
      risks
          .priorityOf(requirement.id())
          .filter(computed -> !computed.label().equalsIgnoreCase(requirement.risk()))
          .ifPresent(
              computed ->
                  problems.add(
                      TraceabilityMatrixGenerator.URS_FILE
                          + ": "
                          + requirement.id()
                          + " says risk "
                          + requirement.risk()
                          + ", but "
                          + raFile
                          + " computes "
                          + computed.label()
                          + " from its hazards (set '- **Risk:** "
                          + computed.label().toLowerCase(java.util.Locale.ROOT)
                          + "')"));
    }
    return problems;
  }

  /**
   * Fails with every problem, one a line.
   *
   * @throws IllegalStateException if there is any
   */
  static void require(Collection<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    throw new IllegalStateException(
        "The validation package is incomplete (URS, FS, RA or the clause map):"
            + System.lineSeparator()
            + "  "
            + String.join(System.lineSeparator() + "  ", problems));
  }
}
