package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The master-data steward finds a material in the filtered list and changes its name with a reason
 * (none, nothing changes); the auditor finds the change by the material's code, with old and new
 * value.
 */
class MaterialsAdminBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-077")
  void aGtinWithAWrongCheckDigitIsRefusedAndAValidOneIsSavedWithItsReason() {
    String code = Lots.material("RAW");
    String gtin = Gs1ScanIT.randomGtin();
    String wrong = gtin.substring(0, 13) + (gtin.charAt(13) - '0' + 1) % 10;

    Browser.signInAs(DemoUser.ADMIN, "/admin/materials.xhtml");
    openEditor(code);
    OfficePages.type("materials:edit-gtin", wrong);
    OfficePages.type("materials:edit-reason", "Supplier labels carry GS1 codes");
    saveEditAndAwait("is not valid: its check digit is");
    assertEquals(0, withGtin(code, wrong), "nothing changed");

    OfficePages.type("materials:edit-gtin", gtin);
    Browser.screenshot("admin-material-gtin");
    saveEditAndAwait("Material " + code + " changed.");
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("materials:all"), gtin));
    assertEquals(1, withGtin(code, gtin), "kept in its 14-digit form");
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.material_aud a join batchtrace.audit_revision r"
                + " on r.id = a.rev where a.code = ? and a.gtin = ? and r.reason = ?",
            code,
            gtin,
            "Supplier labels carry GS1 codes"),
        "audited with the reason");
  }

  @Test
  @Tag("URS-077")
  void aGtinThatAnotherMaterialHasIsRefused() {
    String gtin = Gs1ScanIT.randomGtin();
    String labelled = Lots.material("RAW", gtin);
    String code = Lots.material("RAW");

    Browser.signInAs(DemoUser.ADMIN, "/admin/materials.xhtml");
    openEditor(code);
    OfficePages.type("materials:edit-gtin", gtin);
    OfficePages.type("materials:edit-reason", "Supplier labels carry GS1 codes");
    saveEditAndAwait("is the GTIN of material " + labelled + " already");
    assertEquals(0, withGtin(code, gtin), "nothing changed");
  }

  private static long withGtin(String code, String gtin) {
    return TestStack.count(
        "select count(*) from batchtrace.material where code = ? and gtin = ?", code, gtin);
  }

  /** Saves the material editor and waits for the message that says what happened. */
  private static void saveEditAndAwait(String message) {
    Browser.driver().findElement(By.id("materials:save-edit")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("materials:messages"), message));
  }

  private static void openEditor(String code) {
    WebElement filter = Browser.visible(By.cssSelector("[id='materials:all'] thead input"));
    filter.sendKeys(code);
    Browser.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("[id='materials:all_data'] tr")).size() == 1
                    && d.findElement(By.id("materials:all")).getText().contains(code));
    Browser.driver().findElement(By.cssSelector("[id='materials:all_data'] [id$=':edit']")).click();
  }

  @Test
  @Tag("URS-068")
  void aMaterialIsChangedWithAReasonAndTheAuditorFindsItByItsCode() {
    String code = Lots.material("RAW");

    Browser.signInAs(DemoUser.ADMIN, "/admin/materials.xhtml");
    openEditor(code);
    OfficePages.type("materials:edit-name", "Paracetamol, micronised");
    saveEditAndAwait("A reason for change is required");
    assertTrue(Browser.driver().findElement(By.id("materials:messages")).getText().contains(code));

    OfficePages.type("materials:edit-reason", "Name per supplier specification");
    saveEditAndAwait("Material " + code + " changed.");
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("materials:all"), "Paracetamol, micronised"));

    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    Browser.visible(By.id("search:record")).sendKeys(code);
    Browser.driver().findElement(By.id("search:apply")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("results:entries"), "1-2 of 2"));
    String entries = Browser.driver().findElement(By.id("results:entries")).getText();
    assertTrue(entries.contains("Name per supplier specification"), entries);
    assertTrue(entries.contains("Modified"), entries);
    Browser.driver().findElement(By.id("results:entries:0:history")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("history"), "Name: Test material " + code + " → Paracetamol, micronised"));
  }
}
