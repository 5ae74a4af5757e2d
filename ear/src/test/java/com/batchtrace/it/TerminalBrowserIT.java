package com.batchtrace.it;

import static com.batchtrace.it.TerminalScreen.CURRENT;
import static com.batchtrace.it.TerminalScreen.awaitCharge;
import static com.batchtrace.it.TerminalScreen.awaitStepStatus;
import static com.batchtrace.it.TerminalScreen.click;
import static com.batchtrace.it.TerminalScreen.current;
import static com.batchtrace.it.TerminalScreen.scan;
import static com.batchtrace.it.TerminalScreen.sign;
import static com.batchtrace.it.TerminalScreen.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static final String BLEND_TIME = "Blend time";

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
    String firstLot = Lots.released(Lots.inQuarantine(raw)).getString("lotNumber");
    String secondLot = Lots.released(Lots.inQuarantine(raw)).getString("lotNumber");
    String wrongLot = Lots.released(Lots.inQuarantine(other)).getString("lotNumber");
    // Step 1 dispenses 50 kg ± 2 % with a manual blend time (10 to 15 min) and a second
    // person's verification; step 2 dries on the line's dryer, which publishes inlet-temp.
    DryingLine line = new DryingLine(Recipes.of(TerminalBatch.recipe(product, raw), true));
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

    scan(wrongLot, "25.5");
    String refusal = "Lot " + wrongLot + " refused: Lot " + wrongLot + " is " + other;
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-exceptions"), refusal));
    String exceptions = current(".bt-exceptions").getText();
    assertTrue(exceptions.contains("Lot refused"), exceptions);
    assertTrue(exceptions.contains("needs " + raw), "the plain reason: " + exceptions);
    assertTrue(
        current(".bt-terminal-messages").getText().contains("needs " + raw),
        "the service's message is shown");
    assertEquals("0 kg", current(".bt-charged").getText(), "nothing was charged");
    Browser.screenshot("terminal-refused-scan");

    scan(firstLot, "25.5");
    awaitCharge(firstLot, "25.5");
    assertEquals(
        "24.5", current("input.bt-quantity").getAttribute("value"), "the rest is proposed");
    current("input.bt-lot").sendKeys(secondLot + Keys.ENTER);
    awaitCharge(secondLot, "24.5");

    current("input.bt-manual").sendKeys("20" + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-terminal-messages"),
                "add a comment saying why. Nothing was recorded."));
    assertTrue(
        Browser.driver().findElements(By.cssSelector(CURRENT + " .bt-entries")).isEmpty(),
        "nothing was recorded");
    current("input.bt-comment").sendKeys("Blender stopped once; restarted per SOP-7");
    current("input.bt-comment").sendKeys(Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-entries"), BLEND_TIME + ": 20 min"));
    assertTrue(current(".bt-exceptions").getText().contains("Value outside its limits"));

    sign("perform", "sign:perform-sign");
    awaitStepStatus(1, "PERFORMED");
    assertTrue(step(1).getText().contains("Performed by"), step(1).getText());
    assertTrue(step(1).getText().contains("Olivia Ortega"), step(1).getText());

    click("verify");
    WebElement verifier = Browser.visible(By.id("sign:verify-sign:username"));
    assertEquals("", verifier.getAttribute("value"), "the second person types their own id");
    verifier.sendKeys(DemoUser.OPERATOR2.username);
    Browser.screenshot("terminal-verify-dialog");
    sign(null, "sign:verify-sign");
    awaitStepStatus(1, "DONE");
    String verified = step(1).getText();
    assertTrue(verified.contains("Verified by"), verified);
    assertTrue(verified.contains("Omar Okafor"), verified);

    click("start");
    awaitStepStatus(2, "IN_PROGRESS");
    line.publish(Instant.now(), 1000, 60.4);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(CURRENT + " .bt-live"), "60.4 °C"));
    sign("perform", "sign:perform-sign");
    awaitStepStatus(2, "DONE");

    WebElement lot = Browser.visible(By.id("complete:output-lot"));
    assertEquals(number, lot.getAttribute("value"), "the produced lot defaults to the batch");
    assertEquals(
        "100",
        Browser.driver().findElement(By.id("complete:output-quantity")).getAttribute("value"));
    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    sign(null, "sign:complete-sign");
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("produced"), "Quarantine"));
    assertTrue(Browser.visible(By.id("produced")).getText().contains(number));
    assertEquals("In review", Browser.visible(By.id("batch-status")).getText());

    // The next operator at the same terminal: straight to the sign-in, then the same batch.
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
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "Batch " + number));
    Browser.visible(By.id("to-queue")).click();
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
}
