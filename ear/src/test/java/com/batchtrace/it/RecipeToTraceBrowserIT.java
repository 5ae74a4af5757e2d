package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole path in the browser: an author writes a recipe and submits it; being QA too does not
 * let them approve their own record; another reviewer approves it with a signature; a lot is
 * received and released; a batch is planned from the approved version, the lots are charged and the
 * batch completed; the trace shows the finished lot forward from the raw lot and the raw lots
 * backward from the finished lot.
 */
@Tag("URS-023")
@Tag("URS-024")
@Tag("URS-025")
@Tag("URS-026")
class RecipeToTraceBrowserIT extends DeployedApplication {

  @Test
  void authorApproveReceiveReleasePlanChargeCompleteAndTrace() throws SQLException {
    String product = Lots.material("FINISHED");
    String raw = Lots.material("RAW");
    String line = RestClient.as(DemoUser.ADMIN).createLine("End-to-end plant").getString("unsPath");
    String author = TestStack.newKeycloakUser("Alex", "admin", "qa-reviewer");

    // The author writes the recipe in the browser and submits it.
    Browser.signInAs(author, "/admin/recipes.xhtml");
    new Select(Browser.visible(By.id("recipes:product"))).selectByValue(product);
    Browser.driver().findElement(By.id("recipes:create")).click();
    Browser.visible(By.id("recipes:no-steps"));
    Browser.driver().findElement(By.id("recipes:add-step")).click();
    waitForText("recipes:messages", "The step needs its operation");

    OfficePages.type("recipes:operation", "Blending");
    OfficePages.type("recipes:step-name", "Charge and blend");
    OfficePages.type("recipes:instructions", "Charge the raw material and blend for 10 minutes.");
    Browser.driver().findElement(By.id("recipes:verification")).click();
    Browser.driver().findElement(By.id("recipes:add-step")).click();
    waitForText("steps", "Blending: Charge and blend (second-person verification)");

    new Select(Browser.visible(By.id("recipes:material"))).selectByValue(raw);
    OfficePages.type("recipes:material-quantity", "10");
    OfficePages.type("recipes:material-tolerance", "2");
    Browser.driver().findElement(By.id("recipes:add-material")).click();
    waitForText("steps", "Material " + raw + ": 10 ± 2 %");

    OfficePages.type("recipes:parameter-name", "Blend time");
    OfficePages.type("recipes:parameter-unit", "min");
    OfficePages.type("recipes:parameter-low", "9");
    OfficePages.type("recipes:parameter-high", "11");
    Browser.driver().findElement(By.id("recipes:parameter-critical")).click();
    Browser.driver().findElement(By.id("recipes:add-parameter")).click();
    waitForText("steps", "CPP Blend time [min] manual entry, limits 9 to 11");
    Browser.screenshot("admin-recipe-authoring");
    assertTrue(Browser.visible(By.id("recipes:unsaved")).isDisplayed());

    Browser.driver().findElement(By.id("recipes:submit")).click();
    waitForText("recipes:messages", "Save the draft first");
    OfficePages.type("recipes:reason", "New product introduction");
    Browser.driver().findElement(By.id("recipes:save")).click();
    waitForText("recipes:messages", "Draft saved.");
    assertTrue(Browser.driver().findElements(By.id("recipes:unsaved")).isEmpty());
    Browser.driver().findElement(By.id("recipes:submit")).click();
    waitForText("editor-title", "In review");

    // The author receives the raw lot in the browser.
    String firstLot = Lots.unique("L");
    OfficePages.receiveLot(firstLot, raw, "25", "SUP-778");
    waitForText("lots", firstLot);

    // Being QA as well does not let the author approve their own record.
    OfficePages.approveRecord(product);
    String recordRow = "//tr[.//code[text()='" + product + "']]";
    waitForText("records:messages", "someone else must approve it");
    assertTrue(
        Browser.driver().findElement(By.xpath(recordRow)).getText().contains("In review"),
        "still in review after the author's attempt");

    // Another reviewer approves the record and releases the lot, each with a signature.
    Browser.signInAs(DemoUser.REVIEWER, "/review/recipes.xhtml");
    OfficePages.approveRecord(product);
    OfficePages.awaitApproved(product);

    Browser.driver().get(TestStack.app("/review/lots.xhtml").toString());
    String lotRow = "//tr[.//code[text()='" + firstLot + "']]";
    Browser.visible(By.xpath(lotRow + "//button[contains(@id, ':release')]")).click();
    SignatureDialog.credentials("queue:release-sign");
    Browser.driver().findElement(By.id("queue:release-sign:confirm")).click();
    waitForText("decided", firstLot);

    // A second lot of the same material arrives and is released over the API.
    JsonObject second = Lots.inQuarantine(raw);
    String secondLot = second.getString("lotNumber");
    HttpResponse<String> released =
        Lots.decide(
            DemoUser.REVIEWER,
            second.getJsonNumber("id").longValue(),
            "release",
            DemoUser.PASSWORD,
            null);
    assertEquals(200, released.statusCode(), released.body());

    // The author plans the batch, charges both lots (one refused first) and completes it.
    String batch = Lots.unique("B");
    String finished = Lots.unique("F");
    Browser.signInAs(author, "/admin/batches.xhtml");
    OfficePages.type("plan:batch-number", batch);
    new Select(Browser.visible(By.id("plan:record"))).selectByVisibleText(product + " version 1");
    new Select(Browser.driver().findElement(By.id("plan:line"))).selectByVisibleText(line);
    OfficePages.type("plan:planned", "100");
    Browser.driver().findElement(By.id("plan:create")).click();
    waitForText("detail-title", "Planned");

    assertTrue(
        Browser.visible(By.id("run-on-terminal")).getText().contains("terminal"),
        "the batch runs on the terminal, not on the planning page");

    // Operators run it over the terminal's API: the refused charge changes nothing.
    long id = batchId(batch);
    RestClient olivia = RestClient.as(DemoUser.OPERATOR1);
    RestClient.expect(200, olivia.post("/executions/" + id + "/steps/1/start", "{}"));
    HttpResponse<String> tooMuch = scan(olivia, id, firstLot, "30");
    assertEquals(422, tooMuch.statusCode(), tooMuch.body());
    assertTrue(tooMuch.body().contains("at most 10.2 kg"), tooMuch.body());
    assertEquals(
        0, Signing.count("select count(*) from batchtrace.lot_consumption where batch_id = ?", id));
    RestClient.expect(200, scan(olivia, id, firstLot, "6"));
    RestClient.expect(200, scan(olivia, id, secondLot, "4"));
    RestClient.expect(
        200,
        olivia.post(
            "/executions/" + id + "/steps/1/entries",
            "{\"parameter\":\"Blend time\",\"value\":10}"));
    RestClient.expect(
        200,
        olivia.post(
            "/executions/" + id + "/steps/1/perform",
            "{\"password\":\"" + DemoUser.PASSWORD + "\"}"));
    RestClient.expect(
        200,
        olivia.post(
            "/executions/" + id + "/steps/1/verify",
            "{\"username\":\"operator2\",\"password\":\"" + DemoUser.PASSWORD + "\"}"));
    HttpResponse<String> completed =
        olivia.post(
            "/executions/" + id + "/complete",
            "{\"lotNumber\":\""
                + finished
                + "\",\"quantity\":100,\"password\":\""
                + DemoUser.PASSWORD
                + "\"}");
    assertEquals(200, completed.statusCode(), completed.body());
    assertTrue(completed.body().contains("QUARANTINE"), completed.body());

    // QA traces forward from the raw lot to the finished lot, and backward again.
    Browser.signInAs(DemoUser.REVIEWER, "/review/trace.xhtml");
    OfficePages.type("trace:lot", firstLot);
    Browser.driver().findElement(By.id("trace:go")).click();
    waitForText("trace:lots", finished);
    assertEquals(List.of(finished), tracedLots());
    // The tree: the raw lot, the batch that consumed 6 kg of it, the finished lot it made.
    assertTrue(node("lot-" + firstLot).getText().contains("Released"));
    assertTrue(node("batch-" + batch).getText().contains("consumed 6 kg"));
    WebElement made = under("batch-" + batch, "lot-" + finished);
    assertTrue(made.getText().contains("Quarantine"), made.getText());

    OfficePages.type("trace:lot", finished);
    Browser.driver().findElement(By.xpath("//label[contains(., 'Backward')]")).click();
    Browser.driver().findElement(By.id("trace:go")).click();
    waitForText("trace:lots", secondLot);
    List<String> inputs = tracedLots();
    assertEquals(2, inputs.size(), inputs.toString());
    assertEquals(Set.of(firstLot, secondLot), Set.copyOf(inputs));
    // The tree backward: the finished lot, the batch that made it, the two lots charged into it.
    Browser.visible(By.cssSelector("[data-node='batch-" + batch + "']"));
    assertTrue(under("batch-" + batch, "lot-" + firstLot).getText().contains("consumed 6 kg"));
    assertTrue(under("batch-" + batch, "lot-" + secondLot).getText().contains("consumed 4 kg"));
  }

  private static void waitForText(String id, String text) {
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  /** A node of the trace tree by its data-node key ("lot-…" or "batch-…"). */
  private static WebElement node(String key) {
    return Browser.visible(By.cssSelector("[data-node='" + key + "']"));
  }

  /** A node shown in the tree below another one. */
  private static WebElement under(String parentKey, String key) {
    return node(parentKey)
        .findElement(By.xpath("./ancestor::li[contains(@class,'ui-treenode')][1]"))
        .findElement(By.cssSelector(".ui-treenode-children [data-node='" + key + "']"));
  }

  private static List<String> tracedLots() {
    return Browser.driver()
        .findElements(By.cssSelector("[id='trace:lots'] tbody tr td:first-child code"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static HttpResponse<String> scan(
      RestClient operator, long batch, String lot, String quantity) {
    return operator.post(
        "/executions/" + batch + "/steps/1/scans",
        "{\"lotNumber\":\"" + lot + "\",\"quantity\":" + quantity + "}");
  }

  private static long batchId(String batchNumber) {
    try (Connection db = TestStack.databaseAsSuperuser();
        PreparedStatement s =
            db.prepareStatement("select id from batchtrace.batch where batch_number = ?")) {
      s.setString(1, batchNumber);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
