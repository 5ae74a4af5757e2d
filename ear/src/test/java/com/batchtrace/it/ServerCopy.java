package com.batchtrace.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A further copy of the built server for tests that need one besides the test stack's: the same
 * WildFly home, a base folder of its own (configuration as built, an empty log, the EAR).
 */
final class ServerCopy {

  private ServerCopy() {}

  /** The server's configuration as built, an empty log, and the EAR to deploy. */
  static void freshBase(Path home, Path base) throws IOException {
    if (Files.exists(base)) {
      try (Stream<Path> old = Files.walk(base)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path configuration = home.resolve("standalone/configuration");
    try (Stream<Path> files = Files.list(configuration)) {
      Files.createDirectories(base.resolve("configuration"));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, base.resolve("configuration").resolve(file.getFileName()));
      }
    }
    Files.createDirectories(base.resolve("deployments"));
    Files.copy(
        Path.of(TestStack.property("batchtrace.ear")),
        base.resolve("deployments/batchtrace.ear"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }
}
