package com.batchtrace.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The results of the last test run: the JUnit XML reports ({@code TEST-*.xml}) in {@code
 * target/surefire-reports} and {@code target/failsafe-reports} of every module, reduced to one
 * outcome per test method.
 *
 * <p>Reports name a test case by class and by a name that is the method name, the method with its
 * parameter types ({@code check(String)}), a parameterized or repeated invocation ({@code
 * check(String)[2]}) or, with display names in the reports, the {@code @DisplayName}. All these are
 * brought back to the method, so that the tag found in the source meets the result.
 */
final class TestReports {

  private static final List<String> REPORT_FOLDERS =
      List.of("target/surefire-reports", "target/failsafe-reports");
  private static final Pattern METHOD_FORM =
      Pattern.compile(
          "(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\s*(\\(.*\\))?\\s*(\\[\\d+])?");
  private static final Pattern INVOCATION_INDEX = Pattern.compile("\\s*\\[\\d+]$");

  /** A reported test case: module folder, class name and normalised name. */
  private record Key(String module, String className, String name) {}

  private final Path root;
  private final Map<Key, TestOutcome> outcomes;
  private final Map<Key, Instant> reportedAt;
  private final List<String> files;
  private final List<String> staleReports;
  private final List<Instant> reportTimes;

  private TestReports(
      Path root,
      Map<Key, TestOutcome> outcomes,
      Map<Key, Instant> reportedAt,
      List<String> files,
      List<String> staleReports,
      List<Instant> reportTimes) {
    this.root = root;
    this.outcomes = outcomes;
    this.reportedAt = reportedAt;
    this.files = List.copyOf(files);
    this.staleReports = List.copyOf(staleReports);
    this.reportTimes = List.copyOf(reportTimes);
  }

  /**
   * Reads every module's reports under {@code root}; none is fine (tests were skipped). A report
   * older than its module's build (its compiled classes, and for the ear module the EAR) is not
   * evidence for this build: its results count as not run, and the report is listed as stale.
   */
  static TestReports read(Path root) throws IOException {
    Map<Key, TestOutcome> outcomes = new HashMap<>();
    Map<Key, Instant> reportedAt = new HashMap<>();
    List<String> files = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    DocumentBuilder parser = newParser();
    for (Path module : Modules.of(root)) {
      Instant built = null;
      for (String folder : REPORT_FOLDERS) {
        for (Path report : Modules.files(module.resolve(folder), TestReports::isReport)) {
          if (built == null) {
            built = builtAt(module);
          }
          Instant at = Files.getLastModifiedTime(report).toInstant();
          times.add(at);
          boolean older = at.isBefore(built);
          if (older) {
            stale.add(Modules.relative(root, report));
          }
          readReport(parser, report, Modules.name(module), outcomes, reportedAt, at, older);
          files.add(Modules.relative(root, report));
        }
      }
    }
    return new TestReports(root, outcomes, reportedAt, files, stale, times);
  }

  /**
   * When a module was last built: its newest compiled class, main or test, and for the ear module
   * the EAR (its tests run against it).
   */
  static Instant builtAt(Path module) throws IOException {
    Instant newest = Instant.EPOCH;
    List<Path> outputs = new ArrayList<>();
    outputs.addAll(Modules.files(module.resolve("target/classes"), name -> true));
    outputs.addAll(Modules.files(module.resolve("target/test-classes"), name -> true));
    // Only the module's own EAR: tests copy it into server folders under target/ as they run.
    Path target = module.resolve("target");
    if (Files.isDirectory(target)) {
      try (java.util.stream.Stream<Path> files = Files.list(target)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".ear") && Files.isRegularFile(f))
            .forEach(outputs::add);
      }
    }
    for (Path output : outputs) {
      Instant at = Files.getLastModifiedTime(output).toInstant();
      if (at.isAfter(newest)) {
        newest = at;
      }
    }
    return newest;
  }

  /** The reports older than their module's build, relative to the root. */
  List<String> staleReports() {
    return staleReports;
  }

  /** The oldest report's time, if any report was read. */
  Optional<Instant> oldestReport() {
    return reportTimes.stream().min(Instant::compareTo);
  }

  /** The newest report's time, if any report was read. */
  Optional<Instant> newestReport() {
    return reportTimes.stream().max(Instant::compareTo);
  }

  /** The report files read, relative to the root. */
  List<String> files() {
    return files;
  }

  /**
   * The outcome of a tagged test: found under its method name, its display name or the method name
   * with underscores as spaces (JUnit's {@code ReplaceUnderscores}); {@link TestOutcome#NOT_RUN}
   * when no report names it.
   */
  TestOutcome outcomeOf(TaggedTest tagged) {
    TestMethod test = tagged.test();
    List<String> names = new ArrayList<>();
    names.add(test.methodName());
    if (tagged.displayName() != null) {
      names.add(normalisedName(tagged.displayName()));
    }
    names.add(test.methodName().replace('_', ' '));
    for (String name : names) {
      Key key = new Key(test.module(), test.className(), name);
      TestOutcome outcome = outcomes.get(key);
      if (outcome != null) {
        return editedSince(test, reportedAt.get(key)) ? TestOutcome.NOT_RUN : outcome;
      }
    }
    return TestOutcome.NOT_RUN;
  }

  /**
   * Whether the test's source file changed after the report that gave its result: the result is
   * then of another test than the one the source shows.
   */
  boolean editedSince(TestMethod test, Instant reported) {
    if (reported == null) {
      return false;
    }
    String topLevel = test.className().replaceFirst("\\$.*$", "");
    Path source =
        root.resolve(test.module())
            .resolve("src/test/java")
            .resolve(topLevel.replace('.', '/') + ".java");
    try {
      return Files.isRegularFile(source)
          && Files.getLastModifiedTime(source).toInstant().isAfter(reported);
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * The reported outcome of every test case of a class, found by its simple name in any module and
   * package, keyed by the method (or display) name, sorted; empty when no report names the class.
   * The performance qualification looks its scenario test up this way, tagged or not.
   */
  SortedMap<String, TestOutcome> outcomesOfClass(String simpleName) {
    SortedMap<String, TestOutcome> result = new TreeMap<>();
    outcomes.forEach(
        (key, outcome) -> {
          String name = key.className();
          if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
            result.merge(key.name(), outcome, TestOutcome::combine);
          }
        });
    return result;
  }

  /**
   * The method name in a reported test case name ({@code check}, {@code check()}, {@code
   * check(String)[1]}); a display name comes back as it is, without an invocation index.
   */
  static String normalisedName(String reportedName) {
    String name = reportedName.strip();
    Matcher method = METHOD_FORM.matcher(name);
    if (method.matches()) {
      return method.group(1);
    }
    return INVOCATION_INDEX.matcher(name).replaceFirst("");
  }

  private static boolean isReport(String fileName) {
    return fileName.startsWith("TEST-") && fileName.endsWith(".xml");
  }

  private static void readReport(
      DocumentBuilder parser,
      Path report,
      String module,
      Map<Key, TestOutcome> outcomes,
      Map<Key, Instant> reportedAt,
      Instant at,
      boolean olderThanBuild)
      throws IOException {
    Document document;
    try {
      document = parser.parse(report.toFile());
    } catch (SAXException e) {
      throw new IOException(
          "The test report " + report + " is not valid XML: " + e.getMessage(), e);
    }
    NodeList testCases = document.getElementsByTagName("testcase");
    for (int i = 0; i < testCases.getLength(); i++) {
      Element testCase = (Element) testCases.item(i);
      String className = testCase.getAttribute("classname").strip();
      if (className.isEmpty()) {
        continue;
      }
      Key key = new Key(module, className, normalisedName(testCase.getAttribute("name")));
      outcomes.merge(
          key, olderThanBuild ? TestOutcome.NOT_RUN : resultOf(testCase), TestOutcome::combine);
      reportedAt.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  /** A failure or error child means failed, a skipped child skipped, none passed. */
  private static TestOutcome resultOf(Element testCase) {
    TestOutcome outcome = TestOutcome.PASSED;
    for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      switch (child.getNodeName()) {
        case "failure", "error" -> {
          return TestOutcome.FAILED;
        }
        case "skipped" -> outcome = TestOutcome.SKIPPED;
        default -> {}
      }
    }
    return outcome;
  }

  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser cannot be configured safely", e);
    }
  }
}
