package com.batchtrace.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small repository in a temporary folder: a URS.md and modules with test sources and JUnit
 * reports, so the generator can be run on situations the real repository does not have.
 */
final class FakeRepository {

  /** Three requirements, enough for every status. */
  static final String URS =
      """
      # URS

      ### URS-001 Sign in
      - **Risk:** high

      ### URS-002 Roles <admin> & co
      - **Risk:** low

      ### URS-003 Audit trail
      - **Risk:** medium
      """;

  private final Path root;

  FakeRepository(Path root) throws IOException {
    this.root = root;
    urs(URS);
  }

  Path root() {
    return root;
  }

  FakeRepository urs(String text) throws IOException {
    return write(TraceabilityMatrixGenerator.URS_FILE, text);
  }

  /** A test source {@code <module>/src/test/java/<package path>/<class>.java}. */
  FakeRepository testSource(String module, String className, String source) throws IOException {
    return write(module + "/src/test/java/" + className.replace('.', '/') + ".java", source);
  }

  /**
   * A report {@code <module>/target/<folder>/TEST-<suite>.xml} with the given test cases, dated a
   * minute from now: the run came after the sources and classes written so far.
   */
  FakeRepository report(String module, String folder, String suite, String testCases)
      throws IOException {
    String path = module + "/target/" + folder + "/TEST-" + suite + ".xml";
    write(
        path,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
            + suite
            + "\">\n"
            + testCases
            + "</testsuite>\n");
    return touch(path, java.time.Instant.now().plusSeconds(60));
  }

  /** Sets a file's modification time: when it was written, as the build sees it. */
  FakeRepository touch(String relativePath, java.time.Instant time) throws IOException {
    Files.setLastModifiedTime(
        root.resolve(relativePath), java.nio.file.attribute.FileTime.from(time));
    return this;
  }

  /** A {@code <testcase>} element, with {@code child} (e.g. {@code <failure/>}) or empty. */
  static String testCase(String className, String name, String child) {
    return "  <testcase classname=\""
        + className
        + "\" name=\""
        + name
        + "\">"
        + child
        + "</testcase>\n";
  }

  FakeRepository write(String relativePath, String text) throws IOException {
    Path file = root.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }
}
