package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page of every office role, with data on it (a batch in review with its exceptions, lots,
 * master records, signatures, an audit trail), speaks the plant's language: no page shows a Java
 * class name, an enum constant or a database column (see {@link PlantLanguage}). All pages are read
 * before the test fails, so one run names every offending page.
 */
class OfficePlainLanguageBrowserIT extends DeployedApplication {

  private final List<String> findings = new ArrayList<>();

  @Test
  @Tag("URS-064")
  void everyOfficePageSpeaksThePlantsLanguage() {
    TerminalBatch batch = new TerminalBatch();
    RestClient performer = RestClient.as(TestStack.newOperator("Paula"));
    String verifier = TestStack.newOperator("Victor");
    String[] charged = new String[2];
    String produced =
        BatchReviewBrowserIT.completedWithExceptions(batch, performer, verifier, charged);

    Browser.signInAs(DemoUser.REVIEWER, "/review/index.xhtml");
    read("/index.xhtml");
    for (String page : List.of("index", "batches", "lots", "recipes", "trace")) {
      read("/review/" + page + ".xhtml");
    }
    read("/review/batch.xhtml?batch=" + batch.id);
    // All batch records: found by a part of the number, with the line by its name.
    Browser.driver().get(TestStack.app("/review/batches.xhtml").toString());
    Browser.visible(By.id("batches:number")).sendKeys(batch.number.substring(2));
    Browser.driver().findElement(By.id("batches:apply")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("batches:all"), "1-1 of 1"));
    // Read once the list has been drawn for the last time (paging draws it again).
    String found =
        Browser.waiting()
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  String text = d.findElement(By.id("batches:all")).getText();
                  return text.contains(batch.number) ? text : null;
                });
    assertTrue(found.contains("1-1 of 1") && found.contains("Terminal plant line"), found);
    check("Review > All batch records, filtered");
    Browser.driver().get(TestStack.app("/review/trace.xhtml").toString());
    Browser.visible(By.id("trace:lot")).sendKeys(charged[0] + Keys.ENTER);
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace:result"), produced));
    check("Review > Trace forward from " + charged[0]);
    Browser.driver().findElement(By.id("trace:recall")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace:result"), produced));
    check("Review > Trace, recall impact of " + charged[0]);
    read("/audit/archive.xhtml");
    read("/audit/access.xhtml");

    Browser.signInAs(DemoUser.AUDITOR, "/audit/index.xhtml");
    read("/index.xhtml");
    for (String page :
        List.of("index", "signatures", "security-events", "integrity", "archive", "access")) {
      read("/audit/" + page + ".xhtml");
    }
    Browser.driver().get(TestStack.app("/audit/index.xhtml").toString());
    Browser.visible(By.id("results:entries:0:history")).click();
    Browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
    check("Audit > a record's history");

    Browser.signInAs(DemoUser.ADMIN, "/admin/equipment.xhtml");
    read("/index.xhtml");
    for (String page :
        List.of("equipment", "materials", "recipes", "lots", "batches", "collection")) {
      read("/admin/" + page + ".xhtml");
    }
    String row = "//tr[.//code[text()='" + batch.number + "']]";
    Browser.driver().get(TestStack.app("/admin/batches.xhtml").toString());
    Browser.visible(By.xpath(row + "//button[contains(@id, ':open')]")).click();
    Browser.visible(By.id("detail-title"));
    check("Admin > Batches > " + batch.number);

    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  private void read(String path) {
    Browser.driver().get(TestStack.app(path).toString());
    Browser.visible(By.id("page-title"));
    check(path);
  }

  /**
   * The page's text as shown, without what it shows verbatim as evidence: a machine's payload and
   * topic as received, a dead letter's reason as it was recorded (append-only, with the parser's
   * own words for the technician) and SHA-256 hashes are the machine's and the record's, not the
   * program's words on the page.
   */
  private static final String TEXT_WITHOUT_VERBATIM_EVIDENCE =
      "var hidden = [];"
          + " document.querySelectorAll('.bt-payload, .bt-hash, .bt-verbatim').forEach(function (e) {"
          + "   hidden.push([e, e.style.display]); e.style.display = 'none'; });"
          + " var text = document.body.innerText;"
          + " hidden.forEach(function (h) { h[0].style.display = h[1]; });"
          + " return text;";

  private void check(String where) {
    String text =
        (String)
            ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
                .executeScript(TEXT_WITHOUT_VERBATIM_EVIDENCE);
    try {
      PlantLanguage.assertNoCodeWords(text, where);
    } catch (AssertionError e) {
      findings.add(e.getMessage());
    }
  }
}
