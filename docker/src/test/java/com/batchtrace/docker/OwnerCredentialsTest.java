package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In the container stack, only the migration step holds the owner role's credentials: the app
 * service has none in its environment, starts only after the migration succeeded, and its
 * entrypoint refuses to start WildFly when the owner's password is given to it anyway.
 */
@Tag("URS-042")
class OwnerCredentialsTest {

  @Test
  void onlyTheMigrateServiceGetsTheOwnersCredentialsAndTheAppWaitsForIt() {
    Map<String, Map<String, Object>> services = StackFiles.composeServices();
    Map<String, Object> migrate = services.get("migrate");
    Map<String, Object> app = services.get("app");
    assertTrue(
        String.valueOf(migrate.get("entrypoint")).contains("batchtrace-db-migrator.jar"),
        "the migrate service runs the migrator: " + migrate.get("entrypoint"));
    assertTrue(
        ((Map<?, ?>) migrate.get("environment")).containsKey("BATCHTRACE_DB_OWNER_PASSWORD"));
    List<String> ownerSettings =
        ((Map<?, ?>) app.get("environment"))
            .keySet().stream()
                .map(String::valueOf)
                .filter(name -> name.startsWith("BATCHTRACE_DB_OWNER"))
                .toList();
    assertEquals(List.of(), ownerSettings, "the app service's owner settings");
    assertEquals(
        "{condition=service_completed_successfully}",
        String.valueOf(((Map<?, ?>) app.get("depends_on")).get("migrate")),
        "the app starts only after the migration succeeded");
  }

  @Test
  void theEntrypointRefusesTheOwnersPassword() throws IOException, InterruptedException {
    ProcessBuilder entrypoint =
        new ProcessBuilder("sh", StackFiles.file("app-entrypoint.sh").toString())
            .redirectErrorStream(true);
    entrypoint.environment().put("BATCHTRACE_DB_URL", "jdbc:postgresql://postgres/batchtrace");
    entrypoint.environment().put("BATCHTRACE_DB_USER", "batchtrace_app");
    entrypoint.environment().put("BATCHTRACE_DB_OWNER_PASSWORD", "batchtrace-owner-demo");
    // Were it to start WildFly, there is none here: the exit code and output would differ.
    entrypoint.environment().put("JBOSS_HOME", "/nonexistent");
    Process run = entrypoint.start();
    assertTrue(run.waitFor(20, TimeUnit.SECONDS), "the entrypoint ended");
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, run.exitValue(), output);
    assertTrue(output.contains("BATCHTRACE_DB_OWNER_PASSWORD is set"), output);
  }
}
