package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** QA releases a lot in quarantine on the review page, with the signature dialog. */
class LotReleaseBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-022")
  void qaReleasesALotThroughTheSignatureDialogAndSeesTheManifestation() {
    String lot = Lots.inQuarantine().getString("lotNumber");

    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");
    String row = "//tr[.//code[text()='" + lot + "']]";
    Browser.visible(By.xpath(row + "//button[contains(@id, ':release')]")).click();
    Browser.visible(By.id("queue:release-sign:password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id("queue:release-sign:reason")).sendKeys("CoA reviewed");
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();

    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("decided"), lot));
    String decided = Browser.driver().findElement(By.xpath("//*[@id='decided']" + row)).getText();
    assertTrue(decided.contains("RELEASED"), decided);
    assertTrue(decided.contains("Released by"), decided);
    assertTrue(decided.contains("Rita Reyes"), decided);
    assertTrue(decided.contains("CoA reviewed"), decided);
    assertTrue(
        Browser.driver().findElements(By.xpath("//*[@id='queue:quarantine']" + row)).isEmpty(),
        "no longer in the quarantine queue");
  }
}
