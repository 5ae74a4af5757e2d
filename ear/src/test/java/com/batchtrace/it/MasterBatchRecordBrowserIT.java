package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** QA reads a master batch record in review and approves it with the signature dialog. */
@Tag("URS-024")
class MasterBatchRecordBrowserIT extends DeployedApplication {

  @Test
  void qaApprovesARecordInReviewThroughTheSignatureDialog() {
    String product = Lots.material("FINISHED");
    String api = Lots.material("RAW");
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    HttpResponse<String> created =
        admin.post("/master-batch-records", MasterBatchRecordIT.body(product, api));
    assertEquals(201, created.statusCode(), created.body());
    long id = TestStack.jsonObject(created).getJsonNumber("id").longValue();
    assertEquals(200, admin.post("/master-batch-records/" + id + "/submit", "{}").statusCode());

    Browser.signInAs(DemoUser.REVIEWER, "/review/recipes.xhtml");
    String row = "//tr[.//code[text()='" + product + "']]";
    Browser.visible(By.xpath(row + "//button[contains(@id, ':open')]")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("records:detail"), "Charge the granulator"));
    String detail = Browser.driver().findElement(By.id("records:detail")).getText();
    assertTrue(detail.contains("CPP Inlet temperature"), detail);
    assertTrue(detail.contains("second-person verification"), detail);

    Browser.driver().findElement(By.id("records:approve")).click();
    Browser.visible(By.id("records:approve-sign:password")).sendKeys(DemoUser.PASSWORD);
    Browser.driver().findElement(By.id("records:approve-sign:confirm")).click();

    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row), "APPROVED"));
    String approvedRow = Browser.driver().findElement(By.xpath(row)).getText();
    assertTrue(approvedRow.contains("Approved by"), approvedRow);
    assertTrue(approvedRow.contains("Rita Reyes"), approvedRow);
  }
}
