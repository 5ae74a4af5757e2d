package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files of the docker/ module and the build properties the tests compare them with.
 *
 * <p>Every value comes from the Maven build (maven-surefire-plugin's systemPropertyVariables in
 * docker/pom.xml). A test run outside Maven has none of them and fails here, loudly, instead of
 * comparing against nothing and passing.
 */
final class StackFiles {

  static final String REALM_FILE = "keycloak/realm-plant.json";

  private StackFiles() {}

  /**
   * A system property set by the Maven build; fails the test if it is missing, blank, or an
   * unresolved {@code ${...}} placeholder.
   */
  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      fail(
          "System property '"
              + name
              + "' is "
              + (value == null ? "not set" : "'" + value + "'")
              + ". Run the tests with Maven (./mvnw -pl docker verify): docker/pom.xml passes it"
              + " from the parent pom.xml through maven-surefire-plugin's"
              + " systemPropertyVariables.");
    }
    return value.trim();
  }

  /** A file of the docker/ module, which must exist. */
  static Path file(String relativePath) {
    Path path = Path.of(requiredProperty("docker.module.dir")).resolve(relativePath);
    assertTrue(Files.isRegularFile(path), "docker/" + relativePath + " is missing (" + path + ")");
    return path;
  }

  /** The text of a file of the docker/ module. */
  static String read(String relativePath) {
    try {
      return Files.readString(file(relativePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read docker/" + relativePath, e);
    }
  }

  /** The Keycloak realm export imported by the keycloak service. */
  static JsonNode realm() {
    try {
      return new ObjectMapper().readTree(read(REALM_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("docker/" + REALM_FILE + " is not valid JSON", e);
    }
  }

  /** The client with this clientId in the realm; fails if there is none. */
  static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (clientId.equals(client.path("clientId").asText())) {
        return client;
      }
    }
    fail("docker/" + REALM_FILE + " has no client with clientId '" + clientId + "'");
    return null;
  }

  /** A text field of a JSON object; fails, naming {@code where}, if it is absent. */
  static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    assertNotNull(value, where + " has no '" + field + "' in docker/" + REALM_FILE);
    return value.asText();
  }

  /** The services of docker/compose.yaml, by name, in file order. */
  static Map<String, Map<String, Object>> composeServices() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object document = yaml.load(StackFiles.read("compose.yaml"));
    Map<?, ?> compose =
        assertInstanceOf(Map.class, document, "docker/compose.yaml is not a YAML mapping");
    Map<?, ?> services =
        assertInstanceOf(
            Map.class, compose.get("services"), "docker/compose.yaml has no 'services' mapping");
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    services.forEach(
        (name, service) -> {
          Map<?, ?> definition =
              assertInstanceOf(
                  Map.class,
                  service,
                  "docker/compose.yaml service '" + name + "' is not a mapping");
          Map<String, Object> fields = new LinkedHashMap<>();
          definition.forEach((key, value) -> fields.put(String.valueOf(key), value));
          byName.put(String.valueOf(name), fields);
        });
    return byName;
  }
}
