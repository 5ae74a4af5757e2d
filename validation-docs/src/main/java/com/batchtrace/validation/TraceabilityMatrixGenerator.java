package com.batchtrace.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Generates the traceability matrix: reads the requirements from {@value #URS_FILE}, the
 * requirement tags from every module's test sources and the results from every module's JUnit
 * reports, and writes {@value #MARKDOWN_FILE} and {@value #HTML_FILE}.
 *
 * <p>Run by the build of {@code validation-docs} in the {@code verify} phase. Requirements that are
 * not covered or whose tests did not run are shown, not fatal, because modules may be built with
 * {@code -DskipTests}. A tag that names an unknown requirement id and an invalid URS.md are fatal:
 * the generator throws with a message that names the place to fix (after writing the matrix, which
 * lists the unknown ids too).
 */
public final class TraceabilityMatrixGenerator {

  /** Where the requirements are, relative to the repository root. */
  public static final String URS_FILE = "validation-docs/src/docs/URS.md";

  public static final String MARKDOWN_FILE = "traceability-matrix.md";
  public static final String HTML_FILE = "traceability-matrix.html";

  private TraceabilityMatrixGenerator() {}

  /**
   * Generates the matrix, prints its summary and fails on unknown requirement ids.
   *
   * @param args the repository root and the folder to write the matrix to
   * @throws IOException if a file cannot be read or written
   * @throws IllegalArgumentException if the arguments are wrong or URS.md is invalid
   * @throws IllegalStateException if a test tag names an unknown requirement id
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "Usage: TraceabilityMatrixGenerator <repository root> <output folder>, got "
              + List.of(args));
    }
    TraceabilityMatrix matrix = generate(Path.of(args[0]), Path.of(args[1]), Instant.now());
    System.out.println(matrix.summary());
    matrix.requireKnownRequirementIds(URS_FILE);
  }

  /** Reads everything under {@code root} and writes both matrix files into {@code outputDir}. */
  static TraceabilityMatrix generate(Path root, Path outputDir, Instant now) throws IOException {
    Path repository = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(repository)) {
      throw new NoSuchFileException(
          repository.toString(), null, "the repository root is no folder");
    }
    List<Requirement> requirements = UserRequirements.read(repository.resolve(URS_FILE));
    TestSources sources = TestSourceScanner.scan(repository);
    TestReports reports = TestReports.read(repository);
    TraceabilityMatrix matrix =
        TraceabilityMatrix.build(
            requirements, sources, reports, now, BuildEvidence.of(repository, reports));
    Files.createDirectories(outputDir);
    Files.writeString(
        outputDir.resolve(MARKDOWN_FILE),
        new MarkdownMatrix().render(matrix),
        StandardCharsets.UTF_8);
    Files.writeString(
        outputDir.resolve(HTML_FILE), new HtmlMatrix().render(matrix), StandardCharsets.UTF_8);
    return matrix;
  }
}
