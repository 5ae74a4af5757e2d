package com.batchtrace.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

  /** A step of the page (the open current one or a one-line closed one), 1 for the first. */
  static WebElement step(int position) {
    return Browser.driver()
        .findElement(By.cssSelector("#record .bt-step[data-step='" + position + "']"));
  }

  /** Clicks an action of the current step (start, perform, verify). */
  static void click(String action) {
    Browser.waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(CURRENT + " button[id$=':" + action + "']")))
        .click();
  }

  /**
   * Waits until the step has the status (NOT_STARTED, IN_PROGRESS, PERFORMED, DONE): the page shows
   * it in words and carries the record's status in the badge's data-status.
   */
  static void awaitStepStatus(int position, String status) {
    Browser.waiting()
        .until(
            driver ->
                status.equals(
                    step(position)
                        .findElement(By.cssSelector(".bt-step-status"))
                        .getAttribute("data-status")));
  }

  /** The id of the element that has the focus, "" for none. */
  static String focused() {
    return String.valueOf(
        ((JavascriptExecutor) Browser.driver())
            .executeScript(
                "return document.activeElement && document.activeElement !== document.body"
                    + " ? document.activeElement.id : ''"));
  }

  /** Waits until the element whose id ends with {@code idSuffix} has the focus. */
  static void awaitFocus(String idSuffix) {
    Browser.waiting()
        .withMessage(() -> "focus on ..." + idSuffix + ", but it is on '" + focused() + "'")
        .until(driver -> focused().endsWith(idSuffix));
  }

  /**
   * Whether the element is wholly inside the browser's window and not covered (what a person sees
   * without scrolling).
   */
  static boolean onScreen(WebElement element) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) Browser.driver())
            .executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + " if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight"
                    + " || r.right > window.innerWidth) { return false; }"
                    + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                    + " return hit !== null && (hit === arguments[0] || arguments[0].contains(hit));",
                element));
  }

  /** The action bar's one next action (button or field), checked to be on screen. */
  static WebElement nextAction() {
    WebElement next = Browser.visible(By.cssSelector(".bt-action-bar .bt-next"));
    Browser.waiting()
        .withMessage(() -> "the next action is not on screen")
        .until(
            driver ->
                onScreen(Browser.driver().findElement(By.cssSelector(".bt-action-bar .bt-next"))));
    return next;
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
