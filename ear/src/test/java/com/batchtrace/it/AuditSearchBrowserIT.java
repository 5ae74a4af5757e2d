package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The auditor searches the audit trail by what people know: a batch number finds the whole batch
 * record (the batch, its steps, entered values and their corrections, charges, exceptions), each
 * entry named by its business identifier; a record's history shows its fields in words, the records
 * it points to by their business identifier and times in the site's zone; the export of the search
 * holds the same entries.
 */
class AuditSearchBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-065")
  void aBatchNumberFindsTheWholeBatchRecordNamedByBusinessIdentifiers() {
    TerminalBatch batch = new TerminalBatch();
    TerminalBatch other = new TerminalBatch();
    RestClient performer = RestClient.as(TestStack.newOperator("Paula"));
    String verifier = TestStack.newOperator("Victor");
    BatchReviewBrowserIT.completedWithExceptions(batch, performer, verifier, new String[2]);
    RestClient.expect(200, other.start(performer, 1));

    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    Browser.visible(By.id("search:record")).sendKeys(batch.number);
    Browser.driver().findElement(By.id("search:apply")).click();
    long expected =
        TestStack.count(
            "select count(*) from batchtrace.audit_trail_entry e where (e.record_type,"
                + " e.record_id) in (select 'Batch', ?::bigint union all select 'StepExecution',"
                + " id from batchtrace.step_execution where batch_id = ? union all select"
                + " 'StepEntry', n.id from batchtrace.step_entry n join batchtrace.step_execution"
                + " s on s.id = n.step_execution_id where s.batch_id = ? union all select"
                + " 'BatchException', id from batchtrace.batch_exception where batch_id = ?"
                + " union all select 'LotConsumption', id from batchtrace.lot_consumption where"
                + " batch_id = ? union all select 'EquipmentAllocation', id from"
                + " batchtrace.equipment_allocation where batch_id = ? union all select"
                + " 'MaterialLot', id from batchtrace.material_lot where produced_by_batch_id = ?)",
            batch.id,
            batch.id,
            batch.id,
            batch.id,
            batch.id,
            batch.id,
            batch.id);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("results:entries"), " of " + expected));
    Browser.driver().findElement(By.cssSelector("[id='results:entries'] select")).sendKeys("100");
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("results:entries"), "1-" + Math.min(expected, 100) + " of " + expected));
    String found = Browser.driver().findElement(By.id("results:entries")).getText();
    Browser.screenshot("audit-search-by-batch");
    String step = "batch " + batch.number + " step 1";
    for (String entry :
        List.of(
            "Batch " + batch.number,
            "Step " + step,
            "Value entry Blend time on " + step,
            "Exception Lot refused on " + step,
            "Exception Correction on " + step,
            "Lot charge lot ")) {
      assertTrue(found.contains(entry), entry + " in " + found);
    }
    assertFalse(found.contains(other.number), "only this batch: " + found);
    PlantLanguage.assertNoCodeWords(found, "the search by batch number");

    // The history of an entered value: fields in words, the step it belongs to by its name.
    List<WebElement> rows =
        Browser.driver().findElements(By.cssSelector("[id='results:entries_data'] tr"));
    int valueRow = -1;
    for (int i = 0; i < rows.size() && valueRow < 0; i++) {
      if (rows.get(i).getText().contains("Value entry Blend time")) {
        valueRow = i;
      }
    }
    Browser.driver().findElement(By.id("results:entries:" + valueRow + ":history")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("history"), "History of Value entry Blend time on " + step));
    String history = Browser.driver().findElement(By.id("history")).getText();
    assertTrue(history.contains("Step: — → " + step), history);
    assertTrue(history.contains("Parameter: — → Blend time"), history);
    assertTrue(
        history.matches(
            "(?s).*Taken at: — → \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}.*"),
        "times in the site's zone: " + history);
    PlantLanguage.assertNoCodeWords(history, "the history of a value entry");

    CsvExport csv = CsvExport.read(Browser.download(By.id("export-csv")));
    assertEquals(String.valueOf(expected), csv.value("# Rows: "), "the export holds the search");
    assertTrue(csv.value("# Filter: ").contains(batch.number), csv.value("# Filter: "));
  }

  @Test
  @Tag("URS-065")
  @Tag("URS-070")
  @Tag("URS-072")
  void theSignatureRegisterFiltersByBatchMeaningAndSignerAndNamesTheSignedRecords()
      throws java.sql.SQLException {
    TerminalBatch batch = new TerminalBatch();
    String performerId = TestStack.newOperator("Paula");
    RestClient performer = RestClient.as(performerId);
    String verifier = TestStack.newOperator("Victor");
    BatchReviewBrowserIT.completedWithExceptions(batch, performer, verifier, new String[2]);

    Browser.signInAs(DemoUser.AUDITOR, "/audit/signatures.xhtml");
    Browser.visible(By.id("register:batch")).sendKeys(batch.number);
    Browser.driver().findElement(By.id("register:apply")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("register:signatures"), "1-4 of 4"));
    String rows = Browser.driver().findElement(By.id("register:signatures")).getText();
    assertTrue(rows.contains("Step batch " + batch.number + " step 1"), rows);
    assertTrue(rows.contains("Step batch " + batch.number + " step 2"), rows);
    assertTrue(rows.contains("Performed by") && rows.contains("Verified by"), rows);
    assertTrue(
        rows.lines().anyMatch(l -> l.contains("Batch completion") && l.contains(batch.number)),
        "the completion is signed too, named by its batch: " + rows);
    assertEquals(
        4,
        Browser.driver()
            .findElements(By.cssSelector("[id='register:signatures'] .bt-valid"))
            .size(),
        "each signature checked against its record now: " + rows);
    PlantLanguage.assertNoCodeWords(rows, "the signature register");

    // A charge of step 1 altered behind the application's back: step 1's signatures no longer
    // match, step 2's still do.
    try (java.sql.Connection rogue = TestStack.databaseAsSuperuser();
        java.sql.Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.lot_consumption set quantity = quantity + 1 where batch_id = "
              + batch.id
              + " and step_position = 1");
    }
    Browser.driver().findElement(By.id("register:apply")).click();
    Browser.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("[id='register:signatures'] .bt-signature-invalid"))
                        .size()
                    == 2);
    rows = Browser.driver().findElement(By.id("register:signatures")).getText();
    assertTrue(rows.contains("Invalid: the record changed after signing"), rows);
    Browser.screenshot("signature-register");

    // Only the invalid ones, and the register exported as it shows them, in the page's words.
    choose("register:validity", "Invalid: the record changed after signing", "1-2 of 2");
    rows = Browser.driver().findElement(By.id("register:signatures")).getText();
    assertFalse(rows.contains("step 2"), "only step 1's signatures are invalid: " + rows);
    CsvExport register = CsvExport.read(Browser.download(By.id("register:export-csv")));
    assertEquals("2", register.value("# Rows: "), register.lines().toString());
    assertTrue(register.value("# Search: ").contains("invalid only"), register.lines().toString());
    assertTrue(
        register.data().contains("Invalid: the record changed after signing")
            && register.data().contains("Step batch " + batch.number + " step 1")
            && register.data().contains("Performed by"),
        register.data());
    PlantLanguage.assertNoCodeWords(register.data(), "the signature register export");
    String tampered =
        Browser.driver()
            .findElement(By.id("register:export-csv"))
            .getAttribute("href")
            .replace("validity=INVALID", "validity=SOMETIMES%27--");
    java.net.http.HttpResponse<byte[]> refused =
        TestStack.sendForBytes(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(tampered))
                .header("Cookie", "JSESSIONID=" + Browser.sessionCookie().getValue()));
    assertEquals(400, refused.statusCode(), "a validity that is not one is refused: " + tampered);
    new org.openqa.selenium.support.ui.Select(
            Browser.driver().findElement(By.id("register:validity")))
        .selectByVisibleText("Any");

    choose("register:meaning", "Verified by", "1-1 of 1");
    rows = Browser.driver().findElement(By.id("register:signatures")).getText();
    assertTrue(rows.contains(verifier) && rows.contains("step 1"), rows);

    reset();
    Browser.visible(By.id("register:signer")).sendKeys(performerId);
    Browser.driver().findElement(By.id("register:apply")).click();
    // The performer's two steps and the batch's completion.
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("register:signatures"), "1-3 of 3"));
    rows = Browser.driver().findElement(By.id("register:signatures")).getText();
    assertFalse(rows.contains("Verified by"), rows);

    reset();
    Browser.visible(By.id("register:batch")).sendKeys("NO-SUCH-BATCH");
    Browser.driver().findElement(By.id("register:apply")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("register:signatures"), "No electronic signature matches these criteria."));
  }

  /** Chooses a value of one of the register's filters, searches and waits for the total. */
  private static void choose(String filter, String value, String total) {
    new org.openqa.selenium.support.ui.Select(Browser.driver().findElement(By.id(filter)))
        .selectByVisibleText(value);
    Browser.driver().findElement(By.id("register:apply")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("register:signatures"), total));
  }

  /** Clears the register's filters and waits until the form shows them cleared. */
  private static void reset() {
    WebElement signer = Browser.driver().findElement(By.id("register:signer"));
    Browser.driver().findElement(By.id("register:reset")).click();
    Browser.waiting().until(ExpectedConditions.stalenessOf(signer));
  }
}
