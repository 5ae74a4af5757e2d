package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The master-data steward changes an approved master batch record: the new version starts as a copy
 * of the approved one; a step is moved; the comparison with the approved version shows the move;
 * leaving the page with the change unsaved asks first, and after saving it does not.
 */
class RecipeAuthoringBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-067")
  @Tag("URS-077")
  void aNewVersionStartsFromTheApprovedOneAndTheComparisonShowsAMovedStep() {
    String product = approvedProductWithANewDraft();
    assertEquals(
        List.of("Dispensing: Dispense and blend", "Drying: Dry"), stepTitles(), "copied steps");
    String comparison = Browser.visible(By.id("compare-table")).getText();
    // The yield limits (none in either) and both steps are the same.
    assertEquals(
        3, Browser.driver().findElements(By.cssSelector("#compare-table tr.bt-same")).size());
    assertTrue(comparison.contains("Yield limits: none"), comparison);
    assertTrue(comparison.contains("Version 1"), comparison);

    // Move "Dry" before "Dispense and blend".
    Browser.driver().findElement(By.cssSelector("[id$=':1:move-up']")).click();
    Browser.visible(By.id("recipes:unsaved"));
    Browser.waiting()
        .until(d -> stepTitles().equals(List.of("Drying: Dry", "Dispensing: Dispense and blend")));
    comparison = Browser.visible(By.id("compare-table")).getText();
    assertTrue(comparison.contains("moved from step 2"), comparison);
    assertTrue(comparison.contains("moved from step 1"), comparison);
    ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'})",
            Browser.driver().findElement(By.id("compare-table")));
    Browser.screenshot("admin-recipe-comparison");

    // Leaving with the move unsaved asks first; staying keeps the working copy.
    Browser.driver().findElement(By.id("nav-batches")).click();
    Alert leave = Browser.waiting().until(ExpectedConditions.alertIsPresent());
    assertTrue(leave.getText().contains("changes that are not saved"), leave.getText());
    leave.dismiss();
    assertTrue(Browser.driver().getCurrentUrl().contains("/admin/recipes"));
    Browser.visible(By.id("recipes:unsaved"));

    // Yield limits are set with the draft: refused when they make no sense, nothing saved.
    saveWithYield("102", "95", "the low one at most the high one");
    Browser.visible(By.id("recipes:unsaved"));
    assertEquals(0, yieldLimitsSaved(product, "95", "102"), "nothing saved");
    saveWithYield("95", "102", "Draft saved.");
    ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'})",
            Browser.driver().findElement(By.id("yield")));
    Browser.screenshot("admin-recipe-yield-limits");
    assertTrue(Browser.driver().findElements(By.id("recipes:unsaved")).isEmpty());
    assertEquals(1, yieldLimitsSaved(product, "95", "102"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.master_batch_record_aud a join batchtrace.audit_revision"
                + " r on r.id = a.rev join batchtrace.material m on m.id = a.product_id"
                + " where m.code = ? and a.yield_low_percent = 95 and r.reason = ?",
            product,
            "Dry first: new equipment order"),
        "audited with the reason");
    assertTrue(
        Browser.visible(By.id("compare-table")).getText().contains("moved from step 2"),
        "the saved version still differs from the approved one");

    // Saved: leaving asks nothing.
    Browser.driver().findElement(By.id("nav-batches")).click();
    Browser.waiting().until(ExpectedConditions.urlContains("/admin/batches"));
  }

  @Test
  @Tag("URS-074")
  void qaSeesWhatChangedSinceTheApprovedVersionBeforeApproving() {
    String product = approvedProductWithANewDraft();
    Browser.driver().findElement(By.cssSelector("[id$=':1:move-up']")).click();
    Browser.visible(By.id("recipes:unsaved"));
    OfficePages.type("recipes:reason", "Dry first: new equipment order");
    Browser.driver().findElement(By.id("recipes:save")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("recipes:messages"), "Draft saved."));
    submitAndOpenVersionTwoAsQa(product);
    String comparison = Browser.visible(By.id("compare-table")).getText();
    assertTrue(comparison.contains("moved from step 2"), comparison);
    assertTrue(comparison.contains("moved from step 1"), comparison);
    assertEquals(
        2, Browser.driver().findElements(By.cssSelector("#compare-table tr.bt-changed")).size());
    PlantLanguage.assertNoCodeWords(comparison, "the comparison QA approves from");
  }

  @Test
  @Tag("URS-084")
  void aChangeOfOnlyTheYieldLimitsIsComparedByQaAndNeedsItsOwnApproval() throws Exception {
    String product = approvedProductWithANewDraft();
    saveWithYield("95", "102", "Draft saved.");
    // QA's comparison with the approved version 1: the yield limits are the one change.
    submitAndOpenVersionTwoAsQa(product);
    List<WebElement> changed =
        Browser.driver().findElements(By.cssSelector("#compare-table tr.bt-changed"));
    assertEquals(1, changed.size(), Browser.visible(By.id("compare-table")).getText());
    String row = changed.get(0).getText();
    assertTrue(
        row.contains("Yield limits: none")
            && row.contains("Yield limits: 95 to 102 % of the planned quantity")
            && row.contains("changed"),
        row);
    assertTrue(
        Browser.visible(By.id("yield-limits")).getText().contains("95 to 102 %"),
        "the limits QA approves");
    ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'})",
            Browser.driver().findElement(By.id("compare-table")));
    Browser.screenshot("review-recipe-yield-comparison");

    // Version 1's approval does not cover version 2: it is in review, unusable until approved.
    long v1 = recordId(product, 1);
    long v2 = recordId(product, 2);
    assertEquals(
        "IN_REVIEW",
        TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/master-batch-records/" + v2))
            .getString("status"));
    HttpResponse<String> approved =
        RestClient.as(DemoUser.REVIEWER)
            .post(
                "/master-batch-records/" + v2 + "/approve",
                "{\"password\":\"" + DemoUser.PASSWORD + "\",\"reason\":\"Yield limits set\"}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertTrue(approvalValid(v1), "version 1's approval stays valid for version 1");
    assertTrue(approvalValid(v2));

    // The limits are part of what the approval signed: the application's database role cannot
    // change them any more, and a change behind everyone's back shows the approval as invalid.
    try (Connection db = TestStack.databaseAsApplication();
        Statement s = db.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "update batchtrace.master_batch_record set yield_high_percent = 110"
                          + " where id = "
                          + v2));
      assertTrue(
          refused.getMessage().contains("only a draft can be changed"), refused.getMessage());
    }
    try {
      rogueYieldHigh(v2, "110");
      assertFalse(approvalValid(v2), "the approval does not cover other limits");
    } finally {
      rogueYieldHigh(v2, "102");
    }
    assertTrue(approvalValid(v2), "the approved limits again");
  }

  /** The id of a version of the product's master batch record. */
  private static long recordId(String product, int version) throws SQLException {
    try (Connection db = TestStack.databaseAsSuperuser();
        java.sql.PreparedStatement q =
            db.prepareStatement(
                "select r.id from batchtrace.master_batch_record r join batchtrace.material m"
                    + " on m.id = r.product_id where m.code = ? and r.mbr_version = ?")) {
      q.setString(1, product);
      q.setInt(2, version);
      try (java.sql.ResultSet r = q.executeQuery()) {
        assertTrue(r.next(), "version " + version + " of " + product);
        return r.getLong(1);
      }
    }
  }

  /** Whether the record's approval signature is valid for its content now. */
  private static boolean approvalValid(long id) {
    jakarta.json.JsonArray signatures =
        TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/master-batch-records/" + id))
            .getJsonArray("signatures");
    assertEquals(1, signatures.size(), signatures.toString());
    return signatures.getJsonObject(0).getBoolean("valid");
  }

  /** The database's owner changes the highest yield with the database's checks switched off. */
  private static void rogueYieldHigh(long id, String high) throws SQLException {
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.executeUpdate(
          "update batchtrace.master_batch_record set yield_high_percent = "
              + high
              + " where id = "
              + id);
    }
  }

  /**
   * A product whose first version QA approved, and the admin on the recipes page with version 2
   * just created from it; returns the product.
   */
  private static String approvedProductWithANewDraft() {
    String material = Lots.material("RAW");
    String product = Lots.material("FINISHED");
    Recipes.of(TerminalBatch.recipe(product, material), true);

    Browser.signInAs(DemoUser.ADMIN, "/admin/recipes.xhtml");
    new Select(Browser.visible(By.id("recipes:product"))).selectByValue(product);
    Browser.driver().findElement(By.id("recipes:create")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("recipes:messages"),
                "Draft " + product + " version 2 created as a copy of approved version 1."));
    return product;
  }

  /** Saves the draft with these yield limits and the reason; waits for the page's message. */
  private static void saveWithYield(String low, String high, String message) {
    OfficePages.type("recipes:reason", "Dry first: new equipment order");
    OfficePages.type("recipes:yield-low", low);
    OfficePages.type("recipes:yield-high", high);
    Browser.driver().findElement(By.id("recipes:save")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("recipes:messages"), message));
  }

  private static long yieldLimitsSaved(String product, String low, String high) {
    return TestStack.count(
        "select count(*) from batchtrace.master_batch_record r join batchtrace.material m"
            + " on m.id = r.product_id where m.code = ? and r.mbr_version = 2"
            + " and r.yield_low_percent = ?::numeric and r.yield_high_percent = ?::numeric",
        product,
        low,
        high);
  }

  private static List<String> stepTitles() {
    return Browser.driver().findElements(By.cssSelector("#steps > li > strong")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Submits the draft for review and opens its version 2 as QA, at the comparison. */
  private static void submitAndOpenVersionTwoAsQa(String product) {
    Browser.driver().findElement(By.id("recipes:submit")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("recipes:messages"), "Submitted for QA review."));

    Browser.signInAs(DemoUser.REVIEWER, "/review/recipes.xhtml");
    String versionTwo =
        "//tr[.//code[text()='" + product + "'] and ./td[2][normalize-space()='2']]";
    Browser.visible(By.xpath(versionTwo + "//button[contains(@id, ':open')]")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("records:comparison"), "What changed since version 1 (approved)"));
  }
}
