package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With the identity provider down, a user gets a page that says so, not a stack trace.
 *
 * <p>This class stops the test run's Keycloak, so it must run last: failsafe runs the classes in
 * alphabetical order (ear/pom.xml) and this name sorts after every other test class.
 */
@Tag("URS-011")
class UnavailableIdentityProviderIT extends DeployedApplication {

  @BeforeAll
  static void theIdentityProviderGoesDown() throws Exception {
    // Failsafe runs the classes in alphabetical order: a class named after this one would meet a
    // stopped Keycloak. Refuse (before stopping it) and name the class to rename.
    try (Stream<Path> sources = Files.list(Path.of("src/test/java/com/batchtrace/it"))) {
      String last =
          sources
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("IT.java"))
              .map(n -> n.substring(0, n.length() - ".java".length()))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
      assertEquals(
          UnavailableIdentityProviderIT.class.getSimpleName(),
          last,
          "rename " + last + " so it sorts before this class, which stops Keycloak");
    }
    long pid =
        Long.parseLong(Files.readString(Path.of(TestStack.property("keycloak.pid.file"))).strip());
    ProcessHandle keycloak = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> tree = Stream.concat(keycloak.descendants(), Stream.of(keycloak)).toList();
    tree.forEach(ProcessHandle::destroy);
    // Wait for every process of the tree to end, at most 30 s.
    CompletableFuture.allOf(
            tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);
    URI url = URI.create(TestStack.keycloak());
    assertTrue(!listening(url), "Keycloak is still listening at " + url);
  }

  @Test
  void aPageRequestAnswers503WithAClearSignInUnavailablePage() {
    HttpResponse<String> response =
        TestStack.send(
            HttpRequest.newBuilder(TestStack.app("/terminal/index.xhtml"))
                .header("Accept", "text/html"));

    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("Sign-in is unavailable"), response.body());
    assertTrue(response.body().contains("identity provider"), response.body());
    assertTrue(!response.body().contains("Exception"), "no stack trace");
  }

  private static boolean listening(URI url) {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
