package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's machine data page: the broker connection, a topic nobody maps shown with its last
 * payload and mapped in two clicks (its next value is stored), and an unreadable payload shown as a
 * dead letter with the reason.
 */
@Tag("URS-027")
@Tag("URS-029")
class MachineDataAdminBrowserIT extends DeployedApplication {

  @Test
  void anUnmappedTopicIsMappedFromThePageAndADeadLetterShowsItsReason() throws Exception {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    JsonObject line = admin.createLine("Machine data plant");
    String topic = line.getString("unsPath") + "/line-speed";

    try (Uns uns = Uns.device()) {
      uns.publish(topic, Uns.value(118, Instant.now()));
      uns.publish(topic, "speed=118".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      awaitRows("select count(*) from batchtrace.unmapped_topic where topic = ?", topic, 1);
      awaitRows("select count(*) from batchtrace.dead_letter where topic = ?", topic, 1);

      Browser.signInAs(DemoUser.ADMIN, "/admin/collection.xhtml");
      Browser.waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("broker-state"), "Connected"));
      String unmappedRow = "//*[@id='topics:unmapped']//tr[.//code[text()='" + topic + "']]";
      assertTrue(Browser.visible(By.xpath(unmappedRow)).getText().contains("\"value\":118"));
      String deadRow = "//*[@id='topics:dead-letters']//tr[.//code[text()='" + topic + "']]";
      assertTrue(
          Browser.visible(By.xpath(deadRow)).getText().contains("not a JSON object"),
          "the reason is shown with the payload");

      Browser.driver().findElement(By.xpath(unmappedRow + "//button")).click();
      Browser.waiting()
          .until(ExpectedConditions.attributeToBe(By.id("mapping:source"), "value", topic));
      assertEquals(
          "line-speed", Browser.driver().findElement(By.id("mapping:tag")).getAttribute("value"));
      new Select(Browser.driver().findElement(By.id("mapping:equipment")))
          .selectByVisibleText(line.getString("unsPath"));
      Browser.driver().findElement(By.id("mapping:unit")).sendKeys("m/min");
      // Expected every second: silent for longer, the page says the tag is stale.
      Browser.driver().findElement(By.id("mapping:interval")).sendKeys("1");
      Browser.driver().findElement(By.id("mapping:map")).click();
      // The new row, by its source topic (another test maps a tag of the same name elsewhere).
      Browser.visible(By.xpath("//*[@id='mapping:tags']//tr[.//code[text()='" + topic + "']]"));

      uns.publish(topic, Uns.value(121.5, Instant.now()));
      awaitRows(
          "select count(*) from batchtrace.process_value v"
              + " join batchtrace.uns_tag t on t.id = v.tag_id where t.topic = ?",
          topic,
          1);
      // Each tag with its last value and time, and how long it has been silent past its interval.
      // Silent past its 1 s interval takes real time: the page is reloaded until it says so.
      By row = By.xpath("//*[@id='mapping:tags']//tr[.//code[text()='" + topic + "']]");
      Browser.waiting()
          .pollingEvery(java.time.Duration.ofMillis(500))
          .until(
              d -> {
                d.navigate().refresh();
                return Browser.visible(row).getText().matches("(?s).*silent for \\d+ s.*");
              });
      String tagRow = Browser.visible(row).getText();
      assertTrue(tagRow.contains("121.5 m/min"), "the last value with its unit: " + tagRow);
      assertTrue(tagRow.matches("(?s).*silent for \\d+ s.*"), "stale past its interval: " + tagRow);
    }
  }

  /** Waits up to 15 s until the count for the topic is {@code expected}. */
  private static void awaitRows(String countSql, String topic, long expected)
      throws InterruptedException {
    TestStack.await(
        () -> TestStack.count(countSql, topic) == expected, Duration.ofSeconds(15), countSql);
  }
}
