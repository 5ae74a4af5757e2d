package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Dead letters taken again once their cause is fixed: a scale's charge event published on the real
 * broker before anyone mapped its topic is a dead letter; after the admin maps the topic, the admin
 * re-processes it with a reason and a signature (over REST and from the machine data page) and the
 * lot is charged once. Re-processing it again, by an operator, without a reason or with a wrong
 * password changes nothing; every attempt is recorded with its outcome and signed.
 */
class DeadLetterReprocessingIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);
  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private Uns publisher;
  private long dryer;
  private String chargeTopic;
  private long batch;
  private long lot;
  private long deadLetter;

  /**
   * Step 1 of a batch (it takes the raw material) runs on a dryer whose scale publishes charge
   * events on a topic nobody mapped yet; the scale charges a released lot: a dead letter.
   */
  @BeforeEach
  void aChargeEventDeadLetteredBecauseItsTopicIsUnmapped() throws Exception {
    publisher = Uns.device();
    String api = Lots.material("RAW");
    long record = Recipes.drying(Lots.material("FINISHED"), api);
    long line = admin.createLine("Re-processing plant").getJsonNumber("id").longValue();
    JsonObject unit =
        TestStack.jsonObject(
            expect(
                201,
                admin.post(
                    "/equipment",
                    Json.createObjectBuilder()
                        .add("parentId", line)
                        .add("code", "dryer-1")
                        .add("name", "Fluid bed dryer")
                        .build()
                        .toString())));
    dryer = unit.getJsonNumber("id").longValue();
    chargeTopic = unit.getString("unsPath") + "/material-charged";
    batch = admin.planBatch(record, line).getJsonNumber("id").longValue();
    operator.startStep(batch, 1, dryer);
    JsonObject released = Lots.inQuarantine(api);
    lot = released.getJsonNumber("id").longValue();
    assertEquals(
        200, Lots.decide(DemoUser.REVIEWER, lot, "release", DemoUser.PASSWORD, null).statusCode());

    publisher.publish(
        chargeTopic,
        Json.createObjectBuilder()
            .add("lot", released.getString("lotNumber"))
            .add("quantity", 5)
            .add("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
    TestStack.await(
        () -> letter().isPresent(), Duration.ofSeconds(15), "the dead letter on " + chargeTopic);
    deadLetter = letter().orElseThrow().getJsonNumber("id").longValue();
    assertTrue(letter().orElseThrow().getString("reason").contains("No scale or scanner"));
    assertEquals("waiting", letter().orElseThrow().getString("status"));
  }

  @AfterEach
  void disconnect() throws MqttException {
    publisher.close();
  }

  @Test
  @Tag("URS-071")
  void aDeadLetterOfAnUnmappedTopicIsTakenOnceAfterTheTopicIsMapped() {
    // Taken again before the cause is fixed: it fails again, with the reason, and charges nothing.
    JsonObject tooEarly =
        TestStack.jsonObject(expect(200, reprocess(admin, "Trying before the mapping")));
    assertFalse(tooEarly.getBoolean("reprocessed"), tooEarly.toString());
    assertTrue(tooEarly.getString("status").startsWith("failed again: No scale or scanner"));
    assertTrue(letter().orElseThrow().getString("status").contains("No scale or scanner"));
    assertEquals(0, charges());

    mapTheScale();
    JsonObject taken =
        TestStack.jsonObject(expect(200, reprocess(admin, "Scale of dryer 1 mapped")));
    assertTrue(taken.getBoolean("reprocessed"), taken.toString());
    assertEquals(1, charges(), "charged once");
    JsonObject shown = letter().orElseThrow();
    assertTrue(shown.getBoolean("reprocessed"));
    assertTrue(shown.getString("status").startsWith("re-processed at "), shown.toString());
    assertEquals(
        2,
        TestStack.count(
            "select count(*) from batchtrace.dead_letter_reprocessing_aud a"
                + " join batchtrace.audit_revision v on v.id = a.rev"
                + " where a.dead_letter_id = ? and v.reason in (?, ?)",
            deadLetter,
            "Trying before the mapping",
            "Scale of dryer 1 mapped"),
        "both attempts audited with their reason");
    assertEquals(2, signatures(), "each attempt signed by the admin");
  }

  @Test
  @Tag("URS-071")
  void reprocessingRefusesAWrongPasswordAndTakesNothing() {
    mapTheScale();
    long failuresBefore = failedSignatures();
    HttpResponse<String> wrong = reprocess(admin, "Scale of dryer 1 mapped", "Not-The-Password-1");
    assertEquals(422, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("Wrong password"), wrong.body());
    assertEquals(0, attempts(), "no attempt without its signature");
    assertEquals(0, charges(), "nothing taken without the signature");
    assertEquals(0, signatures());
    assertEquals("waiting", letter().orElseThrow().getString("status"));
    assertEquals(failuresBefore + 1, failedSignatures(), "a security event");

    HttpResponse<String> noPassword =
        admin.post(
            "/collection/dead-letters/" + deadLetter + "/reprocess",
            "{\"reason\": \"Scale of dryer 1 mapped\"}");
    assertEquals(422, noPassword.statusCode(), noPassword.body());
    assertTrue(noPassword.body().contains("password"), noPassword.body());
    assertEquals(0, attempts());

    expect(200, reprocess(admin, "Scale of dryer 1 mapped"));
    assertEquals(1, charges(), "charged once, with the right password");
    assertEquals(1, signatures());
    TestStack.clearIdentityProviderLock(DemoUser.ADMIN);
  }

  /**
   * From the machine data page: the admin picks the dead letter after mapping its topic, gives the
   * reason and signs in the signature dialog; the lot is charged once and the row says so.
   */
  @Test
  @Tag("URS-071")
  void aDeadLetterReprocessedFromThePageWithASignatureIsStoredOnce() {
    mapTheScale();
    Browser.signInAs(DemoUser.ADMIN, "/admin/collection.xhtml");
    String row = "//*[@id='topics:dead-letters']//tr[.//code[text()='" + chargeTopic + "']]";
    Browser.visible(By.xpath(row + "//button[contains(@id, 'reprocess-this')]")).click();
    Browser.visible(By.id("topics:reprocess-reason")).sendKeys("Scale of dryer 1 mapped");
    SignatureDialog.sign("topics:reprocess", "topics:sign-reprocess");
    Browser.waiting()
        .until(
            ExpectedConditions.textMatches(
                By.xpath(row + "//*[contains(@class, 'bt-dead-letter-status')]"),
                java.util.regex.Pattern.compile("^re-processed at ")));
    SignatureDialog.closed("topics:sign-reprocess");
    assertEquals(1, charges(), "charged once");
    assertEquals(1, attempts());
    assertEquals(1, signatures(), "signed by the admin");
    assertTrue(
        Browser.driver().findElements(By.xpath(row + "//button")).isEmpty(),
        "no second re-processing offered");
  }

  @Test
  @Tag("URS-071")
  void reprocessingRefusesAnOperatorAMissingReasonAndASecondTime() {
    mapTheScale();
    HttpResponse<String> byOperator = reprocess(operator, "I would like to");
    assertEquals(403, byOperator.statusCode(), byOperator.body());
    HttpResponse<String> noReason = reprocess(admin, " ");
    assertEquals(422, noReason.statusCode(), noReason.body());
    assertTrue(noReason.body().contains("reason"), noReason.body());
    assertEquals(0, attempts());
    assertEquals(0, charges());
    assertEquals("waiting", letter().orElseThrow().getString("status"));

    expect(200, reprocess(admin, "Scale of dryer 1 mapped"));
    HttpResponse<String> again = reprocess(admin, "Once more");
    assertEquals(422, again.statusCode(), again.body());
    assertTrue(again.body().contains("was re-processed at"), again.body());
    assertEquals(1, charges(), "charged once");
    assertEquals(1, attempts());
    HttpResponse<String> unknown =
        admin.post("/collection/dead-letters/-7/reprocess", "{\"reason\": \"x\"}");
    assertEquals(422, unknown.statusCode(), unknown.body());
  }

  private void mapTheScale() {
    admin.mapChargeEvents(dryer);
  }

  private HttpResponse<String> reprocess(RestClient who, String reason) {
    return reprocess(who, reason, DemoUser.PASSWORD);
  }

  private HttpResponse<String> reprocess(RestClient who, String reason, String password) {
    return who.post(
        "/collection/dead-letters/" + deadLetter + "/reprocess",
        Json.createObjectBuilder()
            .add("reason", reason)
            .add("password", password)
            .build()
            .toString());
  }

  /**
   * The admin's signatures on this dead letter's attempts ("performed", linked to each attempt).
   */
  private long signatures() {
    return TestStack.count(
        "select count(*) from batchtrace.electronic_signature s"
            + " join batchtrace.dead_letter_reprocessing r"
            + " on s.record_type = 'DeadLetterReprocessing' and s.record_id = r.id::text"
            + " where r.dead_letter_id = ? and s.meaning = 'PERFORMED' and s.signer_id = ?",
        deadLetter,
        DemoUser.ADMIN.username);
  }

  private static long failedSignatures() {
    return TestStack.count(
        "select count(*) from batchtrace.security_event where user_id = ?"
            + " and kind = 'SIGNATURE_FAILED'",
        DemoUser.ADMIN.username);
  }

  private long charges() {
    return TestStack.count(
        "select count(*) from batchtrace.lot_consumption where batch_id = ? and lot_id = ?",
        batch,
        lot);
  }

  private long attempts() {
    return TestStack.count(
        "select count(*) from batchtrace.dead_letter_reprocessing where dead_letter_id = ?",
        deadLetter);
  }

  /** The dead letter on the scale's topic, as the admin sees it. */
  private Optional<JsonObject> letter() {
    return TestStack.json(expect(200, admin.get("/collection/dead-letters?limit=1000")).body())
        .asJsonArray()
        .stream()
        .map(JsonObject.class::cast)
        .filter(d -> d.getString("topic").equals(chargeTopic))
        .findFirst();
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    return response;
  }
}
