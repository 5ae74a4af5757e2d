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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("URS-012")
class TraceabilityMatrixGeneratorTest {

  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");
  private static final String PASSING = "com.example.PassingTest";
  private static final String FAILING = "com.example.FailingTest";
  private static final String UNRUN = "com.example.UnrunTest";

  @TempDir Path root;

  private FakeRepository repository;

  @BeforeEach
  void createRepository() throws IOException {
    repository = new FakeRepository(root);
  }

  private Path output() {
    return root.resolve("validation-docs/target");
  }

  private String read(String fileName) throws IOException {
    return Files.readString(output().resolve(fileName), StandardCharsets.UTF_8);
  }

  /** URS-001 verified (ejb), URS-002 failed (ejb), URS-003 tagged in web but never run. */
  private FakeRepository repositoryWithEveryStatus() throws IOException {
    return repository
        .testSource(
            "ejb",
            PASSING,
            """
            package com.example;
            @Tag("URS-001")
            class PassingTest {
              @Test void first() {}
              @ParameterizedTest @ValueSource(ints = {1, 2}) void second(int value) {}
            }
            """)
        .testSource(
            "ejb",
            FAILING,
            """
            package com.example;
            class FailingTest {
              @Test @Tag("URS-002") void passes() {}
              @Test @Tag("URS-002") void fails() {}
            }
            """)
        .testSource(
            "web",
            UNRUN,
            """
            package com.example;
            class UnrunTest {
              @Test @Tag("URS-003") void notYet() {}
            }
            """)
        .report(
            "ejb",
            "surefire-reports",
            PASSING,
            testCase(PASSING, "first()", "")
                + testCase(PASSING, "second(int)[1]", "")
                + testCase(PASSING, "second(int)[2]", ""))
        .report(
            "ejb",
            "failsafe-reports",
            FAILING,
            testCase(FAILING, "passes", "") + testCase(FAILING, "fails", "<failure/>"));
  }

  private static RequirementStatus statusOf(TraceabilityMatrix matrix, String id) {
    return matrix.rows().stream()
        .filter(row -> row.requirement().id().equals(id))
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void everyStatusIsDecidedFromTagsAndReports() throws IOException {
    TraceabilityMatrix matrix = TraceabilityMatrixGenerator.generate(root, output(), NOW);

    assertEquals(RequirementStatus.NOT_COVERED, statusOf(matrix, "URS-001"));
    repositoryWithEveryStatus();
    matrix = TraceabilityMatrixGenerator.generate(root, output(), NOW);

    assertEquals(RequirementStatus.VERIFIED, statusOf(matrix, "URS-001"));
    assertEquals(RequirementStatus.FAILED, statusOf(matrix, "URS-002"));
    assertEquals(RequirementStatus.NOT_RUN, statusOf(matrix, "URS-003"));
    assertEquals(
        "Traceability: 3 requirements, 1 verified, 0 not covered, 1 not run, 1 failed,"
            + " 0 unknown requirement ids",
        matrix.summary());
  }

  @Test
  void requirementWithoutTestsIsNotCovered() throws IOException {
    repository
        .testSource(
            "ejb",
            PASSING,
            """
            package com.example;
            class PassingTest { @Test @Tag("URS-001") void first() {} }
            """)
        .report("ejb", "surefire-reports", PASSING, testCase(PASSING, "first", ""));

    TraceabilityMatrix matrix = TraceabilityMatrixGenerator.generate(root, output(), NOW);

    assertEquals(RequirementStatus.VERIFIED, statusOf(matrix, "URS-001"));
    assertEquals(RequirementStatus.NOT_COVERED, statusOf(matrix, "URS-002"));
    assertEquals(RequirementStatus.NOT_COVERED, statusOf(matrix, "URS-003"));
  }

  @Test
  @Tag("URS-059")
  void bothDocumentsListTheTestsWithTheirResults() throws IOException {
    repositoryWithEveryStatus();

    TraceabilityMatrixGenerator.main(new String[] {root.toString(), output().toString()});

    for (String document :
        List.of(
            read(TraceabilityMatrixGenerator.MARKDOWN_FILE),
            read(TraceabilityMatrixGenerator.HTML_FILE))) {
      assertTrue(
          document.contains("ejb: com.example.PassingTest#second (class tag) – passed"),
          "a class tag is expanded visibly: " + document);
      assertTrue(document.contains("ejb: com.example.FailingTest#fails – FAILED"), document);
      assertTrue(document.contains("web: com.example.UnrunTest#notYet – not run"), document);
      assertTrue(document.contains("NOT COVERED"), document);
    }
    String markdown = read(TraceabilityMatrixGenerator.MARKDOWN_FILE);
    assertTrue(markdown.contains("| URS-001 | Sign in | high |"), markdown);
    assertTrue(markdown.contains("| **FAILED** |"), markdown);
  }

  @Test
  void generationTimeIsInUtc() throws IOException {
    TraceabilityMatrixGenerator.generate(root, output(), NOW);

    assertTrue(
        read(TraceabilityMatrixGenerator.MARKDOWN_FILE).contains("2025-01-02T03:04:05Z (UTC)"));
    assertTrue(read(TraceabilityMatrixGenerator.HTML_FILE).contains("2025-01-02T03:04:05Z (UTC)"));
  }

  @Test
  void htmlEscapesText() throws IOException {
    TraceabilityMatrixGenerator.generate(root, output(), NOW);

    String html = read(TraceabilityMatrixGenerator.HTML_FILE);
    assertTrue(html.contains("Roles &lt;admin&gt; &amp; co"), html);
    assertFalse(html.contains("<admin>"), html);
    assertFalse(html.contains("<script"), html);
    assertTrue(
        read(TraceabilityMatrixGenerator.MARKDOWN_FILE).contains("Roles &lt;admin&gt; &amp; co"));
  }

  @Test
  void unknownRequirementIdFailsNamingTheFile() throws IOException {
    repository.testSource(
        "ejb",
        PASSING,
        """
            package com.example;
            @Tag("URS-999")
            class PassingTest {
              @Test @Tag("URS-01") void typo() {}
            }
            """);
    String[] args = {root.toString(), output().toString()};

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> TraceabilityMatrixGenerator.main(args));

    String file = "ejb/src/test/java/com/example/PassingTest.java";
    assertTrue(error.getMessage().contains("URS-999 at " + file + ":2"), error.getMessage());
    assertTrue(error.getMessage().contains("URS-01 at " + file + ":4"), error.getMessage());
    assertTrue(
        read(TraceabilityMatrixGenerator.MARKDOWN_FILE)
            .contains("| **URS-01** | " + file + ":4 |"));
  }

  @Test
  void invalidUrsFails() throws IOException {
    repository.urs("### URS-001 No risk line\n\nSome text.\n");
    String[] args = {root.toString(), output().toString()};

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> TraceabilityMatrixGenerator.main(args));

    assertTrue(error.getMessage().contains("URS-001 has no risk line"), error.getMessage());
  }

  @Test
  void wrongArgumentsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TraceabilityMatrixGenerator.main(new String[] {root.toString()}));
  }
}
