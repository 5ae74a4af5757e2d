package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** QA releases a lot in quarantine on the review page, with the signature dialog. */
class LotReleaseBrowserIT extends DeployedApplication {

  private static final String QUARANTINE = "//*[@id='queue:quarantine']";
  private static final String DECIDED = "//*[@id='decided']";

  @Test
  @Tag("URS-022")
  void qaReleasesALotThroughTheSignatureDialogAndSeesTheManifestation() {
    String lot = Lots.inQuarantine().getString("lotNumber");

    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");
    release(lot, "CoA reviewed");

    String decided = Browser.driver().findElement(By.xpath(DECIDED + row(lot))).getText();
    assertTrue(decided.matches("(?s).*\\bReleased\\b(?! by).*"), decided);
    assertTrue(decided.contains("Released by"), decided);
    assertTrue(decided.contains("Rita Reyes"), decided);
    assertTrue(decided.contains("CoA reviewed"), decided);
    assertTrue(
        Browser.driver().findElements(By.xpath(QUARANTINE + row(lot))).isEmpty(),
        "no longer in the quarantine queue");
  }

  @Test
  @Tag("URS-022")
  void theQuarantineIsPagedAndTheLatestDecisionComesFirst() {
    String material = Lots.material();
    String oldest = Lots.inQuarantine(material).getString("lotNumber");
    for (int i = 0; i < 25; i++) {
      Lots.inQuarantine(material);
    }
    // Received after all of them and released at once: decided before, received after, the oldest.
    String newest = Lots.released(Lots.inQuarantine(material)).getString("lotNumber");

    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");
    // Newest first, 25 a page: the 25 lots received after it fill the first page.
    Browser.visible(By.xpath(QUARANTINE + "//tbody/tr"));
    assertTrue(
        Browser.driver().findElements(By.xpath(QUARANTINE + row(oldest))).isEmpty(),
        "the oldest of 26 new lots is not on the first page");
    Browser.driver()
        .findElement(By.cssSelector("[id='queue:quarantine'] .ui-paginator-next"))
        .click();
    Browser.visible(By.xpath(QUARANTINE + row(oldest)));

    release(oldest, "CoA reviewed, received first");

    // Received first, decided last: the first row of the decisions, before the newest lot.
    String first = Browser.visible(By.xpath(DECIDED + "//tbody/tr[1]")).getText();
    assertTrue(first.contains(oldest), first);
    assertTrue(first.matches("(?s).*\\bReleased\\b(?! by).*"), first);
    String second = Browser.driver().findElement(By.xpath(DECIDED + "//tbody/tr[2]")).getText();
    assertTrue(second.contains(newest), second);
  }

  @Test
  @Tag("URS-013")
  void theFirstSignatureAfterSigningInTakesUserIdAndPasswordTheNextOnlyThePassword() {
    String material = Lots.material();
    String first = Lots.inQuarantine(material).getString("lotNumber");
    String second = Lots.inQuarantine(material).getString("lotNumber");
    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");

    Browser.visible(By.xpath(QUARANTINE + row(first) + "//button[contains(@id, ':release')]"))
        .click();
    SignatureDialog.awaitFocus("queue:release-sign");
    WebElement userId = Browser.visible(By.id("queue:release-sign:username"));
    assertEquals("", userId.getAttribute("value"), "the user id is asked, not filled in");
    assertNull(userId.getAttribute("readonly"));
    assertTrue(Browser.visible(By.id("queue:release-sign:first-signing")).isDisplayed());
    Browser.driver().findElement(By.id("queue:release-sign:password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("queue:release-sign:messages"), "first signature since you signed in"));
    assertTrue(
        Browser.driver().findElements(By.xpath(DECIDED + row(first))).isEmpty(),
        "nothing was signed with the password alone");

    Browser.visible(By.id("queue:release-sign:username")).sendKeys(DemoUser.REVIEWER.username);
    Browser.visible(By.id("queue:release-sign:password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("decided"), first));
    SignatureDialog.closed("queue:release-sign");

    Browser.visible(By.xpath(QUARANTINE + row(second) + "//button[contains(@id, ':release')]"))
        .click();
    SignatureDialog.awaitFocus("queue:release-sign");
    userId = Browser.visible(By.id("queue:release-sign:username"));
    assertEquals(DemoUser.REVIEWER.username, userId.getAttribute("value"));
    assertNotNull(userId.getAttribute("readonly"), "later in the session: the password only");
    Browser.driver().findElement(By.id("queue:release-sign:password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("decided"), second));
  }

  private static String row(String lot) {
    return "//tr[.//code[text()='" + lot + "']]";
  }

  /** Releases a lot shown in the quarantine table and waits until it is among the decisions. */
  private static void release(String lot, String reason) {
    Browser.visible(By.xpath(QUARANTINE + row(lot) + "//button[contains(@id, ':release')]"))
        .click();
    SignatureDialog.credentials("queue:release-sign");
    Browser.driver().findElement(By.id("queue:release-sign:reason")).sendKeys(reason);
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("decided"), lot));
  }
}
