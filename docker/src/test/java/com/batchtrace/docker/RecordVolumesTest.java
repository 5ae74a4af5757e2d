package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the container stack the records that must outlive a container, the archive packages and the
 * signed checkpoint log with its key, live on named volumes, and the entrypoint makes the
 * checkpoint key once, readable by the server's user only.
 */
@Tag("URS-052")
class RecordVolumesTest {

  @Test
  void theArchiveAndTheCheckpointsLiveOnNamedVolumes() {
    Map<String, Object> app = StackFiles.composeServices().get("app");
    Map<?, ?> environment = (Map<?, ?>) app.get("environment");
    assertEquals("/var/lib/batchtrace/archive", environment.get("BATCHTRACE_ARCHIVE_DIR"));
    assertEquals(
        "/var/lib/batchtrace/checkpoints/log", environment.get("BATCHTRACE_CHECKPOINT_DIR"));
    List<?> volumes = (List<?>) app.get("volumes");
    assertTrue(volumes.contains("archive:/var/lib/batchtrace/archive"), String.valueOf(volumes));
    assertTrue(
        volumes.contains("checkpoints:/var/lib/batchtrace/checkpoints"), String.valueOf(volumes));
  }

  @Test
  void theEntrypointMakesTheCheckpointKeyOnceForTheServerOnly(@TempDir Path home)
      throws IOException, InterruptedException {
    String first = entrypoint(home);
    assertTrue(first.contains("made the checkpoint key"), first);
    Path key = home.resolve("checkpoint-key.p12");
    assertTrue(Files.size(key) > 0, first);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertTrue(
        Files.readString(home.resolve("checkpoint-certificate.pem")).contains("CERTIFICATE"));
    byte[] made = Files.readAllBytes(key);
    String second = entrypoint(home);
    assertTrue(!second.contains("made the checkpoint key"), second);
    assertTrue(java.util.Arrays.equals(made, Files.readAllBytes(key)), "the key is kept");
  }

  private static String entrypoint(Path home) throws IOException, InterruptedException {
    ProcessBuilder entrypoint =
        new ProcessBuilder("sh", StackFiles.file("app-entrypoint.sh").toString())
            .redirectErrorStream(true);
    entrypoint.environment().put("BATCHTRACE_DB_URL", "jdbc:postgresql://postgres/batchtrace");
    entrypoint.environment().put("BATCHTRACE_DB_USER", "batchtrace_app");
    entrypoint.environment().remove("BATCHTRACE_CHECKPOINT_KEYSTORE");
    entrypoint.environment().put("BATCHTRACE_CHECKPOINTS_HOME", home.toString());
    // No WildFly here: the entrypoint ends when it tries to start it.
    entrypoint.environment().put("JBOSS_HOME", "/nonexistent");
    Process run = entrypoint.start();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the entrypoint ended");
    return new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
