package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * URS-010 (versions controlled and reproducible): the container stack runs exactly the versions the
 * build qualifies.
 *
 * <p>The parent pom.xml is the one place that names the versions of the runtime stack; docker/
 * repeats them as literals (a Dockerfile ARG default and the compose image tags) so that {@code
 * docker compose} needs no Maven. These tests fail the build as soon as the two drift apart, and as
 * soon as an image floats ({@code latest} or no tag) or the demo client secret of docker/.env no
 * longer matches the realm the keycloak service imports.
 */
@Tag("URS-010")
class VersionAgreementTest {

  private static final Pattern WILDFLY_VERSION_ARG =
      Pattern.compile("^\\s*ARG\\s+WILDFLY_VERSION=(\\S+)\\s*$", Pattern.MULTILINE);

  @Test
  void dockerfileBuildsOnTheQualifiedWildFlyVersion() {
    String expected = StackFiles.requiredProperty("wildfly.version");
    Matcher arg = WILDFLY_VERSION_ARG.matcher(StackFiles.read("Dockerfile"));
    List<String> defaults = new ArrayList<>();
    while (arg.find()) {
      defaults.add(unquote(arg.group(1)));
    }
    assertEquals(
        1,
        defaults.size(),
        "docker/Dockerfile must declare exactly one 'ARG WILDFLY_VERSION=<version>' default, found "
            + defaults);
    assertEquals(
        expected,
        defaults.get(0),
        "WildFly version drifted: docker/Dockerfile has 'ARG WILDFLY_VERSION="
            + defaults.get(0)
            + "' but the build qualifies wildfly.version="
            + expected
            + ". Make the ARG default in docker/Dockerfile equal <wildfly.version> in the parent"
            + " pom.xml.");
  }

  @Test
  void keycloakServiceRunsTheQualifiedKeycloakVersion() {
    assertServiceImage("keycloak", "quay.io/keycloak/keycloak", "keycloak.version");
  }

  @Test
  void postgresServiceRunsTheQualifiedPostgreSqlServerVersion() {
    assertServiceImage("postgres", "postgres", "postgresql.server.version");
  }

  @Test
  void mosquittoServiceRunsTheQualifiedMosquittoVersion() {
    assertServiceImage("mosquitto", "eclipse-mosquitto", "mosquitto.version");
  }

  @Test
  void everyServiceImageIsPinned() {
    Map<String, Map<String, Object>> services = StackFiles.composeServices();
    List<Executable> checks = new ArrayList<>();
    services.forEach(
        (name, service) ->
            checks.add(
                () -> {
                  Object image = service.get("image");
                  if (image == null) {
                    assertNotNull(
                        service.get("build"),
                        "docker/compose.yaml service '"
                            + name
                            + "' has neither 'image' nor 'build': give it a pinned image.");
                    return;
                  }
                  ImageReference reference = ImageReference.parse(String.valueOf(image));
                  assertTrue(
                      reference.isPinned(),
                      "docker/compose.yaml service '"
                          + name
                          + "' uses image '"
                          + image
                          + "', which is not pinned: name a literal version tag (not 'latest',"
                          + " not missing, no ${...} variable) or a digest, so every start runs"
                          + " the version that was qualified.");
                }));
    assertAll("every image of docker/compose.yaml is pinned", checks);
  }

  @Test
  void demoClientSecretInEnvEqualsTheRealmClientSecret() {
    String inEnv = envFile().get("BATCHTRACE_OIDC_CLIENT_SECRET");
    assertNotNull(
        inEnv,
        "docker/.env does not set BATCHTRACE_OIDC_CLIENT_SECRET, which compose.yaml hands to the"
            + " app service");
    String inRealm =
        StackFiles.text(
            StackFiles.client(StackFiles.realm(), "batchtrace"), "secret", "client 'batchtrace'");
    assertEquals(
        inRealm,
        inEnv,
        "Client secret drifted: BATCHTRACE_OIDC_CLIENT_SECRET in docker/.env differs from the"
            + " 'secret' of client 'batchtrace' in docker/"
            + StackFiles.REALM_FILE
            + ", so the app could not sign in at Keycloak. Make the two equal.");
  }

  private static void assertServiceImage(
      String service, String expectedRepository, String versionProperty) {
    String expectedTag = StackFiles.requiredProperty(versionProperty);
    Map<String, Object> definition = StackFiles.composeServices().get(service);
    assertNotNull(definition, "docker/compose.yaml has no service '" + service + "'");
    Object image = definition.get("image");
    assertNotNull(image, "docker/compose.yaml service '" + service + "' has no image");
    ImageReference reference = ImageReference.parse(String.valueOf(image));
    assertAll(
        "image of service '" + service + "' in docker/compose.yaml",
        () ->
            assertEquals(
                expectedRepository,
                reference.repository(),
                "docker/compose.yaml service '"
                    + service
                    + "' uses image '"
                    + image
                    + "' instead of "
                    + expectedRepository
                    + ": the build qualifies only that image."),
        () ->
            assertEquals(
                expectedTag,
                reference.tag(),
                "Version drifted: docker/compose.yaml service '"
                    + service
                    + "' uses image '"
                    + image
                    + "' but the build qualifies "
                    + versionProperty
                    + "="
                    + expectedTag
                    + ". Make the image tag in docker/compose.yaml equal <"
                    + versionProperty
                    + "> in the parent pom.xml."));
  }

  /** The KEY=VALUE settings of docker/.env, as docker compose reads them (comments skipped). */
  private static Map<String, String> envFile() {
    Map<String, String> settings = new LinkedHashMap<>();
    String[] lines = StackFiles.read(".env").split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        fail("docker/.env line " + (i + 1) + " is not KEY=VALUE: " + lines[i]);
      }
      String key = line.substring(0, equals).strip();
      String previous = settings.put(key, unquote(line.substring(equals + 1).strip()));
      assertNull(previous, "docker/.env sets " + key + " twice (line " + (i + 1) + ")");
    }
    return settings;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /**
   * An image reference {@code [registry[:port]/]repository[:tag][@digest]}; {@code tag} and {@code
   * digest} are null when absent.
   */
  record ImageReference(String repository, String tag, String digest) {

    static ImageReference parse(String image) {
      String name = image.strip();
      String digest = null;
      int at = name.indexOf('@');
      if (at >= 0) {
        digest = name.substring(at + 1);
        name = name.substring(0, at);
      }
      int colon = name.lastIndexOf(':');
      if (colon > name.lastIndexOf('/')) {
        return new ImageReference(name.substring(0, colon), name.substring(colon + 1), digest);
      }
      return new ImageReference(name, null, digest);
    }

    /** A literal, non-floating tag, or a digest. */
    boolean isPinned() {
      if (repository.contains("$") || tag != null && tag.contains("$")) {
        return false;
      }
      if (digest != null && !digest.isBlank()) {
        return true;
      }
      return tag != null && !tag.isBlank() && !tag.equals("latest");
    }
  }
}
