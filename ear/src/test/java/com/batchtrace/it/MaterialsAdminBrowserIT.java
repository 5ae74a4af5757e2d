package com.batchtrace.it;

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
  @Tag("URS-068")
  void aMaterialIsChangedWithAReasonAndTheAuditorFindsItByItsCode() {
    String code = Lots.material("RAW");

    Browser.signInAs(DemoUser.ADMIN, "/admin/materials.xhtml");
    WebElement filter = Browser.visible(By.cssSelector("[id='materials:all'] thead input"));
    filter.sendKeys(code);
    Browser.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("[id='materials:all_data'] tr")).size() == 1
                    && d.findElement(By.id("materials:all")).getText().contains(code));
    Browser.driver().findElement(By.cssSelector("[id='materials:all_data'] [id$=':edit']")).click();
    OfficePages.type("materials:edit-name", "Paracetamol, micronised");
    Browser.driver().findElement(By.id("materials:save-edit")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("materials:messages"), "A reason for change is required"));
    assertTrue(Browser.driver().findElement(By.id("materials:messages")).getText().contains(code));

    OfficePages.type("materials:edit-reason", "Name per supplier specification");
    Browser.driver().findElement(By.id("materials:save-edit")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("materials:messages"), "Material " + code + " changed."));
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
