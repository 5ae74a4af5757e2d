package com.batchtrace.validation.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IQ-18 finds a server by its installation folder and reads its environment as Linux shows it: a
 * real process started here with a WildFly-like command line and the owner's password.
 */
@Tag("URS-042")
class WildFlyProcessTest {

  @Test
  void findsTheServerOfItsHomeAndSeesTheOwnersPasswordInItsEnvironment(@TempDir Path home)
      throws Exception {
    Path real = home.toRealPath();
    Files.createDirectories(real.resolve("other"));
    // "; true" keeps bash from replacing itself with sleep, so the command line stays.
    ProcessBuilder start =
        new ProcessBuilder("bash", "-c", "sleep 30; true", "java", "-Djboss.home.dir=" + real);
    start.environment().put("BATCHTRACE_DB_OWNER_PASSWORD", "batchtrace-owner-demo");
    Process server = start.start();
    try {
      Thread.sleep(200);
      assertEquals(List.of(server.pid()), WildFlyProcess.of(real));
      assertEquals(List.of(), WildFlyProcess.of(real.resolve("other")));
      Map<String, String> environment = WildFlyProcess.environment(server.pid());
      assertEquals("batchtrace-owner-demo", environment.get("BATCHTRACE_DB_OWNER_PASSWORD"));
      assertTrue(environment.containsKey("PATH"));
    } finally {
      server.destroyForcibly();
    }
  }
}
