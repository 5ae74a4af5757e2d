package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/** Security headers, session cookies and the idle sign-out of every page. */
@Tag("URS-008")
class SecurityHeadersIT extends DeployedApplication {

  @Test
  void pagesForbidFramingSniffingAndForeignScripts() {
    HttpResponse<String> page =
        TestStack.send(HttpRequest.newBuilder(TestStack.app("/signed-out.xhtml")));

    assertEquals(200, page.statusCode());
    List<String> csp = page.headers().allValues("Content-Security-Policy");
    assertAll(
        () ->
            assertTrue(
                csp.stream().anyMatch(v -> v.contains("frame-ancestors 'none'")), "CSP " + csp),
        () ->
            assertTrue(
                csp.stream().anyMatch(v -> v.contains("form-action 'self'")),
                "forms post only to the application, CSP " + csp),
        () ->
            assertTrue(
                csp.stream().anyMatch(v -> v.contains("script-src") && v.contains("'nonce-")),
                "PrimeFaces' nonce-based script policy, CSP " + csp),
        () ->
            assertTrue(
                page.headers().firstValue("Strict-Transport-Security").isEmpty(),
                "HSTS only on TLS (unit-tested in SecurityHeadersTest)"),
        () -> assertEquals("nosniff", header(page, "X-Content-Type-Options")),
        () -> assertEquals("same-origin", header(page, "Referrer-Policy")),
        () -> assertEquals("DENY", header(page, "X-Frame-Options")));
  }

  @Test
  void theSessionCookieIsHttpOnlySecureAndSameSite() {
    Browser.signInAs(DemoUser.AUDITOR, "/");

    Cookie session = Browser.sessionCookie();
    assertAll(
        () -> assertTrue(session.isHttpOnly(), "HttpOnly"),
        () -> assertTrue(session.isSecure(), "Secure"),
        () -> assertEquals("Lax", session.getSameSite(), "SameSite"));
  }

  @Test
  void pagesSignOutAfterTheConfiguredIdleTime() {
    Browser.signInAs(DemoUser.AUDITOR, "/");

    // BATCHTRACE_SESSION_TIMEOUT_MINUTES=15 for the test server: the page signs out 30 s
    // before the server would drop the session.
    Object idleMillis =
        ((JavascriptExecutor) Browser.driver())
            .executeScript("return PF('idleMonitor').cfg.timeout;");
    assertEquals(870000L, ((Number) idleMillis).longValue(), "idle monitor set to 14.5 minutes");

    Browser.driver().get(TestStack.app("/logout?reason=idle").toString());
    assertTrue(
        Browser.visible(By.id("idle-notice")).getText().contains("without activity"),
        "the signed-out page says why");
  }

  @Test
  @Tag("URS-054")
  void recordPagesReportsAndExportsAreNeverStoredStyleSheetsMayBe() {
    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    String session = "JSESSIONID=" + Browser.sessionCookie().getValue();

    for (String path :
        List.of(
            "/audit/index.xhtml",
            "/audit/signatures.xhtml",
            "/audit/access.xhtml",
            "/audit/export?format=csv&recordType=Equipment&recordId=1")) {
      HttpResponse<String> response =
          TestStack.send(HttpRequest.newBuilder(TestStack.app(path)).header("Cookie", session));
      assertEquals(200, response.statusCode(), path);
      assertEquals("no-store", header(response, "Cache-Control"), path);
    }
    HttpResponse<String> api =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/export?format=csv&recordId=1");
    assertEquals("no-store", header(api, "Cache-Control"), "the API's audit trail export");
    HttpResponse<String> css =
        TestStack.send(
            HttpRequest.newBuilder(TestStack.app("/error/error.css")).header("Cookie", session));
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Cache-Control").isEmpty(), "a style sheet may be cached");
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("(missing)");
  }
}
