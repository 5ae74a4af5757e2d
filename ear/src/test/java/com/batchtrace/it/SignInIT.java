package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Sign-in through Keycloak and the role-based work areas, in a real browser. */
@Tag("URS-001")
@Tag("URS-002")
class SignInIT extends DeployedApplication {

  @Test
  void anAnonymousVisitorIsSentToThePlantRealmsSignInPage() {
    Browser.openSignInPage("/");
    String url = Browser.driver().getCurrentUrl();
    assertTrue(
        url.startsWith(TestStack.keycloak() + "/realms/plant/protocol/openid-connect/auth"),
        "expected the Keycloak sign-in page of realm plant, got " + url);
  }

  @ParameterizedTest
  @EnumSource(DemoUser.class)
  void eachUserSeesOnlyTheAreaOfTheirRoleAndIsRefusedTheOthers(DemoUser user) {
    Browser.signInAs(user, "/");

    assertAll(
        () ->
            assertTrue(
                Browser.driver()
                    .findElement(By.id("signed-in-user"))
                    .getText()
                    .contains(user.displayName),
                "the header names the signed-in user"),
        () -> assertEquals(List.of(user.area), Browser.navigation(), "navigation entries"));

    Browser.driver().get(TestStack.app(DemoUser.pageOf(user.area)).toString());
    assertTrue(
        Browser.driver().findElements(By.id("error-title")).isEmpty(),
        user.username + " may open " + user.area);

    for (String other : otherAreas(user)) {
      Browser.driver().get(TestStack.app(DemoUser.pageOf(other)).toString());
      assertEquals(
          "Not allowed for your role",
          Browser.visible(By.id("error-title")).getText(),
          user.username + " must be refused " + other);
    }
  }

  @Test
  void anOperatorGets403FromTheReviewArea() {
    Browser.signInAs(DemoUser.OPERATOR1, "/");
    String session = Browser.sessionCookie().getValue();

    var review =
        TestStack.send(
            HttpRequest.newBuilder(TestStack.app("/review/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + session));
    var terminal =
        TestStack.send(
            HttpRequest.newBuilder(TestStack.app("/terminal/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + session));

    assertEquals(403, review.statusCode(), "review area for an operator");
    assertEquals(200, terminal.statusCode(), "terminal area for the same session");
  }

  @Test
  void signingOutEndsTheSessionHereAndAtTheIdentityProvider() {
    Browser.signInAs(DemoUser.OPERATOR2, "/");
    Browser.driver().findElement(By.id("nav:sign-out")).click();
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "You are signed out"));

    Browser.driver().get(TestStack.app("/").toString());
    Browser.visible(By.id("username"));
    assertTrue(
        Browser.driver().getCurrentUrl().startsWith(TestStack.keycloak()),
        "after sign-out the identity provider asks for the password again");
  }

  private static Set<String> otherAreas(DemoUser user) {
    return DemoUser.AREAS.stream()
        .filter(a -> !a.equals(user.area))
        .collect(java.util.stream.Collectors.toSet());
  }
}
