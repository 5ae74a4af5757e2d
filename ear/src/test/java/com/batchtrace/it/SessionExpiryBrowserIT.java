package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The server ends a page session after the idle time counted from the user's own last request: a
 * page's 5-second background refresh keeps the page current but never the session alive.
 *
 * <p>The idle limit is shortened to 8 seconds for this test alone, through the system property
 * batchtrace.session.idle.seconds that the server reads at each request (SessionIdle), set and
 * removed over the management interface: the suite does not wait 15 minutes, and no other session
 * of the run is affected (the tests run one after the other).
 */
@Tag("URS-057")
class SessionExpiryBrowserIT extends DeployedApplication {

  private static final String IDLE_LIMIT = "batchtrace.session.idle.seconds";

  @Test
  void pollsDoNotKeepTheServerSessionAlive() throws IOException {
    try (ModelControllerClient server = managementClient()) {
      execute(server, "add", "8");
      try {
        // The machine data page redraws the broker state every 5 s, as the terminal its values.
        Browser.signInAs(DemoUser.ADMIN, "/admin/collection.xhtml");
        String session = Browser.sessionCookie().getValue();

        new WebDriverWait(Browser.driver(), Duration.ofSeconds(40))
            .withMessage("still signed in: polls kept the session alive")
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-notice")));

        assertTrue(
            Browser.driver().findElement(By.id("idle-notice")).getText().contains("without"),
            "the signed-out page says why");
        HttpResponse<String> oldSession =
            TestStack.send(
                HttpRequest.newBuilder(TestStack.app("/admin/collection.xhtml"))
                    .header("Cookie", "JSESSIONID=" + session));
        assertEquals(302, oldSession.statusCode(), "the old session is gone on the server");
        assertTrue(
            oldSession.headers().firstValue("Location").orElse("").startsWith(TestStack.keycloak()),
            "a request with it is sent to sign in: " + oldSession.headers().map());
      } finally {
        execute(server, "remove", null);
      }
    }
  }

  private static ModelControllerClient managementClient() throws IOException {
    return ModelControllerClient.Factory.create(
        "remote+http", "localhost", Integer.parseInt(TestStack.property("test.management.port")));
  }

  private static void execute(ModelControllerClient server, String operation, String value)
      throws IOException {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    op.get("address").add("system-property", IDLE_LIMIT);
    if (value != null) {
      op.get("value").set(value);
    }
    ModelNode result = server.execute(op);
    assertEquals("success", result.get("outcome").asString(), result.toString());
  }
}
