package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A session goes on at the other node of a clustered site when its node dies. Two further copies of
 * the built server run the clustered profile (standalone-ha: JGroups over TCP on loopback with a
 * static member list, sessions in Infinispan) against the test stack's database and realm, port
 * offsets 310 and 320. A terminal signs in at the first node (the identity provider's sign-in page,
 * as a browser does), the first node is killed, and the second node serves the same session (its
 * cookie) signed in, without sending the terminal to the identity provider again. The copies do not
 * collect machine data (the test broker's shared subscription stays the test server's).
 */
@Tag("URS-081")
class ClusterSessionIT extends DeployedApplication {

  private static final int FIRST = 310;
  private static final int SECOND = 320;
  private static final String PAGE = "/batchtrace/terminal/index.xhtml";
  private static final Duration START = Duration.ofSeconds(180);

  @Test
  void aSessionWhoseNodeDiedGoesOnAtTheOtherNodeWithoutSigningInAgain() throws Exception {
    for (int offset : new int[] {FIRST, SECOND}) {
      for (int port : new int[] {8080 + offset, 8443 + offset, 9990 + offset, 7600 + offset}) {
        assertFalse(ServerCopy.listening(port), "port " + port + " must be free for a node");
      }
    }
    // A line of the test's own (the operator works on every line of the test run).
    long line =
        RestClient.as(DemoUser.ADMIN).createLine("Cluster plant").getJsonNumber("id").longValue();
    List<Process> nodes = new ArrayList<>();
    try {
      Process first = start("it-node-a", FIRST);
      nodes.add(first);
      nodes.add(start("it-node-b", SECOND));
      awaitDeployed("it-node-a", first);
      awaitDeployed("it-node-b", nodes.get(1));
      awaitClusterOfTwo();

      HttpClient terminal =
          HttpClient.newBuilder()
              .cookieHandler(new LocalhostCookies())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> signedIn = signIn(terminal, node(FIRST) + PAGE, DemoUser.OPERATOR1);
      assertEquals(200, signedIn.statusCode(), signedIn.body());
      assertTrue(signedIn.uri().toString().startsWith(node(FIRST)), "signed in at the first node");
      assertTrue(
          signedIn.body().contains(DemoUser.OPERATOR1.displayName),
          "the terminal shows who signed in");
      // A work queue of a line at the first node: its scan form's view state is kept in the
      // session.
      HttpResponse<String> queue =
          terminal.send(
              HttpRequest.newBuilder(URI.create(node(FIRST) + PAGE + "?line=" + line))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, queue.statusCode(), queue.body());
      String lineName =
          text(queue.body(), "<h2 id=\"line-name\">([^<]+)</h2>", "the line's work queue");

      // The terminal's next page at the first node: a node copies a request's session changes to
      // the other as that request ends, so the work queue's view is on both nodes once the
      // next request of the same session has been answered.
      HttpResponse<String> again =
          terminal.send(
              HttpRequest.newBuilder(
                      URI.create(node(FIRST) + "/batchtrace/terminal/index.xhtml?line=" + line))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, again.statusCode(), again.body());
      // What the browser posts with the work queue's scan form: that page's view state, and its
      // script nonce (PrimeFaces' scripts add it to every form; a post without it is refused).
      String viewState =
          text(
              queue.body(),
              "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"",
              "the scan form's view state");
      String nonce = text(queue.body(), "nonce=\"([^\"]+)\"", "the page's script nonce");

      // The first node dies: its process and the server JVM under it, at once.
      first.descendants().forEach(ProcessHandle::destroyForcibly);
      first.destroyForcibly();
      first.waitFor();

      HttpClient sameCookiesNoRedirects =
          HttpClient.newBuilder()
              .cookieHandler(terminal.cookieHandler().orElseThrow())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> atSecond =
          sameCookiesNoRedirects.send(
              HttpRequest.newBuilder(URI.create(node(SECOND) + PAGE))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(
          200,
          atSecond.statusCode(),
          "the second node serves the session (not a redirect to sign in): "
              + atSecond.headers().firstValue("Location").orElse(""));
      assertTrue(
          atSecond.body().contains("terminal-user")
              && atSecond.body().contains(DemoUser.OPERATOR1.displayName),
          "the same person, still signed in");

      // A form made at the dead node, posted to the second: its view (and the line chosen in it)
      // comes back from the replicated session, so the scan is answered for that line.
      HttpResponse<String> posted =
          sameCookiesNoRedirects.send(
              HttpRequest.newBuilder(URI.create(node(SECOND) + PAGE))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "open-batch=open-batch&open-batch%3Abatch-number=NO-SUCH-BATCH"
                              + "&open-batch%3Aopen=open-batch%3Aopen&jakarta.faces.ViewState="
                              + URLEncoder.encode(viewState, StandardCharsets.UTF_8)
                              + "&primefaces.nonce="
                              + URLEncoder.encode(nonce, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(
          200, posted.statusCode(), "the form posted after the failover: " + posted.body());
      assertTrue(
          posted.body().contains("NO-SUCH-BATCH is not ready on " + lineName),
          "the scan is answered in the view made at the first node: " + posted.body());
    } finally {
      for (Process node : nodes) {
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly();
        node.waitFor();
      }
    }
  }

  private static String text(String body, String pattern, String what) {
    Matcher found = Pattern.compile(pattern).matcher(body);
    assertTrue(found.find(), what + " in: " + body);
    return found.group(1);
  }

  private static String node(int offset) {
    return "http://localhost:" + (8080 + offset);
  }

  private static Path base(String name) {
    return Path.of(TestStack.property("test.build.dir"), "cluster-" + name);
  }

  private static Process start(String name, int offset) throws IOException {
    Path home = Path.of(TestStack.property("jboss.home"));
    Path base = base(name);
    ServerCopy.freshBase(home, base);
    ProcessBuilder start =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone-ha.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.node.name=" + name,
                "-Djboss.tx.node.id=" + name,
                "-Djboss.socket.binding.port-offset=" + offset)
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("console.log").toFile());
    Map<String, String> environment = start.environment();
    environment.put(
        "BATCHTRACE_CLUSTER_MEMBERS",
        "127.0.0.1[" + (7600 + FIRST) + "],127.0.0.1[" + (7600 + SECOND) + "]");
    environment.put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
    // Never a member of the test broker's shared subscription (a dead member's share would wait).
    environment.put("BATCHTRACE_MQTT_ENABLED", "false");
    return start.start();
  }

  private static void awaitDeployed(String name, Process node) throws Exception {
    Path deployments = base(name).resolve("deployments");
    TestStack.await(
        () -> {
          assertTrue(node.isAlive(), name + " stopped: see " + base(name).resolve("console.log"));
          assertFalse(
              Files.exists(deployments.resolve("batchtrace.ear.failed")),
              name + " refused the deployment: see " + base(name).resolve("log/server.log"));
          return Files.exists(deployments.resolve("batchtrace.ear.deployed"));
        },
        START,
        name + " deployed");
  }

  /** Both nodes in one JGroups view, so a session made on one is owned by both. */
  private static void awaitClusterOfTwo() throws Exception {
    TestStack.await(
        () -> viewOfTwo("it-node-a") || viewOfTwo("it-node-b"),
        Duration.ofSeconds(60),
        "a cluster view of both nodes");
  }

  private static boolean viewOfTwo(String name) {
    try {
      return Files.readString(base(name).resolve("log/server.log")).contains("(2) [");
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * Cookies as a browser keeps them: localhost is a secure context, so the Secure cookies of the
   * application and the identity provider go to it over plain HTTP (java.net's CookieManager alone
   * sends them over HTTPS only).
   */
  private static final class LocalhostCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return cookies.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(uri, headers);
    }
  }

  /** As a browser: the application sends it to the sign-in page, whose form it submits. */
  private static HttpResponse<String> signIn(HttpClient browser, String url, DemoUser user)
      throws Exception {
    HttpResponse<String> signInPage =
        browser.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(signInPage.body());
    assertTrue(action.find(), "the identity provider's sign-in form: " + signInPage.uri());
    String form =
        "username="
            + URLEncoder.encode(user.username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(DemoUser.PASSWORD, StandardCharsets.UTF_8);
    return browser.send(
        HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
