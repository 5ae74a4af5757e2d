package com.batchtrace.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks the test sources of every module ({@code <root>/<module>/src/test/java}) and collects what
 * {@link TestClassParser} finds in each file, so the matrix sees every tagged test of the
 * repository, whichever module it is in.
 */
final class TestSourceScanner {

  private static final String TEST_SOURCES = "src/test/java";

  private TestSourceScanner() {}

  static TestSources scan(Path root) throws IOException {
    TestSources all = new TestSources(List.of(), List.of());
    for (Path module : Modules.of(root)) {
      for (Path file :
          Modules.files(module.resolve(TEST_SOURCES), name -> name.endsWith(".java"))) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        all =
            all.plus(
                TestClassParser.parse(source, Modules.name(module), Modules.relative(root, file)));
      }
    }
    return all;
  }
}
