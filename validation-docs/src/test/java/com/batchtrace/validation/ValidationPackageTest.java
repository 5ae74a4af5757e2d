package com.batchtrace.validation;

import static com.batchtrace.validation.FakeRepository.testCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("URS-012")
class ValidationPackageTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Path DOCS = Path.of("src/docs");

  private static final String FS =
      """
      # FS
      ### URS-001 Sign in
      Keycloak.
      ### URS-002 Roles
      web.xml.
      ### URS-003 Audit trail
      Envers.
      """;
  private static final String RA =
      """
      # RA
      | Requirement | Hazard | Severity | Probability | Detectability | Controls |
      | --- | --- | --- | --- | --- | --- |
      | URS-001 | Anonymous access | High | Medium | Low | OIDC |
      | URS-002 | Wrong area | High | Low | High | Constraints |
      | URS-003 | Untraced change | Medium | Low | Low | Envers |
      After the table.

      ## System hazards

      | Id | Hazard | Source | Severity | Probability before controls | Detectability before controls | Controls | Requirements | Residual risk | Acceptance | Approver |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | SYS-01 | Sniffed | data in transit | High | Medium | Low | TLS | URS-001 | Low | Accepted | QA |
      | SYS-02 | Drift | time | High | Medium | Low | NTP | | Low | Accepted | QA |
      | SYS-03 | Impersonation | identity administration | High | Low | Medium | Events | URS-001 | Medium | Accepted | QA |
      | SYS-04 | Lost backup | backup | High | Low | Low | Drill | | Low | Accepted | QA |
      | SYS-05 | Outage | infrastructure | Medium | Medium | High | Continuity | | Low | Accepted | QA |
      | SYS-06 | Spoofed data | interfaces | High | Medium | Medium | Accounts | | Medium | Accepted | QA |
      """;

  @TempDir Path root;

  @Test
  void theRepositorysFsAndRaAnswerEveryRequirementOfTheUrs() throws IOException {
    List<Requirement> requirements = UserRequirements.read(DOCS.resolve("URS.md"));
    Map<String, Integer> fs =
        RequirementSections.parse(Files.readString(DOCS.resolve("FS.md")), "FS.md");
    RiskAssessment ra = RiskAssessment.parse(Files.readString(DOCS.resolve("RA.md")), "RA.md");

    assertEquals(List.of(), PackageCompleteness.problems(requirements, "FS.md", fs, "RA.md", ra));
  }

  @Test
  void aNewRequirementWithoutFsSectionOrRaRowIsNamedExactly() {
    List<Requirement> requirements =
        List.of(
            new Requirement("URS-001", "Sign in", "high"),
            new Requirement("URS-002", "Roles", "low"),
            new Requirement("URS-003", "Audit trail", "medium"),
            new Requirement("URS-004", "Review by exception", "high"));
    Map<String, Integer> fs = RequirementSections.parse(FS + "### URS-009 Stray\n", "FS.md");

    List<String> problems =
        PackageCompleteness.problems(
            requirements, "FS.md", fs, "RA.md", RiskAssessment.parse(RA, "RA.md"));

    assertEquals(
        List.of(
            "FS.md: no section for URS-004 (add '### URS-004 Review by exception')",
            "RA.md: no risk row for URS-004 Review by exception (add '| URS-004 | hazard |"
                + " severity | probability | detectability | controls |')",
            "FS.md:8: URS-009 is not a requirement in URS.md"),
        problems);
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> PackageCompleteness.require(problems));
    assertTrue(error.getMessage().contains("no section for URS-004"), error.getMessage());
  }

  @Test
  void riskClassAndPriorityFollowGamp5() {
    assertEquals(1, RiskLevel.riskClass(RiskLevel.HIGH, RiskLevel.MEDIUM));
    assertEquals(2, RiskLevel.riskClass(RiskLevel.HIGH, RiskLevel.LOW));
    assertEquals(3, RiskLevel.riskClass(RiskLevel.LOW, RiskLevel.MEDIUM));
    assertEquals(RiskLevel.HIGH, RiskLevel.priority(1, RiskLevel.LOW));
    assertEquals(RiskLevel.MEDIUM, RiskLevel.priority(1, RiskLevel.HIGH));
    assertEquals(RiskLevel.LOW, RiskLevel.priority(2, RiskLevel.HIGH));
    assertEquals(RiskLevel.MEDIUM, RiskLevel.priority(3, RiskLevel.LOW));
    RiskAssessment.Hazard hazard = RiskAssessment.parse(RA, "RA.md").hazards().get(1);
    assertEquals(2, hazard.riskClass());
    assertEquals(RiskLevel.LOW, hazard.priority());
  }

  @Test
  void aRiskRowWithAnUnknownLevelIsRefusedWithItsLine() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RiskAssessment.parse(
                    RA.replace("| High | Low | High |", "| High | Often | High |"), "RA.md"));

    assertEquals(
        "RA.md:5: Probability of URS-002 must be High, Medium or Low, found: Often",
        error.getMessage());
  }

  @Test
  void aRepeatedFsSectionIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RequirementSections.parse(FS + "## URS-001 Again\n", "FS.md"));
  }

  @Test
  void aMissingMarkerIsNamed() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> PackageDocuments.fill("# OQ\n", "OQ.md", Map.of("oq-results", "x")));

    assertTrue(error.getMessage().contains("oq-results"), error.getMessage());
  }

  @Test
  void thePqIsOpenUntilItsTestExistsAndPasses() {
    String none = PackageDocuments.pqExecution(List.of(), new TreeMap<>());
    String notRun =
        PackageDocuments.pqExecution(List.of("ear/src/test/java/X.java"), new TreeMap<>());
    TreeMap<String, TestOutcome> failed = new TreeMap<>();
    failed.put("scenario", TestOutcome.FAILED);
    TreeMap<String, TestOutcome> passed = new TreeMap<>();
    passed.put("scenario", TestOutcome.PASSED);

    assertTrue(none.contains("OPEN – not yet executed"), none);
    assertTrue(notRun.contains("OPEN – not run"), notRun);
    assertTrue(PackageDocuments.pqExecution(List.of(), failed).contains("Result: FAILED"));
    assertTrue(PackageDocuments.pqExecution(List.of(), passed).contains("Result: PASSED"));
  }

  @Test
  void thePackageIsRenderedToHtmlAndOnePdfWithTestsFromTheLastRun() throws IOException {
    FakeRepository repository = fakeRepositoryWithDocs();
    repository
        .testSource(
            "ejb",
            "com.example.SignInTest",
            """
            package com.example;
            @Tag("URS-001")
            class SignInTest { @Test void anonymousIsSentToSignIn() {} }
            """)
        .report(
            "ejb",
            "surefire-reports",
            "com.example.SignInTest",
            testCase("com.example.SignInTest", "anonymousIsSentToSignIn", ""));

    ValidationPackageGenerator.Result result =
        ValidationPackageGenerator.generate(root, output(), "1.2.3", NOW);

    assertEquals(List.of(), result.problems());
    Path folder = output().resolve("validation-package");
    for (String page :
        List.of("index", "urs", "fs", "ra", "iq", "oq", "pq", "traceability-matrix")) {
      assertTrue(Files.isRegularFile(folder.resolve(page + ".html")), page);
    }
    String ra = Files.readString(folder.resolve("ra.md"));
    assertTrue(
        ra.contains(
            "| URS-001 | Anonymous access | High | Medium | Low | 1 | High | OIDC | ejb: SignInTest 1 passed | verified |"),
        ra);
    assertTrue(ra.contains("**NOT COVERED**"), ra);
    String oq = Files.readString(folder.resolve("oq.md"));
    assertTrue(
        oq.contains("| ejb | com.example.SignInTest | anonymousIsSentToSignIn | passed |"), oq);
    assertTrue(oq.contains("| URS-002 | Roles"), "open requirements are listed: " + oq);
    assertTrue(Files.readString(folder.resolve("pq.md")).contains("not yet executed"));
    assertTrue(Files.readString(folder.resolve("index.html")).contains("href=\"ra.html\""));
    try (PDDocument pdf = Loader.loadPDF(folder.resolve(PackageRenderer.PDF_FILE).toFile())) {
      int pages = pdf.getNumberOfPages();
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(pages >= 8, "cover, contents and a page a document: " + pages);
      assertTrue(text.contains("Page 1 of " + pages), text);
      assertTrue(text.contains("Anonymous access"), text);
      assertTrue(text.contains("Batchtrace 1.2.3"), text);
    }
  }

  @Test
  void theNewestIqRecordJoinsThePackage() throws IOException {
    fakeRepositoryWithDocs();
    Path folder = output().resolve("validation-package");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("iq-record-20260101T000000Z.md"), "# Old IQ record\n");
    Files.writeString(folder.resolve("iq-record-20260102T000000Z.md"), "# New IQ record\n");

    ValidationPackageGenerator.generate(root, output(), "1.2.3", NOW);

    assertTrue(Files.readString(folder.resolve("iq-record.md")).contains("New IQ record"));
    assertTrue(Files.readString(folder.resolve("iq.md")).contains("iq-record-20260102T000000Z.md"));
  }

  @Test
  void aGapInTheFsIsReportedAfterThePackageIsWritten() throws IOException {
    fakeRepositoryWithDocs()
        .write(ValidationPackageGenerator.DOCS + "/FS.md", "# FS\n### URS-001 Sign in\n");

    ValidationPackageGenerator.Result result =
        ValidationPackageGenerator.generate(root, output(), "1.2.3", NOW);

    assertEquals(2, result.problems().size(), result.problems().toString());
    assertTrue(result.problems().get(0).contains("no section for URS-002"));
    assertTrue(Files.isRegularFile(result.folder().resolve(PackageRenderer.PDF_FILE)));
    assertFalse(result.problems().isEmpty());
  }

  private Path output() {
    return root.resolve("validation-docs/target");
  }

  private FakeRepository fakeRepositoryWithDocs() throws IOException {
    String docs = ValidationPackageGenerator.DOCS + "/";
    return new FakeRepository(root)
        .write(docs + "FS.md", FS)
        .write(docs + "RA.md", RA)
        .write(docs + "IQ.md", "# IQ\n<!-- generated: iq-record -->\n")
        .write(docs + "OQ.md", "# OQ\n<!-- generated: oq-results -->\n")
        .write(docs + "PQ.md", "# PQ\n<!-- generated: pq-execution -->\n")
        .write(docs + "VP.md", "# Validation plan\n")
        .write(docs + "CLAUSES.md", clauseMap(List.of()))
        .write(docs + "sop/SOP-01-access.md", "# SOP-01 Access management\n");
  }

  /** A clause map answering every clause but {@code left out}: covered by URS-001, or by SOP-01. */
  static String clauseMap(List<String> leftOut) {
    StringBuilder map =
        new StringBuilder(
            "# Clauses\n\n| Clause | Text | Status | Requirements | Implementation | Procedure |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
    for (String clause : ClauseMap.REQUIRED) {
      if (!leftOut.contains(clause)) {
        map.append("| ")
            .append(clause)
            .append(
                clause.contains("11.10(i)")
                    ? " | Training | procedural | | | SOP-01 |\n"
                    : " | Text | covered | URS-001 | Sign-in | |\n");
      }
    }
    return map.toString();
  }

  @Test
  @Tag("URS-059")
  void thePackageHoldsPlanClauseMapSopsAndSummaryReportAndNamesItsBuild() throws IOException {
    fakeRepositoryWithDocs().urs(FakeRepository.URS);

    ValidationPackageGenerator.Result result =
        ValidationPackageGenerator.generate(root, output(), "1.2.3", NOW);

    assertEquals(List.of(), result.problems());
    Path folder = result.folder();
    for (String page :
        List.of(
            "plan",
            "urs",
            "fs",
            "ra",
            "iq",
            "oq",
            "pq",
            "traceability-matrix",
            "clause-map",
            "sop-01",
            "summary-report")) {
      assertTrue(Files.isRegularFile(folder.resolve(page + ".html")), page);
    }
    String clauses = read(folder.resolve("clause-map.md"));
    assertTrue(clauses.contains("| 21 CFR 11.70 |"), clauses);
    assertTrue(
        clauses.contains("URS-001 "), "the last run's status of each requirement: " + clauses);
    String summary = read(folder.resolve("summary-report.md"));
    assertTrue(summary.contains("Build: commit "), summary);
    assertTrue(summary.contains("IQ: not executed"), "no IQ record is a deviation: " + summary);
    assertTrue(summary.contains("does **not** meet"), summary);
  }

  @Test
  @Tag("URS-059")
  void aClauseWithoutEntryFailsTheBuildNamingIt() throws IOException {
    fakeRepositoryWithDocs()
        .urs(FakeRepository.URS)
        .write(
            ValidationPackageGenerator.DOCS + "/CLAUSES.md",
            clauseMap(List.of("21 CFR 11.70", "EU Annex 11 §12")));
    String[] args = {root.toString(), output().toString(), "1.2.3"};

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> ValidationPackageGenerator.main(args));

    assertTrue(error.getMessage().contains("no entry for 21 CFR 11.70"), error.getMessage());
    assertTrue(error.getMessage().contains("no entry for EU Annex 11 §12"), error.getMessage());
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
