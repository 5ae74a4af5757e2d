package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Materials, lot receipt into quarantine and QA's signed disposition, through the API. */
class LotIT extends DeployedApplication {

  @Test
  @Tag("URS-020")
  void aMaterialCodeIsUniqueAndItsKindMustBeKnown() {
    String code = Lots.material();
    HttpResponse<String> again =
        RestClient.as(DemoUser.ADMIN)
            .post(
                "/materials",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Again\",\"kind\":\"RAW\",\"unit\":\"kg\",\"shelfLifeDays\":30}");
    assertEquals(422, again.statusCode());
    assertTrue(again.body().contains("exists already"), again.body());
    HttpResponse<String> kind =
        RestClient.as(DemoUser.ADMIN)
            .post(
                "/materials",
                "{\"code\":\"X-1\",\"name\":\"X\",\"kind\":\"LIQUID\",\"unit\":\"kg\",\"shelfLifeDays\":30}");
    assertEquals(422, kind.statusCode());
    assertTrue(kind.body().contains("kind 'LIQUID' is not known"), kind.body());
    assertEquals(
        403,
        RestClient.as(DemoUser.OPERATOR1)
            .post(
                "/materials",
                "{\"code\":\"X-2\",\"name\":\"X\",\"kind\":\"RAW\",\"unit\":\"kg\",\"shelfLifeDays\":30}")
            .statusCode());
  }

  @Test
  @Tag("URS-021")
  void aReceivedLotIsInQuarantineAndAudited() {
    JsonObject lot = Lots.inQuarantine();

    assertEquals("QUARANTINE", lot.getString("status"));
    assertEquals("QUARANTINE", lot.getString("disposition"));
    assertEquals("25.5", lot.getJsonNumber("remainingQuantity").toString());
    JsonObject entries =
        TestStack.jsonObject(
            RestClient.as(DemoUser.AUDITOR)
                .get("/audit-trail/entries?recordType=MaterialLot&recordId=" + lot.getInt("id")));
    assertEquals(1, entries.getInt("total"), entries.toString());
    assertEquals(
        "Lot received into quarantine",
        entries.getJsonArray("rows").getJsonObject(0).getString("reason"));
  }

  @Test
  @Tag("URS-021")
  void aDuplicateLotNumberAnUnknownMaterialAndAnExpiredLotAreRefusedAndChangeNothing()
      throws SQLException {
    String material = Lots.material();
    String number = Lots.unique("L");
    assertEquals(201, Lots.receive(number, material, LocalDate.now().plusYears(1)).statusCode());

    HttpResponse<String> duplicate = Lots.receive(number, material, LocalDate.now().plusYears(1));
    assertEquals(422, duplicate.statusCode());
    assertTrue(duplicate.body().contains(number + " exists already"), duplicate.body());

    String other = Lots.unique("L");
    HttpResponse<String> unknown = Lots.receive(other, "NO-SUCH-MATERIAL", LocalDate.now());
    assertEquals(422, unknown.statusCode());
    assertTrue(unknown.body().contains("no material with code 'NO-SUCH-MATERIAL'"));

    HttpResponse<String> expired = Lots.receive(other, material, LocalDate.now().minusDays(3));
    assertEquals(422, expired.statusCode());
    assertTrue(expired.body().contains("expired on"), expired.body());

    assertEquals(
        1,
        Signing.count(
            "select count(*) from batchtrace.material_lot where lot_number in (?, ?)",
            number,
            other),
        "only the first receipt is stored");
  }

  @Test
  @Tag("URS-022")
  void qaReleasesALotWithASignatureOnce() {
    JsonObject lot = Lots.inQuarantine();
    long id = lot.getJsonNumber("id").longValue();

    HttpResponse<String> released =
        Lots.decide(DemoUser.REVIEWER, id, "release", DemoUser.PASSWORD, "CoA checked");

    assertEquals(200, released.statusCode(), released.body());
    JsonObject after = TestStack.jsonObject(released);
    assertEquals("RELEASED", after.getString("status"));
    JsonObject signature = after.getJsonArray("signatures").getJsonObject(0);
    assertEquals("RELEASED", signature.getString("meaning"));
    assertEquals("Rita Reyes", signature.getString("signerName"));
    assertTrue(signature.getBoolean("valid"));

    HttpResponse<String> again =
        Lots.decide(DemoUser.REVIEWER, id, "release", DemoUser.PASSWORD, null);
    assertEquals(422, again.statusCode());
    assertTrue(again.body().contains("released already"), again.body());
  }

  @Test
  @Tag("URS-022")
  void onlyQaDecidesAndARejectionNeedsItsReason() {
    long id = Lots.inQuarantine().getJsonNumber("id").longValue();

    assertEquals(
        403, Lots.decide(DemoUser.ADMIN, id, "release", DemoUser.PASSWORD, null).statusCode());
    HttpResponse<String> noReason =
        Lots.decide(DemoUser.REVIEWER, id, "reject", DemoUser.PASSWORD, null);
    assertEquals(422, noReason.statusCode());
    assertTrue(noReason.body().contains("why the lot is rejected"), noReason.body());
    HttpResponse<String> wrongPassword =
        Lots.decide(DemoUser.REVIEWER, id, "release", "Wrong-Password-1", null);
    assertEquals(422, wrongPassword.statusCode());
    assertEquals(
        "QUARANTINE",
        TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/lots/" + id))
            .getString("disposition"),
        "a refused signature changes nothing");

    HttpResponse<String> rejected =
        Lots.decide(DemoUser.REVIEWER, id, "reject", DemoUser.PASSWORD, "Damaged drums");
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals("REJECTED", TestStack.jsonObject(rejected).getString("status"));
    TestStack.clearIdentityProviderLock(DemoUser.REVIEWER);
  }

  @Test
  @Tag("URS-022")
  void aLotWhoseExpiryHasPassedShowsExpiredAndCannotBeReleased() throws SQLException {
    long id = Lots.inQuarantine().getJsonNumber("id").longValue();
    // Time passes: the expiry date is now behind us.
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.material_lot set expiry = current_date - 1 where id = " + id);
    }

    JsonObject lot = TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/lots/" + id));
    assertEquals("EXPIRED", lot.getString("status"));
    HttpResponse<String> release =
        Lots.decide(DemoUser.REVIEWER, id, "release", DemoUser.PASSWORD, null);
    assertEquals(422, release.statusCode());
    assertTrue(release.body().contains("expired on"), release.body());
    assertFalse(
        TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/lots/" + id))
            .getString("disposition")
            .equals("RELEASED"));
  }
}
