package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The sign-in page is themed for the shop floor: fields and the sign-in button as high as the
 * terminal's (56 px), and in English or German.
 */
@Tag("URS-061")
class SignInTouchBrowserIT extends DeployedApplication {

  @AfterEach
  void officeScreen() {
    Browser.defaultWindowSize();
  }

  @Test
  void theSignInPageHasTouchSizesAndSpeaksGerman() {
    Browser.windowSize(1280, 800);
    Browser.openSignInPage("/terminal/index.xhtml");
    for (String id : new String[] {"username", "password", "kc-login"}) {
      WebElement element = Browser.driver().findElement(By.id(id));
      assertTrue(
          element.getSize().getHeight() >= 56, id + " is " + element.getSize().getHeight() + " px");
    }

    // The page's language choice offers German; choosing it is following its address.
    // The option's address carries kc_locale=de (its label is the language's own name).
    Browser.driver()
        .findElement(
            By.xpath(
                "//select[@id='login-select-toggle']/option[contains(@value, 'kc_locale=de')]"))
        .click();
    Browser.waiting().until(ExpectedConditions.attributeContains(By.tagName("html"), "lang", "de"));
    WebElement login = Browser.visible(By.id("kc-login"));
    String shown = login.getAttribute("value") + " " + login.getText();
    assertTrue(shown.contains("Anmelden"), "German sign-in: " + shown);
    Browser.screenshot("sign-in-terminal-de");

    // A person of their own (the language chosen here stays theirs at the identity provider):
    // the terminal then speaks German to them.
    String ursula = TestStack.newKeycloakUser("Ursula", "operator");
    Browser.driver().findElement(By.id("username")).sendKeys(ursula);
    Browser.driver().findElement(By.id("password")).sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    Browser.waiting().until(ExpectedConditions.urlContains(TestStack.server() + "/batchtrace"));
    assertEquals("Arbeitsvorrat", Browser.visible(By.id("page-title")).getText());
  }
}
