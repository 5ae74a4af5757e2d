package com.batchtrace.it;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The bt:signatureDialog of the office pages, driven as a person signs in it. */
final class SignatureDialog {

  private SignatureDialog() {}

  /** Opens the signature dialog with the button and signs with the demo password. */
  static void sign(String button, String dialog) {
    Browser.visible(By.id(button)).click();
    Browser.visible(By.id(dialog + ":password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id(dialog + ":confirm")).click();
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
