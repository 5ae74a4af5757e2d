package com.batchtrace.validation;

import com.batchtrace.validation.PackageRenderer.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the validation package: the traceability matrix first ({@link
 * TraceabilityMatrixGenerator}), then URS, FS, RA, IQ, OQ and PQ from {@value #DOCS} with their
 * generated parts ({@link PackageDocuments}), the matrix and the newest IQ record, rendered to HTML
 * pages, an index and one PDF in {@code <output>/}{@value #PACKAGE_FOLDER}.
 *
 * <p>Run by the build of {@code validation-docs} in the {@code verify} phase, and again by the IQ
 * ({@code ./batchtrace iq}) so that its record joins the package. Fails, after writing what it can,
 * when FS.md or RA.md misses a requirement of URS.md or names one that is not there, and when a
 * test tag names an unknown requirement id.
 */
public final class ValidationPackageGenerator {

  /** Where the document sources are, relative to the repository root. */
  public static final String DOCS = "validation-docs/src/docs";

  public static final String PACKAGE_FOLDER = "validation-package";

  /** The file name of an IQ record in the package folder; the newest is the one included. */
  public static final String IQ_RECORD_PREFIX = "iq-record-";

  private ValidationPackageGenerator() {}

  /**
   * Builds the package, prints where it is and fails on gaps.
   *
   * @param args the repository root, the output folder (the module's {@code target}) and the
   *     application version
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "Usage: ValidationPackageGenerator <repository root> <output folder> <version>, got "
              + List.of(args));
    }
    Result result = generate(Path.of(args[0]), Path.of(args[1]), args[2], Instant.now());
    System.out.println(result.matrix().summary());
    System.out.println(
        "Validation package: "
            + result.folder().resolve(PackageRenderer.INDEX_FILE)
            + " and "
            + result.folder().resolve(PackageRenderer.PDF_FILE));
    PackageCompleteness.require(result.problems());
    result.matrix().requireKnownRequirementIds(TraceabilityMatrixGenerator.URS_FILE);
    requireFailurePathTests(Path.of(args[0]), result.matrix());
  }

  /** What was built: the matrix, the package folder and what the package lacks. */
  public record Result(TraceabilityMatrix matrix, Path folder, List<String> problems) {}

  /** Fails when a requirement of high risk priority has no failure-path test (RA.md, Method). */
  static void requireFailurePathTests(Path root, TraceabilityMatrix matrix) throws IOException {
    Path ra = root.toAbsolutePath().normalize().resolve(DOCS).resolve("RA.md");
    List<String> missing =
        FailingPaths.missing(
            matrix,
            RiskAssessment.parse(Files.readString(ra, StandardCharsets.UTF_8), DOCS + "/RA.md"),
            DOCS + "/RA.md");
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "High-priority requirements without a failure-path test:"
              + System.lineSeparator()
              + "  "
              + String.join(System.lineSeparator() + "  ", missing));
    }
  }

  /** Writes the matrix and the package under {@code outputDir}; returns the gaps found. */
  public static Result generate(Path root, Path outputDir, String version, Instant now)
      throws IOException {
    Path repository = root.toAbsolutePath().normalize();
    TraceabilityMatrix matrix = TraceabilityMatrixGenerator.generate(repository, outputDir, now);
    Path docs = repository.resolve(DOCS);
    List<Requirement> requirements =
        UserRequirements.read(repository.resolve(TraceabilityMatrixGenerator.URS_FILE));
    String fs = read(docs, "FS.md");
    String ra = read(docs, "RA.md");
    Map<String, Integer> fsSections = RequirementSections.parse(fs, DOCS + "/FS.md");
    RiskAssessment risks = RiskAssessment.parse(ra, DOCS + "/RA.md");
    List<String> problems =
        new ArrayList<>(
            PackageCompleteness.problems(
                requirements, DOCS + "/FS.md", fsSections, DOCS + "/RA.md", risks));
    SystemHazards systemHazards = SystemHazards.parse(List.of(ra.split("\n", -1)), 1);
    problems.addAll(
        systemHazards.problems(
            requirements.stream().map(Requirement::id).collect(Collectors.toSet()),
            DOCS + "/RA.md"));
    String clauseText = read(docs, "CLAUSES.md");
    List<ClauseMap.Entry> clauses = ClauseMap.parse(clauseText);
    Map<String, String> sops = sops(docs.resolve("sop"));
    problems.addAll(
        ClauseMap.problems(
            clauses,
            requirements.stream().map(Requirement::id).collect(Collectors.toSet()),
            sops.keySet(),
            DOCS + "/CLAUSES.md"));

    Path folder = outputDir.resolve(PACKAGE_FOLDER);
    Files.createDirectories(folder);
    Optional<Path> iqRecord = newestIqRecord(folder);
    TestReports reports = TestReports.read(repository);

    List<Document> documents = new ArrayList<>();
    documents.add(new Document("plan", "Validation Plan", read(docs, "VP.md")));
    documents.add(
        new Document(
            "urs",
            "User Requirements Specification (URS)",
            PackageDocuments.ursWithComputedRisks(read(docs, "URS.md"), risks)));
    documents.add(new Document("fs", "Functional Specification (FS)", fs));
    documents.add(
        new Document(
            "ra",
            "Risk Assessment (RA)",
            SystemHazards.withPriorities(
                PackageDocuments.riskAssessment(risks, matrix), systemHazards)));
    documents.add(
        new Document(
            "iq",
            "Installation Qualification (IQ) protocol",
            PackageDocuments.fill(
                read(docs, "IQ.md"),
                DOCS + "/IQ.md",
                Map.of("iq-record", iqRecordNote(iqRecord)))));
    documents.add(
        new Document(
            "oq",
            "Operational Qualification (OQ)",
            PackageDocuments.fill(
                read(docs, "OQ.md"),
                DOCS + "/OQ.md",
                Map.of("oq-results", PackageDocuments.oqResults(matrix)))));
    Map<String, String> pq = new LinkedHashMap<>();
    pq.put(
        "pq-execution",
        PackageDocuments.pqExecution(
            testSourcesOf(repository, PackageDocuments.PQ_TEST_CLASS),
            reports.outcomesOfClass(PackageDocuments.PQ_TEST_CLASS)));
    documents.add(
        new Document(
            "pq",
            "Performance Qualification (PQ)",
            PackageDocuments.fill(read(docs, "PQ.md"), DOCS + "/PQ.md", pq)));
    documents.add(
        new Document(
            "traceability-matrix", "Traceability matrix", new MarkdownMatrix().render(matrix)));
    documents.add(
        new Document(
            "clause-map",
            "Regulatory clause map (21 CFR Part 11, EU Annex 11)",
            ClauseMap.withResults(clauseText, matrix)));
    sops.forEach(
        (id, text) ->
            documents.add(
                new Document(
                    id.toLowerCase(java.util.Locale.ROOT),
                    text.lines().findFirst().orElse(id).replaceFirst("^#\\s*", ""),
                    text)));
    documents.add(
        new Document(
            "summary-report",
            "Validation Summary Report",
            SummaryReport.render(
                version,
                matrix,
                problems,
                clauses,
                iqRecord.isPresent()
                    ? Optional.of(Files.readString(iqRecord.get(), StandardCharsets.UTF_8))
                    : Optional.empty(),
                reports.outcomesOfClass(PackageDocuments.PQ_TEST_CLASS),
                openRisks(risks, repository.resolve("README.md")),
                sops.size())));
    if (iqRecord.isPresent()) {
      documents.add(
          new Document(
              "iq-record",
              "Installation Qualification (IQ) record",
              Files.readString(iqRecord.get(), StandardCharsets.UTF_8)));
    }
    String subtitle =
        "Batchtrace "
            + version
            + ", "
            + matrix.build().shortName()
            + ". "
            + PackageDocuments.matrixSummary(matrix)
            + (problems.isEmpty()
                ? ""
                : " INCOMPLETE: " + problems.size() + " gaps in FS, RA or the clause map.");
    new PackageRenderer().write(folder, documents, subtitle, now);
    return new Result(matrix, folder, problems);
  }

  /**
   * The open risks: the RA's "Open risks" section, then each item of the README's "Known limits",
   * so a limit written there is never missing from the summary report.
   */
  static List<String> openRisks(RiskAssessment risks, Path readme) throws IOException {
    List<String> lines = new ArrayList<>(SummaryReport.openRisks(risks));
    if (Files.isRegularFile(readme)) {
      List<String> limits = new ArrayList<>();
      boolean inLimits = false;
      for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
        if (line.startsWith("## ")) {
          inLimits = line.strip().equals("## Known limits");
        } else if (inLimits && line.startsWith("- ")) {
          limits.add(line.substring(2).strip());
        } else if (inLimits && line.startsWith("  ") && !limits.isEmpty()) {
          limits.set(limits.size() - 1, limits.get(limits.size() - 1) + " " + line.strip());
        }
      }
      if (!limits.isEmpty()) {
        lines.add("");
        lines.add("Known limits of this release (README):");
        lines.add("");
        limits.forEach(l -> lines.add("- " + l));
      }
    }
    return lines;
  }

  /** The SOP templates ({@code sop/SOP-nn-*.md}) by id, in order. */
  static Map<String, String> sops(Path folder) throws IOException {
    Map<String, String> sops = new java.util.TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return sops;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.matches("SOP-\\d{2}-.+\\.md")) {
          sops.put(name.substring(0, 6), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return sops;
  }

  /** The newest IQ record in the folder (records are named by their UTC time, so by name). */
  static Optional<Path> newestIqRecord(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(IQ_RECORD_PREFIX))
          .filter(f -> f.getFileName().toString().endsWith(".md"))
          .max(Comparator.comparing(f -> f.getFileName().toString()));
    }
  }

  private static String iqRecordNote(Optional<Path> record) {
    return record
        .map(
            r ->
                "The newest IQ record, `"
                    + r.getFileName()
                    + "`, is part of this package (the last document).")
        .orElse(
            "**No IQ record in this package.** Run `./batchtrace iq` against the installation;"
                + " it writes its dated record into this folder and builds the package again"
                + " with it.");
  }

  /** The test source files of a class with this simple name, in any module, relative to root. */
  static List<String> testSourcesOf(Path root, String simpleName) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path module : Modules.of(root)) {
      for (Path file :
          Modules.files(
              module.resolve("src/test/java"), name -> name.equals(simpleName + ".java"))) {
        found.add(Modules.relative(root, file));
      }
    }
    return found;
  }

  private static String read(Path docs, String name) throws IOException {
    Path file = docs.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "a document of the validation package");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
