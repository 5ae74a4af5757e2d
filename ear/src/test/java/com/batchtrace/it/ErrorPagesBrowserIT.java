package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Errors speak the plant's language in the application's style, in every area: a wrong address, a
 * missing role, and an AJAX action that fails on a page open too long.
 */
@Tag("URS-054")
class ErrorPagesBrowserIT extends DeployedApplication {

  @Test
  void aWrongAddressInAnyAreaShowsTheStyledPageWithoutTechnicalDetail() {
    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    String session = "JSESSIONID=" + Browser.sessionCookie().getValue();

    Map<String, String> expected =
        Map.of(
            "/audit/no-such-page.xhtml", "Page not found",
            "/audit/no-such-folder/page.xhtml", "Page not found",
            "/review/no-such-page.xhtml", "Not allowed for your role",
            "/no-such-page.xhtml", "Page not found");
    expected.forEach(
        (path, title) -> {
          Browser.driver().get(TestStack.app(path).toString());
          assertEquals(title, Browser.visible(By.id("error-title")).getText(), path);
          assertAll(
              path,
              () ->
                  assertEquals(
                      "rgb(245, 247, 249)",
                      script("return getComputedStyle(document.body).backgroundColor;"),
                      "the error page's style sheet applies at " + path),
              () -> assertTrue(Browser.visible(By.className("bt-brand")).isDisplayed()),
              () -> assertNoTechnicalDetail(Browser.driver().getPageSource()));
        });
    assertEquals(
        404,
        TestStack.send(
                HttpRequest.newBuilder(TestStack.app("/audit/no-such-page.xhtml"))
                    .header("Cookie", session))
            .statusCode());
    Browser.screenshot("error-not-found");
  }

  @Test
  void anAjaxActionOnAnExpiredPageSaysSoInThePage() {
    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    // What a page open across a server restart sends: a view the server no longer holds.
    Object changed =
        script(
            "var states = document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]');"
                + "states.forEach(function (e) { e.value = '-1234567890123456789:-987654321098765432'; });"
                + "return states.length;");
    assertTrue(((Number) changed).intValue() > 0, "the page holds its view state");

    // Keeps the AJAX answers, so a failure shows what the server sent.
    script(
        "window.btAnswers = []; var send = XMLHttpRequest.prototype.send;"
            + "XMLHttpRequest.prototype.send = function () { this.addEventListener('load',"
            + " function () { window.btAnswers.push(this.status + ' ' + this.responseText"
            + ".substring(0, 3000)); }); return send.apply(this, arguments); }; return null;");

    Browser.driver().findElement(By.id("search:apply")).click();

    String shown;
    try {
      shown =
          new org.openqa.selenium.support.ui.WebDriverWait(
                  Browser.driver(), java.time.Duration.ofSeconds(15))
              .until(
                  org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#ajax-error .bt-ajax-error")))
              .getText();
    } catch (org.openqa.selenium.TimeoutException notShown) {
      throw new AssertionError(
          "no message in the page; the server answered " + script("return window.btAnswers;"),
          notShown);
    }
    assertTrue(shown.contains("Your page has expired"), shown);
    assertTrue(shown.contains("Nothing was changed"), shown);
    assertNoTechnicalDetail(shown);
    assertEquals("Audit trail", Browser.pageTitle(), "still on the page, with its navigation");
    Browser.screenshot("error-ajax-expired");
  }

  private static Object script(String code) {
    return ((JavascriptExecutor) Browser.driver()).executeScript(code);
  }

  private static void assertNoTechnicalDetail(String text) {
    assertFalse(text.contains("Exception"), text);
    assertFalse(text.contains("at com."), text);
    assertFalse(text.contains("jakarta."), text.length() > 300 ? text.substring(0, 300) : text);
  }
}
