package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
    SignatureDialog.credentials("records:approve-sign");
    Browser.driver().findElement(By.id("records:approve-sign:confirm")).click();

    // The approved record may move to another page of the list (records awaiting QA come first),
    // so the page's confirmation is awaited and the record itself read back.
    OfficePages.awaitApproved(product);
    HttpResponse<String> read = admin.get("/master-batch-records/" + id);
    assertEquals(200, read.statusCode(), read.body());
    JsonObject record = TestStack.jsonObject(read);
    assertEquals("APPROVED", record.getString("status"));
    JsonObject signature = record.getJsonArray("signatures").getJsonObject(0);
    assertEquals("APPROVED", signature.getString("meaning"));
    assertEquals("Rita Reyes", signature.getString("signerName"));
  }
}
