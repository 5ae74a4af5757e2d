package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A batch's machine data in the browser: QA (review, batch records) and the admin (batches) open a
 * batch and see the parameter's chart with its low and high limits drawn and the excursion marked,
 * and the excursion in the exceptions table; a batch without data says so.
 */
class ProcessChartsBrowserIT extends DeployedApplication {

  private static final By CHART =
      By.cssSelector("section.bt-chart[data-parameter='" + DryingLine.PARAMETER + "'] canvas");

  private final DryingLine dryingLine = new DryingLine();

  @Test
  @Tag("URS-027")
  @Tag("URS-028")
  void reviewerAndAdminSeeTheChartWithLimitsAndTheExcursion() {
    JsonObject batch = dryingLine.plannedBatch();
    long id = batch.getJsonNumber("id").longValue();
    Instant start = Instant.parse(dryingLine.startDrying(id).getString("startedAt")).plusMillis(1);
    dryingLine.publish(start, 1000, 60, 61, 66, 71.5, 62, 60);
    JsonObject silent = dryingLine.plannedBatch();

    Browser.signInAs(DemoUser.REVIEWER, "/review/batches.xhtml");
    Browser.visible(By.xpath(row(batch) + "//a[contains(@id, ':open')]")).click();
    assertChartAndExcursion();
    Browser.driver()
        .get(TestStack.app("/review/batch.xhtml?batch=" + silent.getJsonNumber("id")).toString());
    assertTrue(
        Browser.visible(By.cssSelector(".bt-process-empty"))
            .getText()
            .contains("No machine data for this batch yet."));

    Browser.signInAs(DemoUser.ADMIN, "/admin/batches.xhtml");
    Browser.visible(By.xpath(row(batch) + "//button[contains(@id, ':open')]")).click();
    assertChartAndExcursion();
  }

  private static void assertChartAndExcursion() {
    WebElement canvas = Browser.visible(CHART);
    Browser.waiting()
        .until(d -> script("return !!Chart.getChart(arguments[0])", canvas).equals(Boolean.TRUE));
    @SuppressWarnings("unchecked")
    List<String> labels =
        (List<String>)
            script("return Chart.getChart(arguments[0]).data.datasets.map(d => d.label)", canvas);
    assertEquals(List.of("Inlet temperature (C)", "Low limit 55 C", "High limit 65 C"), labels);
    assertEquals(
        6L, script("return Chart.getChart(arguments[0]).data.datasets[0].data.length", canvas));
    assertEquals(
        "CPP_EXCURSION",
        script(
            "return Chart.getChart(arguments[0]).options.plugins.btProcess.periods"
                + ".map(p => p.kind).join()",
            canvas));

    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[id$='process:exceptions']"), "CPP excursion"));
    String exceptions =
        Browser.driver().findElement(By.cssSelector("[id$='process:exceptions']")).getText();
    assertTrue(exceptions.contains(DryingLine.PARAMETER), exceptions);
    assertTrue(exceptions.contains("71.5"), exceptions);
    assertTrue(exceptions.contains("outside its limits"), exceptions);
  }

  private static String row(JsonObject batch) {
    return "//tr[.//code[text()='" + batch.getString("batchNumber") + "']]";
  }

  private static Object script(String script, WebElement canvas) {
    return ((JavascriptExecutor) Browser.driver()).executeScript(script, canvas);
  }
}
