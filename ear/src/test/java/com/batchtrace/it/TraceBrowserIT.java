package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * QA traces a lot on the trace page: forward, backward, recall impact, the tree that expands step
 * by step, and the CSV and PDF downloads.
 */
@Tag("URS-023")
class TraceBrowserIT extends DeployedApplication {

  @Test
  void qaTracesForwardAndBackwardAndSeesTheRecallImpact() throws SQLException {
    SmallPlant plant = SmallPlant.create();

    signInAndScan(plant.r1, "4 lots made from");
    String forward = Browser.driver().findElement(By.id("trace:lots")).getText();
    for (var lot : new JsonObject[] {plant.i1, plant.f1, plant.f2, plant.f3}) {
      assertTrue(forward.contains(SmallPlant.number(lot)), forward);
    }
    assertTrue(forward.contains("Quarantine"), "each lot with its status: " + forward);

    // The recall impact agrees with the tree: intermediate and finished lots, counted and labelled.
    Browser.driver().findElement(By.id("trace:recall")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "Recall impact: 4 lots made from"));
    String summary = Browser.driver().findElement(By.id("summary")).getText();
    assertTrue(summary.contains("1 intermediate, 3 finished"), summary);
    String recall = Browser.driver().findElement(By.id("trace:lots")).getText();
    assertTrue(recall.contains(SmallPlant.number(plant.f3)), recall);
    assertTrue(recall.contains(SmallPlant.number(plant.i1)), "intermediates too: " + recall);
    assertTrue(recall.contains("Intermediate") && recall.contains("Finished"), recall);
    // Every lot number is a link to its own trace.
    Browser.driver().findElement(By.linkText(SmallPlant.number(plant.i1))).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "made from lot " + SmallPlant.number(plant.i1)));
    Browser.driver().findElement(By.id("trace:lot")).clear();
    Browser.driver().findElement(By.id("trace:lot")).sendKeys(SmallPlant.number(plant.r1));
    Browser.driver().findElement(By.id("trace:recall")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "Recall impact: 4 lots made from"));

    String body = new String(Browser.download(By.id("trace:export-csv")), StandardCharsets.UTF_8);
    assertEquals(3, body.lines().filter(l -> l.contains(",FINISHED,")).count(), body);
    assertEquals(1, body.lines().filter(l -> l.contains(",INTERMEDIATE,")).count(), body);

    Browser.driver().findElement(By.id("trace:finished-only")).click();
    traceBackward(plant.f3);
  }

  @Test
  void theTreeExpandsStepByStepInStatusColoursAndShowsTheCycleOnce() throws SQLException {
    SmallPlant plant = SmallPlant.create();
    // QA's decisions give the lots their colours: I1 released, F1 rejected, the rest in quarantine.
    assertEquals(200, decide(plant.i1, "release", null));
    assertEquals(200, decide(plant.f1, "reject", "Seal broken"));

    signInAndScan(plant.r1, "4 lots made from");

    // The lot traced from comes expanded one step: the granulation and what it made.
    Browser.visible(lot(plant.r1));
    assertStatus(plant.r1, "QUARANTINE");
    String granulation = Browser.visible(batch(plant.b1)).getText();
    assertTrue(granulation.contains("consumed 12.5 kg"), "how much of R1 went in: " + granulation);
    assertStatus(plant.i1, "RELEASED");
    assertTrue(
        Browser.driver().findElements(lot(plant.f1)).isEmpty(), "one step only, until expanded");

    expand(plant.i1);
    assertTrue(Browser.visible(batch(plant.b2)).getText().contains("consumed 10 kg"));
    Browser.visible(lot(plant.f1));
    assertStatus(plant.f1, "REJECTED");
    assertStatus(plant.f2, "QUARANTINE");
    assertTrue(isLeaf(lot(plant.f1)), "F1 went nowhere: nothing to expand");

    expand(plant.f2);
    assertTrue(Browser.visible(batch(plant.b3)).getText().contains("consumed 2 kg"));
    Browser.visible(lot(plant.f3));

    // F3 went into the granulation, which is already at the top: shown once more, marked, and not
    // expanded again.
    expand(plant.f3);
    By cycle = By.cssSelector("[data-node='batch-" + plant.b1 + "'].bt-cycle");
    assertTrue(Browser.visible(cycle).getText().contains("cycle"));
    assertTrue(isLeaf(cycle), "the cycle is not expandable");
    assertEquals(2, Browser.driver().findElements(batch(plant.b1)).size());
    assertEquals(1, Browser.driver().findElements(lot(plant.i1)).size(), "I1 is not repeated");

    // Backward from F3 the cycle shows at F3 itself, the lot traced from.
    traceBackward(plant.f3);
    Browser.visible(batch(plant.b3));
    assertTrue(lotUnder(plant.b3, plant.r2).getText().contains("consumed 4 kg"));
    expand(plant.f2);
    Browser.visible(lot(plant.i1));
    expand(plant.i1);
    Browser.visible(batch(plant.b1));
    assertTrue(
        lotUnder(plant.b1, plant.r2).getText().contains("consumed 4.5 kg"),
        "both charges of R2 into the granulation");
    By f3Again = By.cssSelector("[data-node='lot-" + SmallPlant.number(plant.f3) + "'].bt-cycle");
    assertTrue(Browser.visible(f3Again).getText().contains("cycle"));
    assertTrue(isLeaf(f3Again));
  }

  @Test
  @Tag("URS-017")
  void thePdfOfATraceListsItsLotsWithTheChecksumOfTheCsvAndIsASecurityEvent()
      throws SQLException, IOException {
    SmallPlant plant = SmallPlant.create();
    long exports = exportEvents();

    signInAndScan(plant.r1, "4 lots made from");

    String pdf = AuditorBrowserIT.pdfText(Browser.download(By.id("trace:export-pdf")));
    assertTrue(pdf.contains("Batchtrace genealogy trace"), pdf);
    assertTrue(pdf.contains("Start lot: " + SmallPlant.number(plant.r1)), pdf);
    assertTrue(pdf.contains("Direction: forward"), pdf);
    assertTrue(pdf.contains("Exported by: Rita Reyes (reviewer)"), pdf);
    for (var lot : new JsonObject[] {plant.i1, plant.f1, plant.f2, plant.f3}) {
      assertTrue(pdf.contains(SmallPlant.number(lot)), pdf);
    }
    assertTrue(pdf.contains(plant.b2), "made by batch: " + pdf);
    assertTrue(pdf.contains("Rows: 4"), pdf);
    assertTrue(pdf.matches("(?s).*Page 1 of ?1\\b.*"), "page x of y: " + pdf);

    CsvExport csv = CsvExport.read(Browser.download(By.id("trace:export-csv")));
    assertEquals("4", csv.value("# Rows: "));
    assertTrue(
        pdf.contains("SHA-256: " + csv.sha256()), "the PDF carries the CSV's checksum: " + pdf);

    assertEquals(exports + 2, exportEvents(), "each download is a security event");
    assertEquals(
        1,
        Signing.count(
            "select count(*) from batchtrace.security_event where kind = 'EXPORT'"
                + " and detail like ?",
            "PDF export of the forward trace from lot " + SmallPlant.number(plant.r1) + ":%"));
  }

  @Test
  void anUnknownLotNumberGetsAClearMessage() {
    Browser.signInAs(DemoUser.REVIEWER, "/review/trace.xhtml");
    Browser.visible(By.id("trace:lot")).sendKeys("NO-SUCH-LOT" + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("trace:messages"), "There is no lot with number NO-SUCH-LOT"));
  }

  /** Signs in as QA and scans the lot: a scanner types the lot number and ends with Enter. */
  private static void signInAndScan(JsonObject lot, String summary) {
    Browser.signInAs(DemoUser.REVIEWER, "/review/trace.xhtml");
    Browser.visible(By.id("trace:lot")).sendKeys(SmallPlant.number(lot) + Keys.ENTER);
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), summary));
  }

  /** Traces the lot backward on the page already open (the four lots that went into F3). */
  private static void traceBackward(JsonObject lot) {
    Browser.driver().findElement(By.xpath("//input[@value='BACKWARD']")).click();
    var lotField = Browser.driver().findElement(By.id("trace:lot"));
    lotField.clear();
    lotField.sendKeys(SmallPlant.number(lot));
    Browser.driver().findElement(By.id("trace:go")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "4 lots went into"));
  }

  private static By lot(JsonObject lot) {
    return By.cssSelector("[data-node='lot-" + SmallPlant.number(lot) + "']");
  }

  private static By batch(String batchNumber) {
    return By.cssSelector("[data-node='batch-" + batchNumber + "']");
  }

  private static void assertStatus(JsonObject lot, String status) {
    WebElement badge =
        Browser.driver().findElement(lot(lot)).findElement(By.cssSelector(".bt-status"));
    assertTrue(
        badge.getAttribute("class").contains("bt-status-" + status),
        SmallPlant.number(lot)
            + " in the colour of "
            + status
            + ": "
            + badge.getAttribute("class"));
    assertEquals(status.charAt(0) + status.substring(1).toLowerCase(), badge.getText());
  }

  /** Clicks the lot's toggler and waits for the next step to arrive. */
  private static void expand(JsonObject lot) {
    WebElement node = treeNode(lot(lot));
    node.findElement(
            By.xpath(
                "./*[contains(@class,'ui-treenode-content')]/span[contains(@class,'ui-tree-toggler')]"))
        .click();
    Browser.waiting()
        .until(
            d ->
                !node.findElements(By.cssSelector(".ui-treenode-children .bt-node")).isEmpty()
                    && Boolean.TRUE.equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
  }

  private static boolean isLeaf(By node) {
    return treeNode(node).getAttribute("class").contains("ui-treenode-leaf");
  }

  /** The tree's list item around a node's content. */
  private static WebElement treeNode(By content) {
    return Browser.driver()
        .findElement(content)
        .findElement(By.xpath("./ancestor::li[contains(@class,'ui-treenode')][1]"));
  }

  /** The lot under the batch in the tree (a lot may be reached along two paths). */
  private static WebElement lotUnder(String batchNumber, JsonObject lot) {
    return treeNode(batch(batchNumber)).findElement(lot(lot));
  }

  private static int decide(JsonObject lot, String decision, String reason) {
    return Lots.decide(
            DemoUser.REVIEWER,
            lot.getJsonNumber("id").longValue(),
            decision,
            DemoUser.PASSWORD,
            reason)
        .statusCode();
  }

  private static long exportEvents() throws SQLException {
    return Signing.count(
        "select count(*) from batchtrace.security_event where user_id = ? and kind = 'EXPORT'",
        DemoUser.REVIEWER.username);
  }
}
