package com.batchtrace.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.validation.TraceabilityMatrix.Evidence;
import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A requirement of high risk priority fails the build without a test of its failure path. */
@Tag("URS-059")
class FailingPathsTest {

  private static final String RA =
      """
      | Requirement | Hazard | Severity | Probability | Detectability | Controls |
      | --- | --- | --- | --- | --- | --- |
      | URS-001 | Anyone reads the records | High | Medium | Low | Sign-in |
      | URS-002 | A label is misspelt | Low | Low | High | Review |

      ## Open risks

      None.
      """;

  @Test
  void testNamesThatSayWhatIsRefusedOrGoesWrongAreFailurePaths() {
    assertTrue(FailingPaths.namesFailurePath("aWrongPasswordLeavesNoRecord"));
    assertTrue(FailingPaths.namesFailurePath("anonymousIsSentToSignIn"));
    assertTrue(FailingPaths.namesFailurePath("theChainIsBrokenAfterTamper"));
    assertTrue(FailingPaths.namesFailurePath("expired_lot_is_refused"));
    assertFalse(FailingPaths.namesFailurePath("qaReleasesTheBatch"));
    assertFalse(FailingPaths.namesFailurePath("anotherNotifiedReviewer"), "words, not letters");
  }

  @Test
  void aHighPriorityRequirementWithOnlyNormalPathTestsIsNamed() {
    RiskAssessment risks = RiskAssessment.parse(RA, "RA.md");

    List<String> missing =
        FailingPaths.missing(matrix("signsInAndSeesTheBatch", "labelIsShown"), risks, "RA.md");

    assertEquals(1, missing.size(), missing.toString());
    assertTrue(
        missing.get(0).startsWith("URS-001 (Sign in) is of high risk priority"), missing.get(0));
    assertEquals(
        List.of(),
        FailingPaths.missing(matrix("anonymousIsRefused", "labelIsShown"), risks, "RA.md"),
        "a failure-path test; a low-priority requirement needs none");
  }

  @Test
  void aGapListedUnderOpenRisksWithItsReasonIsAccepted() {
    RiskAssessment risks =
        RiskAssessment.parse(
            RA.replace(
                "None.", "- URS-001: no failure-path test by name; covered by the sign-in IT."),
            "RA.md");

    assertEquals(Set.of("URS-001"), FailingPaths.acceptedOpen(risks));
    assertEquals(
        List.of(), FailingPaths.missing(matrix("signsInAndSeesTheBatch", "x"), risks, "RA.md"));
  }

  private static TraceabilityMatrix matrix(String firstTest, String secondTest) {
    return new TraceabilityMatrix(
        Instant.now(),
        List.of(row("URS-001", "Sign in", firstTest), row("URS-002", "Labels", secondTest)),
        List.of(),
        2,
        1,
        BuildEvidence.none());
  }

  private static Row row(String id, String title, String method) {
    return new Row(
        new Requirement(id, title, "high"),
        List.of(
            new Evidence(
                new TestMethod("ejb", "com.example.SampleTest", method),
                TestOutcome.PASSED,
                false)),
        RequirementStatus.VERIFIED);
  }
}
