package com.batchtrace.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The traceability matrix as data, before it is written in any format: each requirement with its
 * tests, their outcomes and its status, and the tags that name no requirement. Keeping the
 * decisions here lets the Markdown and HTML files say exactly the same.
 *
 * @param generatedAt when the matrix was made
 * @param rows one row per requirement, in the order of URS.md
 * @param unknownTags tags that name an id which is not a requirement, in file and line order
 * @param taggedTests how many test methods carry a requirement id
 * @param reportFiles how many JUnit report files were read
 * @param build which build the results are evidence for, and whether they are stale
 */
record TraceabilityMatrix(
    Instant generatedAt,
    List<Row> rows,
    List<RequirementTag> unknownTags,
    int taggedTests,
    int reportFiles,
    BuildEvidence build) {

  /**
   * A test of a requirement with its outcome.
   *
   * @param byClassTag whether the requirement reaches the test only through its class's tag
   */
  record Evidence(TestMethod test, TestOutcome outcome, boolean byClassTag) {}

  /** A requirement with its tests, sorted by module, class and method, and its status. */
  record Row(Requirement requirement, List<Evidence> evidence, RequirementStatus status) {}

  TraceabilityMatrix {
    rows = List.copyOf(rows);
    unknownTags = List.copyOf(unknownTags);
  }

  /** Joins the requirements, the tagged tests and the reported results. */
  static TraceabilityMatrix build(
      List<Requirement> requirements, TestSources sources, TestReports reports, Instant now) {
    return build(requirements, sources, reports, now, BuildEvidence.none());
  }

  static TraceabilityMatrix build(
      List<Requirement> requirements,
      TestSources sources,
      TestReports reports,
      Instant now,
      BuildEvidence build) {
    List<Row> rows = new ArrayList<>();
    for (Requirement requirement : requirements) {
      List<Evidence> evidence =
          sources.tests().stream()
              .filter(tagged -> tagged.requirementIds().contains(requirement.id()))
              .map(
                  tagged ->
                      new Evidence(
                          tagged.test(),
                          reports.outcomeOf(tagged),
                          tagged.byClassTag().contains(requirement.id())))
              .sorted(Comparator.comparing(Evidence::test))
              .toList();
      RequirementStatus status =
          RequirementStatus.of(evidence.stream().map(Evidence::outcome).toList());
      rows.add(new Row(requirement, evidence, status));
    }
    Set<String> known = requirements.stream().map(Requirement::id).collect(Collectors.toSet());
    List<RequirementTag> unknown =
        sources.tags().stream()
            .filter(tag -> !known.contains(tag.id()))
            .sorted(Comparator.comparing(RequirementTag::file).thenComparing(RequirementTag::line))
            .toList();
    return new TraceabilityMatrix(
        now, rows, unknown, sources.tests().size(), reports.files().size(), build);
  }

  /** How many requirements have the status. */
  long count(RequirementStatus status) {
    return rows.stream().filter(row -> row.status() == status).count();
  }

  /** The one line the build prints. */
  String summary() {
    return "Traceability: "
        + rows.size()
        + " requirements, "
        + count(RequirementStatus.VERIFIED)
        + " verified, "
        + count(RequirementStatus.NOT_COVERED)
        + " not covered, "
        + count(RequirementStatus.NOT_RUN)
        + " not run, "
        + count(RequirementStatus.FAILED)
        + " failed, "
        + unknownTags.size()
        + " unknown requirement ids"
        + (build.stale()
            ? "; STALE: " + build.staleReports().size() + " reports older than their build"
            : "");
  }

  /**
   * Fails when a test tag names an id that is not a requirement: such a tag is a typo or a
   * requirement not yet written, and either way the matrix would claim less than the tests do.
   *
   * @param ursFile the URS file, named in the message as the place where ids are defined
   * @throws IllegalStateException naming every unknown id with its file and line
   */
  void requireKnownRequirementIds(String ursFile) {
    if (unknownTags.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("Test tags name requirement ids that are not in ")
            .append(ursFile)
            .append(" (a typo, or a requirement not written yet):");
    for (RequirementTag tag : unknownTags) {
      message
          .append(System.lineSeparator())
          .append("  ")
          .append(tag.id())
          .append(" at ")
          .append(tag.location());
    }
    throw new IllegalStateException(message.toString());
  }
}
