package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The running test server, started by Arquillian exactly as the build configures it, holds no owner
 * credentials: its process environment, read from /proc like any local administrator could, names
 * neither the owner's password setting nor contains the owner's password anywhere. The password
 * itself comes to this test (a client of the server) as the system property test.db.owner.password,
 * which the server never sees.
 */
@Tag("URS-042")
class ServerEnvironmentIT extends DeployedApplication {

  @Test
  void theServersEnvironmentHasNoOwnerPassword() throws IOException {
    long pid = testServer();
    List<String> environment =
        Arrays.asList(
            new String(
                    Files.readAllBytes(Path.of("/proc/" + pid + "/environ")),
                    StandardCharsets.UTF_8)
                .split("\0"));
    assertTrue(
        environment.contains("BATCHTRACE_DB_USER=" + TestStack.property("test.db.user")),
        "this is the test server's environment (it has the runtime role)");
    String ownerPassword = TestStack.property("test.db.owner.password");
    List<String> owner =
        environment.stream()
            .filter(e -> e.startsWith("BATCHTRACE_DB_OWNER_") || e.contains(ownerPassword))
            .map(e -> e.substring(0, e.indexOf('=')))
            .toList();
    assertEquals(List.of(), owner, "settings of WildFly (pid " + pid + ") holding the owner's");
  }

  /** The java process of the server Arquillian started: its home and the test port offset. */
  private static long testServer() throws IOException {
    Path home = Path.of(TestStack.property("jboss.home")).toRealPath();
    String offset = "-Djboss.socket.binding.port-offset=" + TestStack.property("test.port.offset");
    List<Long> servers =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  List<String> args = commandLine(p.pid());
                  return args.contains(offset)
                      && args.stream()
                          .filter(a -> a.startsWith("-Djboss.home.dir="))
                          .anyMatch(a -> samePath(a.substring(17), home));
                })
            .map(ProcessHandle::pid)
            .toList();
    assertEquals(1, servers.size(), "one test WildFly of " + home + " runs: " + servers);
    assertFalse(servers.contains(ProcessHandle.current().pid()));
    return servers.get(0);
  }

  private static List<String> commandLine(long pid) {
    try {
      return List.of(
          new String(
                  Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
              .split("\0"));
    } catch (IOException | RuntimeException gone) {
      return List.of();
    }
  }

  private static boolean samePath(String path, Path home) {
    try {
      return Path.of(path).toRealPath().equals(home);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
