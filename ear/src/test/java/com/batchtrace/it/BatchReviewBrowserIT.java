package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * QA reviews a completed batch in the browser: the review queue shows it with its open exceptions;
 * the batch review page lists the exceptions first; release is refused with the plain reason while
 * one is open; each exception is dispositioned in the signature dialog (accepted with a
 * justification, or linked to a deviation by its reference); the full record shows steps, values
 * with their correction, lots and signatures with their manifestation; the release is signed and
 * the batch and its produced lot show Released; the batch report PDF has the record, "Page x of y",
 * the manifestations, and the SHA-256 sent with it is the SHA-256 of its bytes.
 */
class BatchReviewBrowserIT extends DeployedApplication {

  private static final String DEVIATION = "Granulator stopped for 10 minutes";
  private static final String CORRECTION_REASON = "Misread the timer";

  @Test
  @Tag("URS-035")
  @Tag("URS-036")
  @Tag("URS-037")
  @Tag("URS-038")
  @Tag("URS-066")
  void qaReviewsByExceptionReadsTheFullRecordReleasesAndPrintsTheReport() throws IOException {
    String performerId = TestStack.newOperator("Paula");
    String verifierId = TestStack.newOperator("Victor");
    RestClient performer = RestClient.as(performerId);
    TerminalBatch batch = new TerminalBatch();
    String[] charged = new String[2];
    String output = completedWithExceptions(batch, performer, verifierId, charged);
    int exceptions = exceptionsOf(batch).size();
    assertEquals(4, exceptions, "refused lot, out of limits, correction, deviation");

    Browser.signInAs(DemoUser.REVIEWER, "/review/index.xhtml");
    String row = "//tr[.//code[text()='" + batch.number + "']]";
    assertEquals(
        String.valueOf(exceptions),
        Browser.visible(By.xpath(row + "//span[@data-open]")).getAttribute("data-open"),
        "the queue shows the batch's open exceptions");
    Browser.driver().findElement(By.xpath(row + "//a[contains(@id, ':open')]")).click();

    WebElement list = Browser.visible(By.id("exceptions:list"));
    String listed = list.getText();
    for (String kind : List.of("Lot refused", "Out of limits", "Correction", "Deviation")) {
      assertTrue(listed.contains(kind), listed);
    }
    assertTrue(
        list.getLocation().getY()
            < Browser.driver().findElement(By.id("record")).getLocation().getY(),
        "the exceptions come first, the record after them");

    // Readiness first: every blocker listed and linked to its exception; Release disabled.
    WebElement blockers = Browser.visible(By.id("blockers"));
    Browser.screenshot("review-readiness");
    String blocking = blockers.getText();
    assertEquals(exceptions, blockers.findElements(By.tagName("li")).size(), blocking);
    assertTrue(blocking.contains("Lot refused on step 1 is not dispositioned"), blocking);
    assertTrue(blocking.contains("Out of limits on step 1 is not dispositioned"), blocking);
    assertTrue(blocking.contains("Correction on step 1 is not dispositioned"), blocking);
    assertTrue(blocking.contains("Deviation on step 1 is open: " + DEVIATION), blocking);
    for (WebElement link : blockers.findElements(By.tagName("a"))) {
      String target = link.getAttribute("href").replaceAll(".*#", "");
      assertEquals(
          1,
          Browser.driver()
              .findElements(By.cssSelector("[id='exceptions:list_data'] #" + target))
              .size(),
          "each blocker links to its exception's row: " + target);
    }
    assertFalse(Browser.driver().findElement(By.id("decide:release")).isEnabled());
    assertTrue(Browser.driver().findElement(By.id("decide:reject")).isEnabled());
    assertEquals("In review", Browser.driver().findElement(By.id("batch-status")).getText());

    for (int i = 0; i < exceptions; i++) {
      String exceptionRow = "[id='exceptions:list_data'] tr:nth-child(" + (i + 1) + ")";
      String kind =
          Browser.driver()
              .findElement(By.cssSelector(exceptionRow))
              .findElement(By.className("bt-exception-kind"))
              .getText();
      Browser.visible(By.id("exceptions:list:" + i + ":dispose")).click();
      // In place: the form opens right below the exception's own row, spelled out.
      WebElement form =
          Browser.visible(By.cssSelector(exceptionRow + " + tr fieldset.bt-disposition-form"));
      assertTrue(
          form.getText()
              .contains("of the " + kind.toLowerCase() + " on step 1 of batch " + batch.number),
          form.getText());
      String prefix = "exceptions:list:" + i + ":";
      if (i == 0) {
        ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'})", form);
        Browser.screenshot("review-batch-record");
        // Input is checked before the signature dialog opens: no justification, no dialog.
        Browser.driver().findElement(By.id(prefix + "sign-disposition")).click();
        Browser.waiting()
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("exceptions:messages"), "Write the justification of the disposition"));
        assertFalse(
            Browser.driver().findElement(By.id("exceptions:sign:dialog")).isDisplayed(),
            "the signature dialog stays closed");
      }
      Browser.visible(By.id(prefix + "justification")).sendKeys("Reviewed " + kind + ": no impact");
      if (kind.equals("Deviation")) {
        Browser.driver().findElement(By.id(prefix + "kind:1")).click();
        Browser.driver().findElement(By.id(prefix + "deviation")).sendKeys("DEV-2026-0107");
      }
      SignatureDialog.sign(prefix + "sign-disposition", "exceptions:sign");
      SignatureDialog.closed("exceptions:sign");
      By dispositioned = By.cssSelector(exceptionRow + " .bt-signature");
      Browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(dispositioned));
      assertTrue(
          Browser.driver().findElement(dispositioned).getText().contains("Reviewed by"),
          Browser.driver().findElement(dispositioned).getText());
      String message = Browser.driver().findElement(By.id("exceptions:messages")).getText();
      assertTrue(
          message.contains(
              "Dispositioned the " + kind.toLowerCase() + " on step 1 of batch " + batch.number),
          "the message names the exception by the batch's identifiers: " + message);
      if (i < exceptions - 1) {
        assertEquals(
            exceptions - 1 - i,
            Browser.driver().findElements(By.cssSelector("#blockers li")).size(),
            "a dispositioned exception no longer blocks");
      }
    }
    // Nothing blocks any more: the panel says so, and no stale message remains.
    Browser.visible(By.id("ready"));
    assertTrue(Browser.driver().findElements(By.id("blockers")).isEmpty());
    assertTrue(Browser.driver().findElement(By.id("decide:release")).isEnabled());
    String decideMessages = Browser.driver().findElement(By.id("decide:messages")).getText();
    assertFalse(
        decideMessages.contains("not dispositioned")
            || decideMessages.contains("Nothing was signed"),
        "no refusal stays once it is no longer true: " + decideMessages);
    listed = Browser.driver().findElement(By.id("exceptions:list")).getText();
    assertTrue(listed.contains("Deviation DEV-2026-0107: Reviewed Deviation"), listed);
    assertTrue(listed.contains("Accepted: Reviewed Lot refused"), listed);

    Browser.driver().findElement(By.id("show-record")).click();
    String record = Browser.visible(By.id("record")).getText();
    assertTrue(record.contains("Dispense and blend"), record);
    assertTrue(record.contains("Scan the API lots, charge them and blend."), record);
    assertTrue(record.contains("Blend time = 16"), "the original value stays: " + record);
    assertTrue(record.contains("Blend time = 13"), record);
    assertTrue(record.contains("corrects entry"), record);
    assertTrue(record.contains(CORRECTION_REASON), record);
    assertTrue(record.contains(charged[0]) && record.contains(charged[1]), record);
    assertTrue(record.contains(DEVIATION), record);
    String stepOne =
        Browser.driver()
            .findElement(By.cssSelector(".bt-step[data-step='1'] .bt-step-signatures"))
            .getText();
    assertTrue(stepOne.contains("Performed by") && stepOne.contains(performerId), stepOne);
    assertTrue(stepOne.contains("Verified by") && stepOne.contains(verifierId), stepOne);
    assertTrue(
        stepOne.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}.*"),
        "date and time with the zone offset: " + stepOne);
    String audit = Browser.driver().findElement(By.id("audit-form:entries")).getText();
    assertTrue(audit.contains("Exception disposition"), audit);

    SignatureDialog.sign("decide:release", "decide:release-sign");
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("batch-status"), "Released"));
    String outcome = Browser.driver().findElement(By.id("decide:outcome")).getText();
    assertTrue(outcome.contains("Released by") && outcome.contains("Rita Reyes"), outcome);
    String lots = Browser.driver().findElement(By.id("decide:lots")).getText();
    assertTrue(lots.contains(output) && lots.contains("Released"), lots);
    assertTrue(Browser.driver().findElements(By.id("decide:release")).isEmpty(), "decided");

    HttpResponse<byte[]> report = Browser.downloadResponse(By.id("report"));
    assertEquals("application/pdf", report.headers().firstValue("Content-Type").orElse(""));
    String sha256 = report.headers().firstValue("X-Report-SHA256").orElseThrow();
    assertEquals(sha256(report.body()), sha256, "the SHA-256 sent is that of the report's bytes");
    // Long lines and table cells wrap: read the text with every run of white space as one space.
    String pdf = AuditorBrowserIT.pdfText(report.body()).replaceAll("\\s+", " ");
    assertTrue(pdf.contains(batch.number), pdf);
    assertTrue(pdf.matches(".*Page 1 of ?\\d+\\b.*"), "page x of y: " + pdf);
    assertTrue(pdf.contains("Released by Rita Reyes (" + DemoUser.REVIEWER.username + ")"), pdf);
    assertTrue(pdf.contains("Performed by"), pdf);
    assertTrue(pdf.contains("Reviewed by Rita Reyes"), pdf);
    assertTrue(pdf.contains("DEV-2026-0107"), pdf);
    assertTrue(pdf.contains(CORRECTION_REASON), pdf);
    assertTrue(pdf.contains(output), pdf);
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.security_event where kind = 'EXPORT'"
                + " and detail like ?",
            "%batch report of batch " + batch.number + "%" + sha256),
        "the report and its SHA-256 are recorded as an export");
  }

  /**
   * Step 1 with a refused (quarantined) lot, two lots charged, a value out of limits corrected with
   * a reason, and a deviation; step 2 done; the batch completed. Returns the produced lot.
   */
  static String completedWithExceptions(
      TerminalBatch batch, RestClient performer, String verifierId, String[] charged) {
    expect(200, batch.start(performer, 1));
    batch.refusedScan(performer, 1);
    charged[0] = batch.releasedLot().getString("lotNumber");
    charged[1] = batch.releasedLot().getString("lotNumber");
    expect(200, batch.scan(performer, 1, charged[0], "25"));
    expect(200, batch.scan(performer, 1, charged[1], "25"));
    long entry =
        expect(200, batch.enter(performer, 1, "16", "Timer read at the end"))
            .getJsonNumber("id")
            .longValue();
    expect(
        200,
        performer.post(
            "/executions/entries/" + entry + "/corrections",
            Json.createObjectBuilder()
                .add("value", 13)
                .add("reason", CORRECTION_REASON)
                .build()
                .toString()));
    expect(
        200,
        performer.post(
            batch.path("/steps/1/notes"),
            "{\"kind\":\"DEVIATION\",\"text\":\"" + DEVIATION + "\"}"));
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    expect(200, batch.verify(performer, 1, verifierId, DemoUser.PASSWORD));
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    String output = Lots.unique("FG");
    HttpResponse<String> done = batch.complete(performer, output, "98.5");
    assertEquals(200, done.statusCode(), done.body());
    return output;
  }

  private static List<JsonObject> exceptionsOf(TerminalBatch batch) {
    return TestStack.json(
            RestClient.as(DemoUser.REVIEWER).get("/reviews/" + batch.id + "/exceptions").body())
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
