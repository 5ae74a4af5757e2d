package com.batchtrace.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The terminal's batch page as an operator works it: the current step, its actions, signing. */
final class TerminalScreen {

  static final String CURRENT = ".bt-step-current";

  private TerminalScreen() {}

  /** An element of the current step. */
  static WebElement current(String css) {
    return Browser.visible(By.cssSelector(CURRENT + " " + css));
  }

  /** Types the quantity, then scans the lot: the scanner's Enter charges it. */
  static void scan(String lot, String quantity) {
    WebElement field = current("input.bt-quantity");
    field.clear();
    field.sendKeys(quantity);
    current("input.bt-lot").sendKeys(lot + Keys.ENTER);
  }

  static void awaitCharge(String lot, String quantity) {
    awaitCurrent(".bt-charges", "Lot " + lot + ": " + quantity + " kg");
  }

  /** A step section of the page, 1 for the first. */
  static WebElement step(int position) {
    return Browser.driver().findElements(By.cssSelector("section.bt-step")).get(position - 1);
  }

  /** Clicks an action of the current step (start, perform, verify). */
  static void click(String action) {
    Browser.waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(CURRENT + " button[id$=':" + action + "']")))
        .click();
  }

  static void awaitStepStatus(int position, String status) {
    Browser.waiting()
        .until(
            driver ->
                step(position)
                    .findElement(By.cssSelector(".bt-step-status"))
                    .getText()
                    .equals(status));
  }

  /** Waits until the current step's part (".bt-exceptions", ".bt-charges" …) shows the text. */
  static void awaitCurrent(String css, String text) {
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " " + css), text));
  }

  /** Opens the dialog with the step's action (unless null) and signs with the demo password. */
  static void sign(String action, String dialog) {
    if (action != null) {
      click(action);
    }
    SignatureDialog.credentials(dialog);
    Browser.visible(By.id(dialog + ":password")).sendKeys(Keys.ENTER);
    Browser.waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog + ":dialog")));
  }
}
