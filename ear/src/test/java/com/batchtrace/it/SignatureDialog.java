package com.batchtrace.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The bt:signatureDialog of the office pages, driven as a person signs in it. */
final class SignatureDialog {

  private SignatureDialog() {}

  /** Opens the signature dialog with the button and signs with the demo password. */
  static void sign(String button, String dialog) {
    Browser.visible(By.id(button)).click();
    credentials(dialog);
    Browser.driver().findElement(By.id(dialog + ":confirm")).click();
  }

  /**
   * Types the signer's credentials as a person does: the user id when the dialog asks for it (the
   * first signature since signing in), then the demo password.
   */
  static void credentials(String dialog) {
    awaitFocus(dialog);
    WebElement user = Browser.visible(By.id(dialog + ":username"));
    if (user.getAttribute("readonly") == null && user.getAttribute("value").isEmpty()) {
      user.sendKeys(Browser.signedIn());
    }
    Browser.visible(By.id(dialog + ":password")).sendKeys(DemoUser.PASSWORD);
  }

  /**
   * Waits until the dialog has moved the focus to its first field, shortly after it shows (the user
   * id at a session's first signature, else the password): keys typed before would be lost.
   */
  static void awaitFocus(String dialog) {
    Browser.waiting()
        .until(
            d ->
                String.valueOf(
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.activeElement ? document.activeElement.id : ''"))
                    .startsWith(dialog + ":"));
  }

  /** Waits until the dialog and its modal overlay are gone, so the page takes clicks again. */
  static void closed(String dialog) {
    Browser.waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog + ":dialog")));
    Browser.waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-widget-overlay")));
  }
}
