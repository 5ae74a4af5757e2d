package com.batchtrace.validation;

import com.batchtrace.validation.TraceabilityMatrix.Evidence;
import com.batchtrace.validation.TraceabilityMatrix.Row;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the matrix documents say, written once for every format: the sections, the columns and the
 * words. A subclass only knows its syntax (headings, paragraphs, tables and escaping), so the
 * Markdown and the HTML file cannot drift apart.
 */
abstract class MatrixDocument {

  /** How a cell should stand out. */
  enum Tone {
    PLAIN,
    GOOD,
    WARNING,
    BAD
  }

  /** A table cell: lines of plain text (the format escapes them) and its tone. */
  record Cell(List<String> lines, Tone tone) {

    Cell {
      lines = List.copyOf(lines);
    }

    static Cell of(String text) {
      return new Cell(List.of(text), Tone.PLAIN);
    }
  }

  static final String TITLE = "Batchtrace traceability matrix";

  private final StringBuilder out = new StringBuilder();

  /** The whole document. */
  final String render(TraceabilityMatrix matrix) {
    out.setLength(0);
    begin(TITLE);
    heading(1, TITLE);
    paragraph(
        "Generated "
            + DateTimeFormatter.ISO_INSTANT.format(
                matrix.generatedAt().truncatedTo(ChronoUnit.SECONDS))
            + " (UTC) from "
            + TraceabilityMatrixGenerator.URS_FILE
            + ", the requirement tags on "
            + matrix.taggedTests()
            + " test methods and "
            + matrix.reportFiles()
            + " JUnit report files of the last test run.");
    paragraph(matrix.build().sentence());
    table(
        List.of(
            "Requirements",
            RequirementStatus.VERIFIED.label(),
            RequirementStatus.FAILED.label(),
            RequirementStatus.NOT_RUN.label(),
            RequirementStatus.NOT_COVERED.label(),
            "Unknown requirement ids"),
        List.of(
            List.of(
                Cell.of(String.valueOf(matrix.rows().size())),
                Cell.of(String.valueOf(matrix.count(RequirementStatus.VERIFIED))),
                Cell.of(String.valueOf(matrix.count(RequirementStatus.FAILED))),
                Cell.of(String.valueOf(matrix.count(RequirementStatus.NOT_RUN))),
                Cell.of(String.valueOf(matrix.count(RequirementStatus.NOT_COVERED))),
                Cell.of(String.valueOf(matrix.unknownTags().size())))));
    heading(2, "Requirements");
    paragraph(
        "verified: at least one test and all passed; FAILED: a test failed; not run: a test has"
            + " no result in the reports, a skipped run, a source changed after the run, or a"
            + " report older than its module's build; NOT COVERED: no test names the"
            + " requirement. \"(class tag)\": the requirement reaches the test through the tag on"
            + " its class.");
    table(
        List.of("Requirement", "Title", "Risk", "Tests (module: class#method, result)", "Status"),
        matrix.rows().stream().map(MatrixDocument::requirementRow).toList());
    heading(2, "Unknown requirement ids");
    if (matrix.unknownTags().isEmpty()) {
      paragraph(
          "None: every requirement id on a test is in "
              + TraceabilityMatrixGenerator.URS_FILE
              + ".");
    } else {
      paragraph(
          "These tags name ids that are not in "
              + TraceabilityMatrixGenerator.URS_FILE
              + ". The build fails until they are corrected.");
      table(
          List.of("Tag", "Test source"),
          matrix.unknownTags().stream()
              .map(tag -> List.of(new Cell(List.of(tag.id()), Tone.BAD), Cell.of(tag.location())))
              .toList());
    }
    end();
    return out.toString();
  }

  private static List<Cell> requirementRow(Row row) {
    List<String> tests = new ArrayList<>();
    for (Evidence evidence : row.evidence()) {
      tests.add(
          evidence.test().module()
              + ": "
              + evidence.test().qualifiedName()
              + (evidence.byClassTag() ? " (class tag)" : "")
              + " – "
              + evidence.outcome().label());
    }
    if (tests.isEmpty()) {
      tests.add("none");
    }
    Requirement requirement = row.requirement();
    return List.of(
        Cell.of(requirement.id()),
        Cell.of(requirement.title()),
        Cell.of(requirement.risk()),
        new Cell(tests, Tone.PLAIN),
        new Cell(List.of(row.status().label()), toneOf(row.status())));
  }

  private static Tone toneOf(RequirementStatus status) {
    return switch (status) {
      case VERIFIED -> Tone.GOOD;
      case NOT_RUN -> Tone.WARNING;
      case FAILED, NOT_COVERED -> Tone.BAD;
    };
  }

  /** Escapes the characters that start markup in HTML, and so in Markdown too. */
  static String escapeMarkup(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Appends text as it is (already in the format's syntax). */
  protected final void write(String text) {
    out.append(text);
  }

  protected abstract void begin(String title);

  protected abstract void heading(int level, String text);

  protected abstract void paragraph(String text);

  protected abstract void table(List<String> header, List<List<Cell>> rows);

  protected abstract void end();
}
