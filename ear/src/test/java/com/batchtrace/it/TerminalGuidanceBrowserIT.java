package com.batchtrace.it;

import static com.batchtrace.it.PlantLanguage.assertNoCodeWords;
import static com.batchtrace.it.PlantLanguage.pageText;
import static com.batchtrace.it.TerminalScreen.awaitCurrent;
import static com.batchtrace.it.TerminalScreen.awaitFocus;
import static com.batchtrace.it.TerminalScreen.awaitStepStatus;
import static com.batchtrace.it.TerminalScreen.current;
import static com.batchtrace.it.TerminalScreen.nextAction;
import static com.batchtrace.it.TerminalScreen.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The terminal guides an operator as paper on glass, at a terminal's 1280x800 (in English) and at
 * 1920x1080 (in German, switched on the terminal): after every action the one next action is on
 * screen without scrolling and the focus is where the next input goes; finished steps fold to one
 * line; a refused signature leaves the focus in the password field; the verifier's dialog starts at
 * the user id; a user switch keeps the batch; and no page shows a stored constant (IN_PROGRESS,
 * LOT_REFUSED), only words, units with their symbols, and values green within and red outside their
 * limits.
 */
class TerminalGuidanceBrowserIT extends DeployedApplication {

  /** Whether this test's terminal speaks German (switched on the terminal bar). */
  private static boolean german;

  @AfterEach
  void officeScreen() {
    Browser.defaultWindowSize();
    // The terminal's language cookie must not follow the next test.
    Browser.signedOut();
    german = false;
  }

  /** The words the terminal shows in the test's language. */
  private static String w(String english, String deutsch) {
    return german ? deutsch : english;
  }

  @Test
  @Tag("URS-060")
  @Tag("URS-061")
  void aTerminalAt1280x800GuidesTheOperatorThroughTheBatch() {
    Browser.windowSize(1280, 800);
    guidedBatch(true, false);
  }

  @Test
  @Tag("URS-060")
  @Tag("URS-061")
  @Tag("URS-082")
  void aGermanTerminalAt1920x1080GuidesTheOperatorThroughTheBatch() {
    Browser.windowSize(1920, 1080);
    guidedBatch(false, true);
  }

  private static void guidedBatch(boolean screenshots, boolean inGerman) {
    String raw = Lots.material("RAW");
    String other = Lots.material("RAW");
    String product = Lots.material("INTERMEDIATE");
    String firstLot = Lots.released(Lots.inQuarantine(raw)).getString("lotNumber");
    String secondLot = Lots.released(Lots.inQuarantine(raw)).getString("lotNumber");
    String wrongLot = Lots.released(Lots.inQuarantine(other)).getString("lotNumber");
    DryingLine line = new DryingLine(Recipes.of(TerminalBatch.recipe(product, raw), true));
    JsonObject batch = line.plannedBatch();
    String number = batch.getString("batchNumber");
    long id = batch.getJsonNumber("id").longValue();

    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    Browser.driver().get(TestStack.app("/terminal/batch.xhtml?batch=" + id).toString());
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "Batch " + number));
    if (inGerman) {
      // The terminal's language button: this terminal speaks German from now on.
      Browser.visible(By.id("language")).click();
      german = true;
      Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "Charge " + number));
    }
    assertTrue(
        nextAction().getText().contains(w("Start step 1", "Schritt 1 starten")),
        "the one next action: start");
    awaitFocus(":start");
    assertTrue(closed(2), "the coming step is one line");
    assertNoCodeWords(pageText(), "a planned batch");

    nextAction().click();
    awaitStepStatus(1, "IN_PROGRESS");
    awaitFocus(":lot");
    assertEquals(
        w("In progress", "In Arbeit"),
        step(1).findElement(By.cssSelector(".bt-step-status")).getText());
    assertTrue(
        Browser.visible(By.cssSelector(".bt-action-bar .bt-next-hint"))
            .getText()
            .contains(w("50 kg still needed", "noch 50 kg nötig")),
        "the bar says what to scan");

    TerminalScreen.scan(wrongLot, "25");
    // The server's refusal in the terminal's language.
    awaitCurrent(
        ".bt-action-bar .bt-terminal-messages",
        w("Nothing was charged.", "Es wurde nichts gebucht."));
    if (inGerman) {
      String refusal =
          Browser.visible(By.cssSelector(".bt-action-bar .bt-terminal-messages")).getText();
      assertTrue(
          refusal.contains("Materialcharge " + wrongLot) && !refusal.contains("Nothing"), refusal);
    }
    awaitCurrent(".bt-exceptions", w("Lot refused", "Materialcharge abgewiesen"));
    awaitFocus(":lot");
    nextAction();
    assertNoCodeWords(pageText(), "a refused scan");
    if (screenshots) {
      Browser.screenshot("terminal-guided-refused-scan");
    }

    // Numbers in the terminal's language: a decimal comma in German, typed and shown.
    TerminalScreen.scan(firstLot, w("24.5", "24,5"));
    awaitCurrent(
        ".bt-charges", w("Lot ", "Materialcharge ") + firstLot + ": " + w("24.5 kg", "24,5 kg"));
    awaitCurrent(
        ".bt-action-bar .bt-terminal-messages",
        w("24.5 kg of lot " + firstLot, "24,5 kg der Materialcharge " + firstLot));
    assertTrue(
        current(".bt-materials").getText().contains(w("24.5 kg", "24,5 kg")),
        current(".bt-materials").getText());
    awaitFocus(":lot");
    assertEquals(w("25.5", "25,5"), current("input.bt-quantity").getAttribute("value"));
    current("input.bt-lot").sendKeys(secondLot + Keys.ENTER);
    awaitCurrent(
        ".bt-charges", w("Lot ", "Materialcharge ") + secondLot + ": " + w("25.5 kg", "25,5 kg"));
    // Both lots charged: the next input is the manual value, with its limits in the bar.
    awaitFocus(":value");
    assertTrue(nextAction().getAttribute("class").contains("bt-manual"));
    assertTrue(
        Browser.visible(By.cssSelector(".bt-action-bar label.bt-next-hint"))
            .getText()
            .contains(w("Enter Blend time (10 to 15 min)", "Blend time eingeben (10 bis 15 min)")));

    // German takes a decimal comma.
    current("input.bt-manual").sendKeys(w("20", "20,0") + Keys.ENTER);
    awaitCurrent(
        ".bt-action-bar .bt-terminal-messages",
        w("add a comment saying why", "Geben Sie einen Kommentar mit der Begründung ein"));
    awaitFocus(":comment");
    current("input.bt-comment").sendKeys("Blender stopped once; restarted per SOP-7" + Keys.ENTER);
    awaitCurrent(".bt-entries", "Blend time: 20 min");
    WebElement outside = current(".bt-entries .bt-entry-value");
    assertTrue(outside.getAttribute("class").contains("bt-out"), "out of limits is red");
    assertTrue(
        current(".bt-entries")
            .getText()
            .contains(w("outside 10 to 15 min", "außerhalb 10 bis 15 min")));
    assertTrue(
        current(".bt-exceptions")
            .getText()
            .contains(w("Value outside its limits", "Wert außerhalb der Grenzen")));

    // Sign as performed: the dialog says what is signed; a wrong password keeps the focus there.
    awaitFocus(":perform");
    nextAction().click();
    SignatureDialog.awaitFocus("sign:perform-sign");
    WebElement dialog = Browser.visible(By.id("sign:perform-sign:dialog"));
    assertTrue(
        dialog
            .getText()
            .contains(
                w(
                    "Step 1 Dispense and blend of batch " + number + " \u2014 Performed",
                    "Schritt 1 Dispense and blend der Charge " + number + " \u2014 Durchgeführt")),
        dialog.getText());
    Rectangle sign = Browser.visible(By.id("sign:perform-sign:confirm")).getRect();
    Rectangle cancel = Browser.visible(By.id("sign:perform-sign:cancel")).getRect();
    int gap =
        Math.max(
            cancel.getX() - (sign.getX() + sign.getWidth()),
            cancel.getY() - (sign.getY() + sign.getHeight()));
    assertTrue(gap >= 24, "Sign and Cancel are " + gap + " px apart");
    WebElement user = Browser.visible(By.id("sign:perform-sign:username"));
    if (user.getAttribute("readonly") == null && user.getAttribute("value").isEmpty()) {
      user.sendKeys(DemoUser.OPERATOR1.username);
    }
    Browser.visible(By.id("sign:perform-sign:password")).sendKeys("not-the-password" + Keys.ENTER);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign:perform-sign:messages"),
                w("Wrong password for", "Falsches Passwort für")));
    awaitFocus("sign:perform-sign:password");
    if (screenshots) {
      Browser.screenshot("terminal-signature-dialog");
    }
    Browser.driver()
        .findElement(By.id("sign:perform-sign:password"))
        .sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    SignatureDialog.closed("sign:perform-sign");
    awaitStepStatus(1, "PERFORMED");
    awaitCurrent(
        ".bt-action-bar .bt-terminal-messages",
        w("Step 1 signed as performed.", "Schritt 1 als durchgeführt unterschrieben."));
    awaitFocus(":verify");
    assertTrue(nextAction().getText().contains(w("Verify", "Prüfen")));
    assertTrue(
        Browser.visible(By.cssSelector(".bt-action-bar .bt-next-hint"))
            .getText()
            .contains(w("Awaiting verification", "Wartet auf Prüfung")));
    assertNoCodeWords(pageText(), "a step awaiting verification");
    if (screenshots) {
      Browser.screenshot("terminal-awaiting-verification");
    }

    // The work queue says the batch waits for a second person.
    Browser.driver().get(TestStack.app("/terminal/index.xhtml?line=" + line.lineId()).toString());
    String queue = Browser.visible(By.id("queue")).getText();
    assertTrue(
        queue.contains(number) && queue.contains(w("Awaiting verification", "Wartet auf Prüfung")),
        queue);
    assertNoCodeWords(pageText(), "the work queue");
    Browser.driver().findElement(By.partialLinkText(number)).click();
    Browser.waiting()
        .until(ExpectedConditions.textToBe(By.id("page-title"), w("Batch ", "Charge ") + number));

    // The second person switches in at the same terminal and lands on the step waiting for them.
    Browser.visible(By.id("switch-user")).click();
    Browser.visible(By.id("kc-login"));
    Browser.driver().findElement(By.id("username")).sendKeys(DemoUser.OPERATOR2.username);
    Browser.driver().findElement(By.id("password")).sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    Browser.waiting()
        .until(ExpectedConditions.textToBe(By.id("page-title"), w("Batch ", "Charge ") + number));
    assertTrue(Browser.visible(By.id("terminal-user")).getText().contains("Omar Okafor"));
    awaitFocus(":verify");
    nextAction().click();
    awaitFocus("sign:verify-sign:username");
    Browser.driver()
        .findElement(By.id("sign:verify-sign:username"))
        .sendKeys(DemoUser.OPERATOR2.username);
    Browser.driver()
        .findElement(By.id("sign:verify-sign:password"))
        .sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    SignatureDialog.closed("sign:verify-sign");
    awaitStepStatus(1, "DONE");

    // Step 1 folds to one line with its signatures; step 2 is next.
    assertTrue(closed(1), "the finished step is one line");
    String summary = step(1).getText();
    assertTrue(summary.contains(w("Done", "Erledigt")), summary);
    assertTrue(summary.contains(w("Performed by", "Durchgeführt von") + " Olivia Ortega"), summary);
    assertTrue(summary.contains(w("Verified by", "Geprüft von") + " Omar Okafor"), summary);
    assertTrue(step(1).getSize().getHeight() < 100, "one line: " + step(1).getSize());
    awaitFocus(":start");
    assertTrue(nextAction().getText().contains(w("Start step 2", "Schritt 2 starten")));
    nextAction().click();
    awaitStepStatus(2, "IN_PROGRESS");
    awaitFocus(":perform");

    // Live machine values: in or out of their limits, in °C.
    line.publish(Instant.now(), 1000, 66.5);
    awaitCurrent(".bt-live", w("66.5 °C", "66,5 °C"));
    WebElement live = current(".bt-live");
    assertTrue(live.getAttribute("class").contains("bt-out"), live.getAttribute("class"));
    assertTrue(
        live.getText().contains(w("outside 55 to 65 °C", "außerhalb 55 bis 65 °C")),
        live.getText());
    assertTrue(current(".bt-limits").getText().contains(w("55 to 65 °C", "55 bis 65 °C")));
    line.publish(Instant.now(), 1000, 60.4);
    awaitCurrent(".bt-live", w("60.4 °C", "60,4 °C"));
    live = current(".bt-live");
    assertTrue(live.getAttribute("class").contains("bt-in"), live.getAttribute("class"));
    assertTrue(
        live.getText().contains(w("within limits", "innerhalb der Grenzen")), live.getText());
    assertNoCodeWords(pageText(), "a running step with machine values");
    if (screenshots) {
      Browser.screenshot("terminal-guided-live-value");
    }

    nextAction().click();
    SignatureDialog.credentials("sign:perform-sign");
    Browser.visible(By.id("sign:perform-sign:password")).sendKeys(Keys.ENTER);
    SignatureDialog.closed("sign:perform-sign");
    awaitStepStatus(2, "DONE");
    // The step is done: its last value stays, the page no longer polls.
    assertTrue(Browser.driver().findElements(By.id("live:background-refresh")).isEmpty());
    assertTrue(Browser.driver().findElements(By.cssSelector(".bt-live")).isEmpty());

    // Completion: the quantity made is the next input.
    awaitFocus("complete:output-quantity");
    nextAction();
    assertTrue(closed(1) && closed(2), "every finished step is one line");
    WebElement made = Browser.driver().findElement(By.id("complete:output-quantity"));
    made.clear();
    made.sendKeys(w("98.4", "98,4") + Keys.TAB);
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("made"), w("98.4 kg", "98,4 kg")));
    // 98.4 kg made from the 50 kg charged.
    String reconciliation = Browser.visible(By.id("complete:reconciliation")).getText();
    assertTrue(reconciliation.contains(w("196.8 %", "196,8 %")), reconciliation);
    if (inGerman) {
      assertTrue(
          !reconciliation.matches("(?s).*\\d\\.\\d.*"), "no decimal point: " + reconciliation);
    }
    if (screenshots) {
      Browser.screenshot("terminal-guided-complete");
    }
    Browser.driver().findElement(By.id("complete:complete-batch")).click();
    TerminalScreen.sign(null, "sign:complete-sign");
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("produced"), w("Quarantine", "Quarantäne")));
    assertEquals(w("In review", "In Prüfung"), Browser.visible(By.id("batch-status")).getText());
    assertTrue(nextAction().getText().contains(w("work queue", "Arbeitsvorrat")));
    assertNoCodeWords(pageText(), "a completed batch");
  }

  @Test
  @Tag("URS-060")
  @Tag("URS-061")
  void aHostileBatchOrLanguageInTheAddressIsIgnored() {
    Browser.signInAs(DemoUser.OPERATOR1, "/terminal/index.xhtml");
    // Not a language the terminal has, and a batch that is not a number: the work queue, English.
    Browser.driver()
        .get(
            TestStack.app("/terminal/language?lang=xx%27%3Cscript%3E&batch=1%0d%0aSet-Cookie:x=y")
                .toString());
    Browser.waiting().until(ExpectedConditions.urlContains("/terminal/index.xhtml"));
    assertEquals("Work queue", Browser.visible(By.id("page-title")).getText());
    assertTrue(
        Browser.driver().manage().getCookieNamed(TerminalLanguageCookie.NAME) == null,
        "no language kept");
    // A user switch from an address with a forged batch lands on the work queue.
    Browser.driver()
        .get(TestStack.app("/logout?reason=switch&batch=..%2F..%2Fadmin%2Fusers").toString());
    Browser.visible(By.id("kc-login"));
    Browser.driver().findElement(By.id("username")).sendKeys(DemoUser.OPERATOR1.username);
    Browser.driver().findElement(By.id("password")).sendKeys(DemoUser.PASSWORD + Keys.ENTER);
    Browser.waiting().until(ExpectedConditions.urlContains("/terminal/index.xhtml"));
    assertEquals("Work queue", Browser.visible(By.id("page-title")).getText());
  }

  /** The terminal language cookie's name, as the server sets it. */
  private static final class TerminalLanguageCookie {
    static final String NAME = "bt-terminal-language";
  }

  /** Whether the step is folded to its one line (a closed details element). */
  private static boolean closed(int position) {
    WebElement step = step(position);
    return "details".equals(step.getTagName()) && step.getAttribute("open") == null;
  }

  @Test
  @Tag("URS-060")
  void codeWordsOnAPageAreFound() {
    assertEquals(
        java.util.List.of("IN_PROGRESS", "LOT_REFUSED"),
        PlantLanguage.codeWords("Step 1 IN_PROGRESS · LOT_REFUSED: lot B-12 of API-PARA, 55 °C")
            .stream()
            .map(found -> found.substring(0, found.indexOf(' ')))
            .toList());
    assertTrue(PlantLanguage.codeWords("In progress · Lot refused · GRN-26-0001").isEmpty());
  }
}
