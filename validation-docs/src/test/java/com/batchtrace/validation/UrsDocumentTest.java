package com.batchtrace.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("URS-012")
class UrsDocumentTest {

  /** The tests run in the module folder (Maven's default working directory). */
  private static final Path URS = Path.of("src/docs/URS.md");

  @Test
  void ursOfTheRepositoryNumbersItsRequirementsWithoutGapsFromOne() throws IOException {
    List<Requirement> requirements = UserRequirements.read(URS);

    assertTrue(requirements.size() >= 19, "issues 2 and 3 define URS-001 to URS-019");
    assertEquals(
        IntStream.rangeClosed(1, requirements.size())
            .mapToObj(n -> String.format("URS-%03d", n))
            .toList(),
        requirements.stream().map(Requirement::id).toList());
    assertEquals("high", requirements.get(0).risk());
    assertEquals("Generated traceability matrix", requirements.get(11).title());
  }

  @Test
  void examplesInCodeFencesAreNotRequirements() {
    List<Requirement> requirements =
        UserRequirements.parse(
            """
            ```
            ### URS-nnn Title
            ```
            ### URS-001 Real
            - **Risk:** low
            """,
            "test");

    assertEquals(List.of(new Requirement("URS-001", "Real", "low")), requirements);
  }

  @Test
  void malformedHeadingIsNamedWithItsLine() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> UserRequirements.parse("### URS-01 Short id\n- **Risk:** low\n", "URS.md"));

    assertTrue(error.getMessage().startsWith("URS.md:1: "), error.getMessage());
  }
}
