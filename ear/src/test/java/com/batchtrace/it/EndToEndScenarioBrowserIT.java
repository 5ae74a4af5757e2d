package com.batchtrace.it;

import static com.batchtrace.it.TerminalScreen.awaitCharge;
import static com.batchtrace.it.TerminalScreen.awaitCurrent;
import static com.batchtrace.it.TerminalScreen.awaitStepStatus;
import static com.batchtrace.it.TerminalScreen.click;
import static com.batchtrace.it.TerminalScreen.current;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The end-to-end scenario of the performance qualification (validation-docs PQ.md), in the browser
 * as the plant's people do it: a raw lot is received and released, a master record approved, the
 * batch run on the terminal while the line publishes a CPP excursion over MQTT and one wrong lot is
 * scanned; QA's review shows exactly those two exceptions, dispositions them and releases the
 * batch; the forward trace from the raw lot ends at the released finished lot; the auditor's export
 * holds all of it and the integrity check passes.
 */
class EndToEndScenarioBrowserIT extends DeployedApplication {

  @AfterEach
  void officeScreen() {
    Browser.defaultWindowSize();
  }

  @Test
  @Tag("URS-039")
  void fromRawLotToReleasedBatchToAnIntactAuditTrail() throws Exception {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    String raw = Lots.material("RAW");
    String product = Lots.material("INTERMEDIATE");
    String wrongLot = Lots.released(Lots.inQuarantine()).getString("lotNumber");
    // Step 1 dispenses 50 kg ± 2 % of the raw material with a manual blend time and a second
    // person's verification; step 2 dries on the line's dryer, which publishes inlet-temp.
    long record = Recipes.of(TerminalBatch.recipe(product, raw), false);
    HttpResponse<String> submitted =
        admin.post("/master-batch-records/" + record + "/submit", "{}");
    assertEquals(200, submitted.statusCode(), submitted.body());

    // 1. Receive the raw lot (stores) and release it (QA), in the browser.
    String rawLot = Lots.unique("L");
    Browser.signInAs(DemoUser.ADMIN, "/admin/lots.xhtml");
    OfficePages.receiveLot(rawLot, raw, "51", "SUP-PQ-1");
    waitForText(By.id("lots"), rawLot);

    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");
    String lotRow = "//tr[.//code[text()='" + rawLot + "']]";
    Browser.visible(By.xpath(lotRow + "//button[contains(@id, ':release')]")).click();
    SignatureDialog.credentials("queue:release-sign");
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    waitForText(By.id("decided"), rawLot);

    // 2. QA approves the master record.
    OfficePages.approveRecord(product);
    OfficePages.awaitApproved(product);

    DryingLine line = new DryingLine(record);
    JsonObject planned = line.plannedBatch();
    String number = planned.getString("batchNumber");
    long batchId = planned.getJsonNumber("id").longValue();

    // 3. The operator runs the batch on the terminal; the second person who verifies step 1 also
    // holds the QA role, so that segregation of duties is put to the test at release.
    String vera = TestStack.newOperator("Vera", "qa-reviewer");
    Browser.windowSize(1280, 800);
    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    Browser.driver().get(TestStack.app("/terminal/index.xhtml?line=" + line.lineId()).toString());
    Browser.visible(By.id("open-batch:batch-number")).sendKeys(number + Keys.ENTER);
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "Batch " + number));
    click("start");
    awaitStepStatus(1, "IN_PROGRESS");
    current("input.bt-lot").sendKeys(wrongLot + Keys.ENTER);
    awaitCurrent(".bt-exceptions", "Lot " + wrongLot + " refused");
    current("input.bt-lot").sendKeys(rawLot + Keys.ENTER);
    awaitCharge(rawLot, "50");
    current("input.bt-manual").sendKeys("12" + Keys.ENTER);
    awaitCurrent(".bt-entries", "Blend time: 12 min");
    TerminalScreen.sign("perform", "sign:perform-sign");
    awaitStepStatus(1, "PERFORMED");
    click("verify");
    // Keys typed before the dialog has set its focus (the user id first) would be lost.
    SignatureDialog.awaitFocus("sign:verify-sign");
    Browser.visible(By.id("sign:verify-sign:username")).sendKeys(vera);
    TerminalScreen.sign(null, "sign:verify-sign");
    awaitStepStatus(1, "DONE");

    click("start");
    awaitStepStatus(2, "IN_PROGRESS");
    // The line publishes its inlet temperature over MQTT; three samples run above 65 C.
    Instant from = Instant.now();
    try (Uns dryer = Uns.device()) {
      double[] inlet = {60.1, 67.8, 68.4, 66.2, 60.3};
      for (int i = 0; i < inlet.length; i++) {
        dryer.publish(line.inletTopic, Uns.value(inlet[i], from.plusMillis(200L * i)));
      }
    }
    TestStack.await(
        () ->
            TestStack.count(
                    "select count(*) from batchtrace.batch_exception where batch_id = ?"
                        + " and kind = 'CPP_EXCURSION' and ended_at is not null",
                    batchId)
                == 1,
        Duration.ofSeconds(30),
        "the collector records the excursion");
    awaitCurrent(".bt-live", "60.3 °C");
    TerminalScreen.sign("perform", "sign:perform-sign");
    awaitStepStatus(2, "DONE");
    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    TerminalScreen.sign(null, "sign:complete-sign");
    waitForText(By.id("produced"), "Quarantine");
    assertEquals("In review", Browser.visible(By.id("batch-status")).getText());
    Browser.defaultWindowSize();

    // 4. QA reviews by exception: exactly the refused lot and the excursion; then releases.
    Browser.signInAs(DemoUser.REVIEWER, "/review/index.xhtml");
    String queueRow = "//tr[.//code[text()='" + number + "']]";
    assertEquals(
        "2", Browser.visible(By.xpath(queueRow + "//span[@data-open]")).getAttribute("data-open"));
    Browser.driver().findElement(By.xpath(queueRow + "//a[contains(@id, ':open')]")).click();
    List<WebElement> rows =
        Browser.visible(By.id("exceptions:list"))
            .findElements(By.cssSelector("[id='exceptions:list_data'] tr"));
    List<String> kinds =
        rows.stream().map(r -> r.findElement(By.className("bt-exception-kind")).getText()).toList();
    assertEquals(2, kinds.size(), kinds.toString());
    assertEquals(Set.of("Lot refused", "CPP excursion"), Set.copyOf(kinds));
    for (int i = 0; i < kinds.size(); i++) {
      if (i == kinds.size() - 1) {
        // Release is refused while one exception is open, and nothing changes.
        HttpResponse<String> early = release(RestClient.as(DemoUser.REVIEWER), batchId);
        assertEquals(422, early.statusCode(), early.body());
        assertTrue(
            early.body().contains("1 exception is not dispositioned"),
            "refused for the open exception: " + early.body());
        assertEquals(
            1,
            TestStack.count(
                "select count(*) from batchtrace.batch where id = ? and status = 'IN_REVIEW'",
                batchId));
      }
      Browser.visible(By.id("exceptions:list:" + i + ":dispose")).click();
      Browser.visible(By.id("exceptions:list:" + i + ":justification"))
          .sendKeys("PQ: " + kinds.get(i) + " assessed, no impact on quality");
      SignatureDialog.sign("exceptions:list:" + i + ":sign-disposition", "exceptions:sign");
      SignatureDialog.closed("exceptions:sign");
      By signed =
          By.cssSelector("[id='exceptions:list_data'] tr:nth-child(" + (i + 1) + ") .bt-signature");
      Browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(signed));
    }
    // Segregation of duties: the verifier of step 1, a QA reviewer too, may not release it.
    HttpResponse<String> byVerifier = release(RestClient.as(vera), batchId);
    assertEquals(422, byVerifier.statusCode(), byVerifier.body());
    assertTrue(byVerifier.body().contains("You verified step 1"), byVerifier.body());
    SignatureDialog.sign("decide:release", "decide:release-sign");
    waitForText(By.id("batch-status"), "Released");
    String finished = number;
    assertTrue(Browser.driver().findElement(By.id("decide:lots")).getText().contains(finished));

    // 5. The forward trace from the raw lot ends at the released finished lot.
    Browser.driver().get(TestStack.app("/review/trace.xhtml").toString());
    OfficePages.type("trace:lot", rawLot);
    Browser.driver().findElement(By.id("trace:go")).click();
    waitForText(By.id("trace:lots"), finished);
    WebElement finishedNode = Browser.visible(By.cssSelector("[data-node='lot-" + finished + "']"));
    assertTrue(finishedNode.getText().contains("Released"), finishedNode.getText());

    // 6. The auditor's export holds the whole story; the integrity check passes.
    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    CsvExport csv = CsvExport.read(Browser.download(By.id("export-csv")));
    String data = csv.data();
    long step2 =
        TestStack.count(
            "select id from batchtrace.step_execution where batch_id = ? and step_position = 2",
            batchId);
    // Every entry is this batch's own: its two exceptions, their dispositions, its charge.
    String exceptions = "from batchtrace.batch_exception where batch_id = ?";
    String dispositions =
        "from batchtrace.exception_disposition d join batchtrace.batch_exception e"
            + " on e.id = d.exception_id where e.batch_id = ?";
    String charges = "from batchtrace.lot_consumption where batch_id = ?";
    for (String entry :
        List.of(
            ",MaterialLot," + lotId(rawLot) + ",",
            ",MasterBatchRecord," + record + ",",
            ",Batch," + batchId + ",",
            ",StepExecution," + step2 + ",",
            ",BatchException," + TestStack.count("select min(id) " + exceptions, batchId) + ",",
            ",BatchException," + TestStack.count("select max(id) " + exceptions, batchId) + ",",
            ",ExceptionDisposition,"
                + TestStack.count("select min(d.id) " + dispositions, batchId)
                + ",",
            ",ExceptionDisposition,"
                + TestStack.count("select max(d.id) " + dispositions, batchId)
                + ",",
            ",LotConsumption," + TestStack.count("select min(id) " + charges, batchId) + ",")) {
      assertTrue(data.contains(entry), "the export holds " + entry);
    }
    assertEquals(2, TestStack.count("select count(*) " + exceptions, batchId));
    assertEquals(2, TestStack.count("select count(*) " + dispositions, batchId));
    Browser.driver().get(TestStack.app("/audit/integrity.xhtml").toString());
    Browser.visible(By.id("integrity:verify")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Intact"));
  }

  private static HttpResponse<String> release(RestClient qa, long batchId) {
    return qa.post(
        "/reviews/" + batchId + "/release", "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
  }

  private static long lotId(String lotNumber) {
    return TestStack.count(
        "select id from batchtrace.material_lot where lot_number = ?", lotNumber);
  }

  private static void waitForText(By where, String text) {
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(where, text));
  }
}
