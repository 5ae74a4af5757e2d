package com.batchtrace.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every clause of 21 CFR Part 11 (11.10(a)–(k), 11.50, 11.70, 11.100, 11.200, 11.300) and EU Annex
 * 11 (§1–§17) has one entry in the clause map, with what its status needs.
 */
@Tag("URS-059")
class ClauseMapTest {

  private static final Path DOCS = Path.of("src/docs");

  @Test
  void theRepositorysMapAnswersEveryClauseWithKnownRequirementsAndSops() throws IOException {
    List<ClauseMap.Entry> entries = ClauseMap.parse(Files.readString(DOCS.resolve("CLAUSES.md")));
    Set<String> ids =
        UserRequirements.read(DOCS.resolve("URS.md")).stream()
            .map(Requirement::id)
            .collect(Collectors.toSet());
    Set<String> sops = ValidationPackageGenerator.sops(DOCS.resolve("sop")).keySet();

    assertEquals(List.of(), ClauseMap.problems(entries, ids, sops, "CLAUSES.md"));
    assertEquals(33, ClauseMap.REQUIRED.size());
    assertEquals(ClauseMap.REQUIRED.size(), entries.size());
    assertEquals(9, sops.size(), "the SOP templates: " + sops);
  }

  @Test
  void aRemovedClauseAndEntriesWithoutWhatTheirStatusNeedsAreNamed() {
    String map =
        ValidationPackageTest.clauseMap(List.of("21 CFR 11.200"))
            .replace(
                "| EU Annex 11 §3 | Text | covered | URS-001 | Sign-in | |",
                "| EU Annex 11 §3 | Text | covered | | | |")
            .replace(
                "| EU Annex 11 §4 | Text | covered | URS-001 | Sign-in | |",
                "| EU Annex 11 §4 | Text | procedural | | | ask QA |")
            .replace(
                "| EU Annex 11 §5 | Text | covered | URS-001 | Sign-in | |",
                "| EU Annex 11 §5 | Text | not applicable | | | |")
            .replace(
                "| EU Annex 11 §6 | Text | covered | URS-001 | Sign-in | |",
                "| EU Annex 11 §6 | Text | covered | URS-777 | Sign-in | SOP-42 |")
            .replace(
                "| EU Annex 11 §7 | Text | covered | URS-001 | Sign-in | |",
                "| EU Annex 11 §7 | Text | maybe | URS-001 | Sign-in | |");

    List<String> problems =
        ClauseMap.problems(ClauseMap.parse(map), Set.of("URS-001"), Set.of("SOP-01"), "C.md");

    String all = String.join("\n", problems);
    assertTrue(all.contains("C.md: no entry for 21 CFR 11.200"), all);
    assertTrue(all.contains("(EU Annex 11 §3): covered needs its requirements"), all);
    assertTrue(all.contains("(EU Annex 11 §4): procedural needs the SOP"), all);
    assertTrue(all.contains("(EU Annex 11 §5): not applicable needs the reason"), all);
    assertTrue(all.contains("(EU Annex 11 §6): URS-777 is not a requirement"), all);
    assertTrue(all.contains("(EU Annex 11 §6): SOP-42 has no template"), all);
    assertTrue(all.contains("(EU Annex 11 §7): status must be one of"), all);
    assertEquals(7, problems.size(), all);
  }
}
