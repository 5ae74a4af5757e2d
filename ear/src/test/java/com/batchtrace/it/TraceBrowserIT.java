package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** QA traces a lot on the trace page: forward, backward, recall impact and the CSV download. */
@Tag("URS-023")
class TraceBrowserIT extends DeployedApplication {

  @Test
  void qaTracesForwardAndBackwardAndSeesTheRecallImpact() throws SQLException {
    SmallPlant plant = SmallPlant.create();

    Browser.signInAs(DemoUser.REVIEWER, "/review/trace.xhtml");
    // A scanner types the lot number and ends with Enter.
    Browser.visible(By.id("trace:lot")).sendKeys(SmallPlant.number(plant.r1) + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "4 lot(s) made from"));
    String forward = Browser.driver().findElement(By.id("trace:lots")).getText();
    for (var lot : new jakarta.json.JsonObject[] {plant.i1, plant.f1, plant.f2, plant.f3}) {
      assertTrue(forward.contains(SmallPlant.number(lot)), forward);
    }
    assertTrue(forward.contains("QUARANTINE"), "each lot with its status: " + forward);

    Browser.driver().findElement(By.id("trace:recall")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "finished lots only"));
    String recall = Browser.driver().findElement(By.id("trace:lots")).getText();
    assertTrue(recall.contains(SmallPlant.number(plant.f3)), recall);
    assertFalse(recall.contains(SmallPlant.number(plant.i1)), "no intermediates: " + recall);

    String href = Browser.driver().findElement(By.id("trace:export-csv")).getAttribute("href");
    HttpResponse<byte[]> csv =
        TestStack.sendForBytes(
            HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + Browser.sessionCookie().getValue()));
    assertEquals(200, csv.statusCode());
    String body = new String(csv.body(), StandardCharsets.UTF_8);
    assertEquals(3, body.lines().filter(l -> l.contains(",FINISHED,")).count(), body);

    Browser.driver().findElement(By.id("trace:finished-only")).click();
    Browser.driver().findElement(By.xpath("//input[@value='BACKWARD']")).click();
    var lotField = Browser.driver().findElement(By.id("trace:lot"));
    lotField.clear();
    lotField.sendKeys(SmallPlant.number(plant.f3));
    Browser.driver().findElement(By.id("trace:go")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("summary"), "4 lot(s) went into"));
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
}
