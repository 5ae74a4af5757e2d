package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator executes a batch on the shop-floor terminal at 1280x800: work queue, scans (a wrong
 * lot refused and recorded with its reason), a manual value out of limits (refused without a
 * comment), the performed signature, a second person's verification at the same terminal, and
 * completion into a quarantined lot. Also the quick user switch and the idle sign-out (the test
 * server's idle time is one minute, ear/pom.xml).
 */
class TerminalBrowserIT extends DeployedApplication {

  private static final String CURRENT = ".bt-step-current";
  private static final String LOSS_ON_DRYING = "Loss on drying";

  @BeforeEach
  void terminalScreen() {
    Browser.windowSize(1280, 800);
  }

  @AfterEach
  void officeScreen() {
    Browser.defaultWindowSize();
  }

  @Test
  @Tag("URS-031")
  void operatorExecutesABatchOnTheTerminalWithASecondPersonVerifying() throws Exception {
    String raw = Lots.material("RAW");
    String other = Lots.material("RAW");
    String product = Lots.material("INTERMEDIATE");
    String rightLot = Lots.released(Lots.inQuarantine(raw)).getString("lotNumber");
    String wrongLot = Lots.released(Lots.inQuarantine(other)).getString("lotNumber");
    DryingLine line = new DryingLine(Recipes.of(recipe(product, raw), true));
    JsonObject batch = line.plannedBatch();
    String number = batch.getString("batchNumber");

    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    Browser.driver().get(TestStack.app("/terminal/index.xhtml?line=" + line.lineId()).toString());
    assertTrue(
        Browser.visible(By.id("queue")).getText().contains(number), "the batch is in the queue");
    Browser.screenshot("terminal-work-queue");

    // A scanner types the batch number and Enter.
    Browser.visible(By.id("open-batch:batch-number")).sendKeys(number + Keys.ENTER);
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "Batch " + number));

    click("start");
    awaitStepStatus(1, "IN_PROGRESS");

    current("input.bt-lot").sendKeys(wrongLot + Keys.ENTER);
    String refusal = "Lot " + wrongLot + " refused: Lot " + wrongLot + " is " + other;
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-exceptions"), refusal));
    String exceptions = current(".bt-exceptions").getText();
    assertTrue(exceptions.contains("LOT_REFUSED"), exceptions);
    assertTrue(exceptions.contains("needs " + raw), "the plain reason: " + exceptions);
    assertTrue(
        current(".bt-terminal-messages").getText().contains("needs " + raw),
        "the service's message is shown");
    Browser.screenshot("terminal-refused-scan");

    current("input.bt-lot").sendKeys(rightLot + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-charges"), "Lot " + rightLot + ": 20 kg"));

    sign("perform", "sign:perform-sign");
    awaitStepStatus(1, "DONE");
    assertTrue(step(1).getText().contains("Performed by"), step(1).getText());
    assertTrue(step(1).getText().contains("Olivia Ortega"), step(1).getText());

    click("start");
    awaitStepStatus(2, "IN_PROGRESS");
    line.publish(Instant.now(), 1000, 60.4);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-live"), "60.4 C"));

    current("input.bt-value").sendKeys("2.7" + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-terminal-messages"),
                "add a comment saying why. Nothing was recorded."));
    assertTrue(
        Browser.driver().findElements(By.cssSelector(CURRENT + " .bt-entries")).isEmpty(),
        "nothing was recorded");
    current("input.bt-comment").sendKeys("Sample re-tested, within the product specification");
    current("input.bt-comment").sendKeys(Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-entries"), LOSS_ON_DRYING + ": 2.7 %"));
    assertTrue(current(".bt-exceptions").getText().contains("OUT_OF_LIMITS"));

    sign("perform", "sign:perform-sign");
    awaitStepStatus(2, "PERFORMED");

    click("verify");
    WebElement verifier = Browser.visible(By.id("sign:verify-sign:username"));
    assertEquals("", verifier.getAttribute("value"), "the second person types their own id");
    verifier.sendKeys(DemoUser.OPERATOR2.username);
    Browser.screenshot("terminal-verify-dialog");
    sign(null, "sign:verify-sign");
    awaitStepStatus(2, "DONE");
    String verified = step(2).getText();
    assertTrue(verified.contains("Verified by"), verified);
    assertTrue(verified.contains("Omar Okafor"), verified);

    WebElement lot = Browser.visible(By.id("complete:output-lot"));
    assertEquals(number, lot.getAttribute("value"), "the produced lot defaults to the batch");
    assertEquals(
        "100",
        Browser.driver().findElement(By.id("complete:output-quantity")).getAttribute("value"));
    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("produced"), "QUARANTINE"));
    assertTrue(Browser.visible(By.id("produced")).getText().contains(number));
    assertEquals("IN_REVIEW", Browser.visible(By.id("batch-status")).getText());

    // The next operator at the same terminal: straight to the sign-in, then the same line.
    Browser.driver().findElement(By.id("switch-user")).click();
    Browser.visible(By.id("kc-login"));
    assertTrue(
        Browser.driver().getCurrentUrl().startsWith(TestStack.keycloak() + "/realms/plant/"),
        Browser.driver().getCurrentUrl());
    Browser.driver().findElement(By.id("username")).sendKeys(DemoUser.OPERATOR2.username);
    Browser.driver().findElement(By.id("password")).sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    assertTrue(
        Browser.visible(By.id("terminal-user")).getText().contains("Omar Okafor"),
        "operator2 signed in");
    assertEquals("Drying plant line", Browser.visible(By.id("line-name")).getText());
    assertTrue(
        Browser.visible(By.id("queue-empty")).getText().contains("No batch is waiting"),
        "the completed batch left the queue");
  }

  @Test
  @Tag("URS-031")
  void anIdleTerminalWarnsWithACountdownAndSignsOut() {
    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    Object monitor =
        ((JavascriptExecutor) Browser.driver())
            .executeScript("return PF('terminalIdle').cfg.timeout;");
    assertEquals(30_000L, ((Number) monitor).longValue(), "one minute less the 30 s countdown");

    // Nobody touches the terminal.
    WebDriverWait idle = new WebDriverWait(Browser.driver(), Duration.ofSeconds(50));
    idle.until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-countdown")));
    idle.until(ExpectedConditions.textToBe(By.id("page-title"), "You are signed out"));
    assertTrue(Browser.visible(By.id("idle-notice")).getText().contains("without activity"));
  }

  /** Charging 20 kg of the raw material, then drying with a manual value a second person checks. */
  private static String recipe(String product, String material) {
    return Json.createObjectBuilder()
        .add("product", product)
        .add(
            "steps",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Granulation")
                        .add("name", "Charge the granulator")
                        .add("instructions", "Scan each lot and charge it.")
                        .add(
                            "materials",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("material", material)
                                        .add("quantity", 20)
                                        .add("tolerancePercent", 2))))
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Drying")
                        .add("name", "Dry the granulate")
                        .add("instructions", "Dry, then measure the loss on drying.")
                        .add("requiresVerification", true)
                        .add(
                            "parameters",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("name", DryingLine.PARAMETER)
                                        .add("tag", "inlet-temp")
                                        .add("unit", "C")
                                        .add("low", 55)
                                        .add("high", 65)
                                        .add("critical", true))
                                .add(
                                    Json.createObjectBuilder()
                                        .add("name", LOSS_ON_DRYING)
                                        .add("unit", "%")
                                        .add("low", 0.5)
                                        .add("high", 2)
                                        .add("critical", true)))))
        .build()
        .toString();
  }

  private static WebElement current(String css) {
    return Browser.visible(By.cssSelector(CURRENT + " " + css));
  }

  private static WebElement step(int position) {
    return Browser.driver().findElements(By.cssSelector("section.bt-step")).get(position - 1);
  }

  /** Clicks an action of the current step (start, perform, verify). */
  private static void click(String action) {
    Browser.waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(CURRENT + " button[id$=':" + action + "']")))
        .click();
  }

  private static void awaitStepStatus(int position, String status) {
    Browser.waiting()
        .until(
            driver ->
                step(position)
                    .findElement(By.cssSelector(".bt-step-status"))
                    .getText()
                    .equals(status));
  }

  /** Opens the dialog with the step's action (unless open) and signs with the demo password. */
  private static void sign(String action, String dialog) {
    if (action != null) {
      click(action);
    }
    Browser.visible(By.id(dialog + ":password")).sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    Browser.waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog + ":dialog")));
  }
}
