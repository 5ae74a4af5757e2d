package com.batchtrace.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The system hazards of the RA: every source assessed, levels before controls kept apart and the
 * priority computed, each with controls, residual risk, acceptance and approver; URS risk lines
 * agree with the RA.
 */
@Tag("URS-059")
class SystemHazardsTest {

  private static final Path DOCS = Path.of("src/docs");

  @Test
  void theRepositorysRaAssessesEverySourceOfSystemHazards() throws IOException {
    String ra = Files.readString(DOCS.resolve("RA.md"));
    Set<String> ids =
        UserRequirements.read(DOCS.resolve("URS.md")).stream()
            .map(Requirement::id)
            .collect(Collectors.toSet());

    SystemHazards hazards = SystemHazards.parse(List.of(ra.split("\n", -1)), 1);

    assertEquals(List.of(), hazards.problems(ids, "RA.md"));
    assertTrue(hazards.hazards().size() >= SystemHazards.SOURCES.size());
    String rendered = SystemHazards.withPriorities(ra, hazards);
    assertTrue(rendered.contains("Risk priority before controls (computed)"), rendered);
    assertTrue(
        rendered.contains("| Low | High | TLS on every connection"),
        "SYS-01: class 1, detectability Low gives High");
  }

  @Test
  void aMissingSourceAndRowsWithoutTheirPartsAreNamed() {
    String ra =
        """
        ## System hazards

        | Id | Hazard | Source | Severity | Probability before controls | Detectability before controls | Controls | Requirements | Residual risk | Acceptance | Approver |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | SYS-01 | Sniffing | data in transit | High | Often | Low | TLS | URS-001 | Low | Accepted | QA |
        | SYS-01 | Drift | time | High | Low | Low | NTP | URS-404 | Low | | |
        """;

    List<String> problems =
        SystemHazards.parse(List.of(ra.split("\n")), 1).problems(Set.of("URS-001"), "RA.md");

    String all = String.join("\n", problems);
    assertTrue(all.contains("'Often' is not High, Medium or Low"), all);
    assertTrue(all.contains("the id must be SYS-nn and unique"), all);
    assertTrue(all.contains("URS-404 is not a requirement"), all);
    assertTrue(all.contains("needs its controls, acceptance and approver"), all);
    assertTrue(all.contains("no system hazard from identity administration"), all);
    assertTrue(all.contains("no system hazard from backup"), all);
  }

  @Test
  void aUrsRiskLineThatDisagreesWithTheRaIsNamedAndThePackageShowsTheRasValue() {
    RiskAssessment risks =
        RiskAssessment.parse(
            """
            | Requirement | Hazard | Severity | Probability | Detectability | Controls |
            | --- | --- | --- | --- | --- | --- |
            | URS-001 | Anyone reads | High | Medium | Low | Sign-in |
            """,
            "RA.md");
    assertEquals(Optional.of(RiskLevel.HIGH), risks.priorityOf("URS-001"));

    List<String> problems =
        PackageCompleteness.problems(
            List.of(new Requirement("URS-001", "Sign in", "low")),
            "FS.md",
            java.util.Map.of("URS-001", 1),
            "RA.md",
            risks);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("URS-001 says risk low, but RA.md computes High"));
    String urs =
        PackageDocuments.ursWithComputedRisks("### URS-001 Sign in\n- **Risk:** low\n", risks);
    assertTrue(urs.contains("- **Risk:** High (computed in the RA from its hazards)"), urs);
  }
}
