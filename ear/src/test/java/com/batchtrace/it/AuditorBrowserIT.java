package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The auditor at work in a real browser: searches the audit trail, reads a record's history with
 * old and new values and reasons, downloads CSV and PDF exports whose checksum matches their
 * content, verifies integrity and signs an audit trail review.
 */
class AuditorBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-018")
  @Tag("URS-019")
  @Tag("URS-069")
  void theAuditorSearchesReadsAHistoryAndExportsCsvAndPdfWithAMatchingChecksum()
      throws IOException {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    jakarta.json.JsonObject subject = admin.createEnterprise("Browser audit subject");
    long id = subject.getJsonNumber("id").longValue();
    admin.put(
        "/equipment/" + id,
        "{\"name\":\"Browser audit subject (renamed)\",\"active\":true,"
            + "\"reason\":\"Name per site master file\"}");

    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    Browser.visible(By.id("search:user")).sendKeys("admin");
    // The equipment as people know it: by its UNS path, not its database id.
    Browser.driver().findElement(By.id("search:record")).sendKeys(subject.getString("unsPath"));
    Browser.driver().findElement(By.id("search:apply")).click();
    // The unfiltered first page may show the same entry: wait for the filtered result itself.
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("results:entries"), "1-2 of 2"));
    Browser.screenshot("audit-trail-search");
    String table = Browser.driver().findElement(By.id("results:entries")).getText();
    assertTrue(table.contains("Name per site master file"), table);

    Browser.driver().findElement(By.id("results:entries:0:history")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("history"), "History of Equipment Browser audit subject (renamed)"));
    String history = Browser.driver().findElement(By.id("history")).getText();
    assertTrue(
        history.contains("Browser audit subject → Browser audit subject (renamed)"), history);
    assertTrue(history.contains("Name per site master file"), history);
    assertTrue(history.contains("Adrian Alvarez (admin)"), history);

    CsvExport csv = CsvExport.read(Browser.download(By.id("export-csv")));
    String checksum = csv.sha256();
    assertEquals("2", csv.value("# Rows: "));
    assertTrue(csv.data().contains("Name per site master file"), csv.data());
    // Each entry with what it changed: the old and the new value of each field.
    assertTrue(csv.data().lines().findFirst().orElseThrow().endsWith(",changes"), csv.data());
    assertTrue(
        csv.data().contains("name: Browser audit subject → Browser audit subject (renamed)"),
        csv.data());
    String json =
        new String(Browser.download(By.id("export-json")), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        json.contains(
            "\"changes\":\"name: Browser audit subject → Browser audit subject (renamed)\""),
        json);

    String pdf = pdfText(Browser.download(By.id("export-pdf")));
    assertTrue(pdf.contains("Name per site master file"), pdf);
    assertTrue(pdf.contains("Rows: 2"), pdf);
    assertTrue(pdf.contains("SHA-256: " + checksum), "the PDF carries the same checksum: " + pdf);
    assertTrue(pdf.matches("(?s).*Page 1 of ?1\\b.*"), "page x of y: " + pdf);
  }

  @Test
  @Tag("URS-014")
  @Tag("URS-016")
  @Tag("URS-073")
  void theAuditorVerifiesIntegrityAndSignsAReviewShownWithItsManifestation() {
    Browser.signInAs(DemoUser.AUDITOR, "/audit/integrity.xhtml");
    Browser.visible(By.id("integrity:verify")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Intact"));

    Browser.driver().findElement(By.id("review:conclusion")).sendKeys("Browser review: in order");
    Browser.driver().findElement(By.id("review:sign-review")).click();
    SignatureDialog.credentials("review:sign");
    Browser.driver().findElement(By.id("review:sign:confirm")).click();

    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("reviews"), "Browser review: in order"));
    String manifestation =
        Browser.driver().findElement(By.cssSelector("#reviews .bt-signature")).getText();
    assertTrue(manifestation.contains("Reviewed by"), manifestation);
    assertTrue(manifestation.contains("Ava Adams"), manifestation);
    assertTrue(
        manifestation.matches(
            "(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}.*"),
        "date and time with the zone offset: " + manifestation);

    // The auditor's home: the entries the next review has to cover, linked to the reviews.
    Browser.driver().get(TestStack.app("/index.xhtml").toString());
    WebElement tile = Browser.visible(By.id("tile-reviewed"));
    String pending = Browser.driver().findElement(By.id("pending-review")).getText();
    assertTrue(pending.matches("\\d+|more than \\d+"), "a count of entries: " + pending);
    assertTrue(tile.getText().contains("waiting for review"), tile.getText());
    assertTrue(
        tile.getText().matches("(?s).*reviewed up to \\d{4}-\\d{2}-\\d{2} .*"), tile.getText());
    assertTrue(
        tile.getAttribute("href").endsWith("/audit/integrity.xhtml"), tile.getAttribute("href"));
  }

  /** The text of a PDF, as PDFBox reads it. */
  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
