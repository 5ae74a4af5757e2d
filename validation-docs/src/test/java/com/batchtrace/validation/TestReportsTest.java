package com.batchtrace.validation;

import static com.batchtrace.validation.FakeRepository.testCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("URS-012")
class TestReportsTest {

  private static final String CLASS = "com.example.SampleTest";

  @TempDir Path root;

  private static TaggedTest tagged(String module, String method, String displayName) {
    return new TaggedTest(new TestMethod(module, CLASS, method), Set.of("URS-001"), displayName);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "check; check",
        "check(); check",
        "check(String)[1]; check",
        "check(int[], java.util.List)[12]; check",
        "  check  ; check",
        "signs in quickly; signs in quickly",
        "signs in quickly[2]; signs in quickly"
      })
  void reportedNamesComeBackToTheMethod(String reported, String expected) {
    assertEquals(expected, TestReports.normalisedName(reported));
  }

  @Test
  @Tag("URS-059")
  void resultsMapToTheRightMethodAndModule() throws IOException {
    new FakeRepository(root)
        .report(
            "ejb",
            "surefire-reports",
            CLASS,
            testCase(CLASS, "passes()", "")
                + testCase(CLASS, "fails", "<failure message=\"boom\"/>")
                + testCase(CLASS, "errs", "<error/>")
                + testCase(CLASS, "skips", "<skipped/>")
                + testCase(CLASS, "flaky", "<flakyFailure/>")
                + testCase(CLASS, "parameterized(String)[1]", "")
                + testCase(CLASS, "parameterized(String)[2]", "<failure/>")
                + testCase(CLASS, "parameterized(String)[3]", "<skipped/>")
                + testCase(CLASS, "allGood(int)[1]", "")
                + testCase(CLASS, "allGood(int)[2]", "<skipped/>")
                + testCase(CLASS, "signs in", "")
                + testCase(CLASS, "replaced underscores", ""))
        .report("web", "failsafe-reports", CLASS, testCase(CLASS, "inWeb", "<failure/>"));

    TestReports reports = TestReports.read(root);

    assertEquals(2, reports.files().size());
    assertEquals(TestOutcome.PASSED, reports.outcomeOf(tagged("ejb", "passes", null)));
    assertEquals(TestOutcome.FAILED, reports.outcomeOf(tagged("ejb", "fails", null)));
    assertEquals(TestOutcome.FAILED, reports.outcomeOf(tagged("ejb", "errs", null)));
    assertEquals(TestOutcome.SKIPPED, reports.outcomeOf(tagged("ejb", "skips", null)));
    assertEquals(TestOutcome.PASSED, reports.outcomeOf(tagged("ejb", "flaky", null)));
    assertEquals(TestOutcome.FAILED, reports.outcomeOf(tagged("ejb", "parameterized", null)));
    assertEquals(
        TestOutcome.SKIPPED,
        reports.outcomeOf(tagged("ejb", "allGood", null)),
        "a test with a skipped run is no evidence");
    assertEquals(TestOutcome.PASSED, reports.outcomeOf(tagged("ejb", "signIn", "signs in")));
    assertEquals(
        TestOutcome.PASSED, reports.outcomeOf(tagged("ejb", "replaced_underscores", null)));
    assertEquals(TestOutcome.NOT_RUN, reports.outcomeOf(tagged("ejb", "inWeb", null)));
    assertEquals(TestOutcome.FAILED, reports.outcomeOf(tagged("web", "inWeb", null)));
    assertEquals(TestOutcome.NOT_RUN, reports.outcomeOf(tagged("ejb", "neverRun", null)));
  }

  @Test
  @Tag("URS-059")
  void aTestEditedAfterTheRunIsNotRun() throws IOException {
    FakeRepository repository =
        new FakeRepository(root)
            .testSource("ejb", CLASS, "class SampleTest {}")
            .report("ejb", "surefire-reports", CLASS, testCase(CLASS, "passes", ""));
    assertEquals(
        TestOutcome.PASSED, TestReports.read(root).outcomeOf(tagged("ejb", "passes", null)));

    repository.touch(
        "ejb/src/test/java/com/example/SampleTest.java", Instant.now().plusSeconds(120));

    assertEquals(
        TestOutcome.NOT_RUN, TestReports.read(root).outcomeOf(tagged("ejb", "passes", null)));
  }

  @Test
  @Tag("URS-059")
  void reportsOlderThanTheirModulesBuildAreStaleAndNotRun() throws IOException {
    FakeRepository repository =
        new FakeRepository(root)
            .report("ear", "failsafe-reports", CLASS, testCase(CLASS, "passes", ""))
            .report("ejb", "surefire-reports", CLASS, testCase(CLASS, "passes", ""))
            .write("ear/target/batchtrace.ear", "ear")
            .touch("ear/target/batchtrace.ear", Instant.now());
    assertEquals(
        TestOutcome.PASSED, TestReports.read(root).outcomeOf(tagged("ear", "passes", null)));
    repository
        .write("ear/target/production-server/deployments/batchtrace.ear", "a test's copy")
        .touch(
            "ear/target/production-server/deployments/batchtrace.ear",
            Instant.now().plusSeconds(120));
    assertEquals(
        TestOutcome.PASSED,
        TestReports.read(root).outcomeOf(tagged("ear", "passes", null)),
        "a copy a test made of the EAR is not a new build");

    repository.touch("ear/target/batchtrace.ear", Instant.now().plusSeconds(120));
    TestReports rebuilt = TestReports.read(root);

    assertEquals(TestOutcome.NOT_RUN, rebuilt.outcomeOf(tagged("ear", "passes", null)));
    assertEquals(
        List.of("ear/target/failsafe-reports/TEST-" + CLASS + ".xml"), rebuilt.staleReports());
    assertEquals(
        TestOutcome.PASSED,
        rebuilt.outcomeOf(tagged("ejb", "passes", null)),
        "another module's reports stay evidence");
  }

  @Test
  void brokenReportIsNamed() throws IOException {
    new FakeRepository(root).report("ejb", "surefire-reports", CLASS, "<testcase");

    IOException error = assertThrows(IOException.class, () -> TestReports.read(root));

    assertTrue(error.getMessage().contains("TEST-" + CLASS + ".xml"), error.getMessage());
  }
}
