package com.batchtrace.it;

import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Steps on the office pages that several browser tests take, as a person takes them. */
final class OfficePages {

  private OfficePages() {}

  static void type(String id, String text) {
    WebElement field = Browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Admin > Lots: receives a lot expiring in a year (the signed-in user must be an admin). */
  static void receiveLot(String lotNumber, String material, String quantity, String supplierLot) {
    Browser.driver().get(TestStack.app("/admin/lots.xhtml").toString());
    type("receive:lot-number", lotNumber);
    new Select(Browser.visible(By.id("receive:material"))).selectByValue(material);
    type("receive:quantity", quantity);
    type("receive:supplier-lot", supplierLot);
    type("receive:expiry_input", LocalDate.now().plusYears(1).toString());
    Browser.driver().findElement(By.id("receive:save")).click();
  }

  /** Review > Master batch records: opens the product's record and signs its approval. */
  static void approveRecord(String product) {
    Browser.driver().get(TestStack.app("/review/recipes.xhtml").toString());
    String recordRow = "//tr[.//code[text()='" + product + "']]";
    Browser.visible(By.xpath(recordRow + "//button[contains(@id, ':open')]")).click();
    SignatureDialog.sign("records:approve", "records:approve-sign");
  }

  /**
   * Waits for the page's confirmation that QA approved the product's first version (the record
   * itself may have moved to another page of the list: records awaiting QA come first).
   */
  static void awaitApproved(String product) {
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("records:messages"),
                "Master batch record " + product + " version 1 approved."));
  }
}
