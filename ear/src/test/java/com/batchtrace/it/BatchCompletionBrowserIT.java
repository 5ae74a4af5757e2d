package com.batchtrace.it;

import static com.batchtrace.it.TerminalScreen.awaitFocus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Completing a batch reconciles its yield: the quantity made against the planned quantity and the
 * inputs, within the master record's yield limits (95 to 102 % here). Outside them the operator
 * must say why, and QA gets an exception with the comment. The produced lot's label is a PDF whose
 * GS1 DataMatrix a scanner decodes to the lot's element string; each print after the first is
 * recorded as a reprint.
 */
@Tag("URS-063")
class BatchCompletionBrowserIT extends DeployedApplication {

  @AfterEach
  void officeScreen() {
    Browser.defaultWindowSize();
  }

  @Test
  @Tag("URS-083")
  void aYieldOutsideItsLimitsNeedsACommentAndTheLabelCarriesTheLotsGs1Code() throws Exception {
    String gtin = Gs1ScanIT.randomGtin();
    String product = Lots.unique("FIN");
    HttpResponse<String> created =
        RestClient.as(DemoUser.ADMIN)
            .post(
                "/materials",
                Json.createObjectBuilder()
                    .add("code", product)
                    .add("name", "Granulate " + product)
                    .add("kind", "FINISHED")
                    .add("unit", "kg")
                    .add("shelfLifeDays", 90)
                    .add("gtin", gtin)
                    .build()
                    .toString());
    assertEquals(201, created.statusCode(), created.body());
    TerminalBatch batch =
        new TerminalBatch(Lots.material("RAW"), product, new String[] {"95", "102"});
    RestClient operator = RestClient.as(DemoUser.OPERATOR1);
    batch.stepOneDone(operator, DemoUser.OPERATOR1.username, DemoUser.OPERATOR2.username);
    RestClient.expect(200, batch.start(operator, 2));
    RestClient.expect(200, batch.perform(operator, 2, DemoUser.PASSWORD));

    Browser.windowSize(1280, 800);
    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    Browser.driver().get(TestStack.app("/terminal/batch.xhtml?batch=" + batch.id).toString());
    awaitFocus("complete:output-quantity");
    String reconciliation = Browser.visible(By.id("complete:reconciliation")).getText();
    assertTrue(reconciliation.contains("100 kg"), reconciliation);
    assertTrue(reconciliation.contains("within 95 to 102 %"), reconciliation);
    assertTrue(reconciliation.contains("50 kg"), "charged: " + reconciliation);

    WebElement made = Browser.driver().findElement(By.id("complete:output-quantity"));
    made.clear();
    made.sendKeys("90" + Keys.TAB);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("yield-planned"), "90 % outside 95 to 102 %"));
    assertTrue(
        Browser.driver()
            .findElement(By.id("yield-planned"))
            .getAttribute("class")
            .contains("bt-out"),
        "red outside the limits");
    assertTrue(
        Browser.visible(By.id("complete:reconciliation")).getText().contains("yield 180 %"),
        "90 kg made from 50 kg charged");
    Browser.screenshot("terminal-yield-reconciliation");

    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("complete:complete-messages"), "add a comment saying why"));
    assertEquals("IN_PROGRESS", batch.run(operator).getString("status"), "nothing completed");

    Browser.driver()
        .findElement(By.id("complete:output-comment"))
        .sendKeys("Sieve blocked; 10 kg scrapped per SOP-12");
    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    // Signed "performed": the dialog says what is signed; a wrong password completes nothing and
    // leaves the focus in the password field.
    SignatureDialog.awaitFocus("sign:complete-sign");
    String subject = Browser.visible(By.id("sign:complete-sign:dialog")).getText();
    assertTrue(
        subject.contains("Completion of batch " + batch.number) && subject.contains("Performed"),
        subject);
    Browser.screenshot("terminal-completion-dialog");
    WebElement user = Browser.visible(By.id("sign:complete-sign:username"));
    if (user.getAttribute("readonly") == null && user.getAttribute("value").isEmpty()) {
      user.sendKeys(DemoUser.OPERATOR1.username);
    }
    Browser.visible(By.id("sign:complete-sign:password")).sendKeys("not-the-password" + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign:complete-sign:messages"), "Wrong password"));
    awaitFocus("sign:complete-sign:password");
    assertEquals("IN_PROGRESS", batch.run(operator).getString("status"), "nothing completed");
    TerminalScreen.sign(null, "sign:complete-sign");
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("produced"), "Quarantine"));
    JsonObject run = batch.run(operator);
    assertEquals("IN_REVIEW", run.getString("status"));
    List<JsonObject> yieldExceptions = new ArrayList<>();
    for (JsonValue step : run.getJsonArray("steps")) {
      for (JsonValue x : step.asJsonObject().getJsonArray("exceptions")) {
        if ("YIELD_OUT_OF_LIMITS".equals(x.asJsonObject().getString("kind"))) {
          yieldExceptions.add(x.asJsonObject());
        }
      }
    }
    assertEquals(1, yieldExceptions.size(), run.toString());
    String detail = yieldExceptions.get(0).getString("detail");
    assertTrue(detail.contains("Yield 90 %") && detail.contains("Sieve blocked"), detail);

    // The label: a PDF with the lot's GS1 DataMatrix, decoded as a scanner would.
    String lot = batch.number;
    LocalDate expiry = expiryOf(lot);
    String expected =
        "01"
            + gtin
            + "17"
            + String.format(
                "%02d%02d%02d",
                expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth())
            + "10"
            + lot;
    byte[] first = Browser.download(By.cssSelector("a.bt-print-label"));
    Result decoded = decodeDataMatrix(first);
    // A scanner may pass the FNC1 separators as group separators: the data is the same.
    assertEquals(expected, decoded.getText().replace("\u001D", ""), escaped(decoded.getText()));
    assertEquals(
        "]d2",
        decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER),
        "a GS1 DataMatrix (FNC1 first)");
    String text = text(first);
    assertTrue(text.contains(lot) && text.contains("QUARANTINE"), text);
    assertTrue(text.contains("90 kg"), text);
    assertTrue(!text.contains("REPRINT"), text);
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.lot_label_print p join batchtrace.material_lot l"
                + " on l.id = p.lot_id where l.lot_number = ? and not p.reprint",
            lot));

    byte[] again = Browser.download(By.cssSelector("a.bt-print-label"));
    assertTrue(text(again).contains("REPRINT 1"), text(again));
    assertEquals(expected, decodeDataMatrix(again).getText().replace("\u001D", ""));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.lot_label_print p join batchtrace.material_lot l"
                + " on l.id = p.lot_id where l.lot_number = ? and p.reprint",
            lot),
        "the reprint is recorded");

    qaReadsTheSignedCompletion(batch.id);
  }

  /**
   * QA's review page and the batch report show the completion's "performed" signature (full name,
   * user id, time in the site's zone), the quantity made against the plan, the yield against its
   * limits and the operator's comment.
   */
  private static void qaReadsTheSignedCompletion(long batchId) throws Exception {
    Browser.signInAs(DemoUser.REVIEWER, "/review/index.xhtml");
    Browser.driver().get(TestStack.app("/review/batch.xhtml?batch=" + batchId).toString());
    String[] signed = completionSignature(batchId);
    String signature = "Performed by " + signed[0] + " (" + signed[1] + ") " + siteTime(signed[2]);
    assertEquals(DemoUser.OPERATOR1.displayName, signed[0]);
    WebElement completion = Browser.visible(By.id("completion"));
    ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", completion);
    String shown = completion.getText().replaceAll("\\s+", " ");
    assertTrue(shown.contains("Made 90 kg of the planned 100 kg: yield 90 %"), shown);
    assertTrue(shown.contains("outside 95 to 102 %"), shown);
    assertTrue(
        shown.contains("Operator's comment: \u201cSieve blocked; 10 kg scrapped per SOP-12\u201d"),
        shown);
    assertTrue(shown.contains(signature), "expected " + signature + " in " + shown);
    PlantLanguage.assertNoCodeWords(shown, "the signed completion on QA's review page");
    Browser.screenshot("review-completion");

    String report = text(Browser.download(By.id("report"))).replaceAll("\\s+", " ");
    assertTrue(
        report.contains("Made: 90 kg of the planned 100 kg; yield 90 %, outside 95 to 102 %."),
        report);
    assertTrue(
        report.contains("Operator's comment: \"Sieve blocked; 10 kg scrapped per SOP-12\""),
        report);
    assertTrue(report.contains(signature + ", valid"), "expected " + signature + " in " + report);
  }

  /** The completion's signature as stored: signer's name, user id and time (UTC). */
  private static String[] completionSignature(long batchId) throws java.sql.SQLException {
    try (java.sql.Connection db = TestStack.databaseAsSuperuser();
        java.sql.PreparedStatement q =
            db.prepareStatement(
                "select signer_name, signer_id, signed_at from batchtrace.electronic_signature"
                    + " where record_type = 'BatchCompletion' and record_id = ?"
                    + " and meaning = 'PERFORMED'")) {
      q.setString(1, String.valueOf(batchId));
      try (java.sql.ResultSet r = q.executeQuery()) {
        assertTrue(r.next(), "the completion is signed");
        String[] signed = {
          r.getString(1), r.getString(2), r.getObject(3, java.time.OffsetDateTime.class).toString()
        };
        assertTrue(!r.next(), "signed once");
        return signed;
      }
    }
  }

  /**
   * A time as the page shows it: in the site's zone (the page's footer names it), with its offset.
   */
  private static String siteTime(String utc) {
    java.util.regex.Matcher zone =
        java.util.regex.Pattern.compile("Times in (\\S+)\\.")
            .matcher(Browser.driver().findElement(By.tagName("body")).getText());
    assertTrue(zone.find(), "the page names the site's time zone");
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
        .format(
            java.time.OffsetDateTime.parse(utc)
                .atZoneSameInstant(java.time.ZoneId.of(zone.group(1))));
  }

  private static LocalDate expiryOf(String lot) throws java.sql.SQLException {
    try (java.sql.Connection db = TestStack.databaseAsSuperuser();
        java.sql.PreparedStatement q =
            db.prepareStatement(
                "select expiry from batchtrace.material_lot where lot_number = ?")) {
      q.setString(1, lot);
      try (java.sql.ResultSet r = q.executeQuery()) {
        r.next();
        return r.getObject(1, LocalDate.class);
      }
    }
  }

  private static String escaped(String text) {
    return "decoded: " + text.replace("\u001D", "<GS>");
  }

  /** The DataMatrix image embedded in the label's page, decoded. */
  private static Result decodeDataMatrix(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image) {
          BufferedImage picture = image.getImage();
          return new DataMatrixReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))),
                  Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        }
      }
    }
    throw new AssertionError("the label has no image");
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
