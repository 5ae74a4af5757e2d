package com.batchtrace.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The module folders of the repository and the files in them. Only the folders directly under the
 * root are modules (the layout of this reactor), so the scan stays predictable and never wanders
 * into build output or tool folders.
 */
final class Modules {

  private Modules() {}

  /** The folders directly under {@code root}, without hidden ones, sorted by name. */
  static List<Path> of(Path root) throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .filter(folder -> !folder.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * The regular files below {@code folder} whose names pass {@code fileName}, sorted; none if it
   * does not exist.
   */
  static List<Path> files(Path folder, Predicate<String> fileName) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> fileName.test(file.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  /** The module's name as the matrix shows it: its folder name. */
  static String name(Path module) {
    return module.getFileName().toString();
  }

  /** {@code file} relative to {@code root}, with {@code /} on every system. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
