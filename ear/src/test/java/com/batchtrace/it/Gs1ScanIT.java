package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A lot is charged by scanning its GS1 label: the element string of a GS1 DataMatrix (with the
 * group separator) or a GS1 Digital Link URL. Batchtrace takes the lot number from it and checks
 * the GTIN against the material's and the expiry against the lot's; a mismatch is refused with its
 * reason and recorded as a refused lot, a malformed code is refused and changes nothing.
 */
@Tag("URS-062")
class Gs1ScanIT extends DeployedApplication {

  private static final String GS = "\u001D";

  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private String gtin;
  private TerminalBatch batch;

  @BeforeEach
  void aStartedBatchOfAMaterialWithAGtin() {
    gtin = randomGtin();
    String code = Lots.unique("GS1");
    HttpResponse<String> created =
        RestClient.as(DemoUser.ADMIN)
            .post(
                "/materials",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "Labelled material " + code)
                    .add("kind", "RAW")
                    .add("unit", "kg")
                    .add("shelfLifeDays", 365)
                    .add("gtin", gtin.substring(1))
                    .build()
                    .toString());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(gtin, TestStack.jsonObject(created).getString("gtin"), "kept as 14 digits");
    batch = new TerminalBatch(code);
    RestClient.expect(200, batch.start(operator, 1));
  }

  @Test
  void aDataMatrixWithTheMaterialsGtinAndTheLotCharges() {
    JsonObject lot = batch.releasedLot();
    String scanned =
        "]d2" + "01" + gtin + "17" + yymmdd(lot) + "10" + lot.getString("lotNumber") + GS + "21S1";
    HttpResponse<String> charged = batch.scan(operator, 1, scanned, "20");
    assertEquals(200, charged.statusCode(), charged.body());
    assertTrue(charged.body().contains("of lot " + lot.getString("lotNumber")), charged.body());
    assertEquals(
        lot.getString("lotNumber"),
        batch.step(operator, 1).getJsonArray("charges").getJsonObject(0).getString("lotNumber"));
  }

  @Test
  void aDigitalLinkUrlCharges() {
    JsonObject lot = batch.releasedLot();
    String url =
        "https://id.gs1.org/01/"
            + gtin
            + "/10/"
            + URLEncoder.encode(lot.getString("lotNumber"), StandardCharsets.UTF_8)
            + "?17="
            + yymmdd(lot);
    HttpResponse<String> charged = batch.scan(operator, 1, url, "20");
    assertEquals(200, charged.statusCode(), charged.body());
  }

  @Test
  void anotherMaterialsGtinIsRefusedAndRecorded() {
    JsonObject lot = batch.releasedLot();
    String other = randomGtin();
    HttpResponse<String> refused =
        batch.scan(operator, 1, "01" + other + "10" + lot.getString("lotNumber"), "20");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(
        refused.body().contains("the code's GTIN " + other + " is not the GTIN of material"),
        refused.body());
    assertRefusedAndNothingCharged("is not the GTIN");
  }

  @Test
  void anExpiryThatIsNotTheLotsIsRefusedAndRecorded() {
    JsonObject lot = batch.releasedLot();
    LocalDate wrong = LocalDate.parse(lot.getString("expiry")).plusMonths(2);
    String scanned =
        "01"
            + gtin
            + "17"
            + String.format(
                "%02d%02d%02d", wrong.getYear() % 100, wrong.getMonthValue(), wrong.getDayOfMonth())
            + "10"
            + lot.getString("lotNumber");
    HttpResponse<String> refused = batch.scan(operator, 1, scanned, "20");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("is not the expiry of lot"), refused.body());
    assertRefusedAndNothingCharged("is not the expiry of lot");
  }

  @Test
  void aMalformedCodeIsRefusedWithItsReasonAndChangesNothing() {
    JsonObject lot = batch.releasedLot();
    int exceptions = batch.step(operator, 1).getJsonArray("exceptions").size();
    // The GTIN's check digit is wrong (the last digit changed).
    String badGtin = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
    HttpResponse<String> refused =
        batch.scan(operator, 1, "01" + badGtin + "10" + lot.getString("lotNumber"), "20");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("is not a valid GS1 code"), refused.body());
    assertTrue(refused.body().contains("check digit"), refused.body());
    HttpResponse<String> truncated = batch.scan(operator, 1, "]d2" + "0109506", "20");
    assertEquals(422, truncated.statusCode(), truncated.body());
    assertTrue(truncated.body().contains("the code ends before"), truncated.body());
    JsonObject step = batch.step(operator, 1);
    assertEquals(exceptions, step.getJsonArray("exceptions").size(), "nothing recorded");
    assertEquals(0, step.getJsonArray("charges").size(), "nothing charged");
  }

  private void assertRefusedAndNothingCharged(String reason) {
    JsonObject step = batch.step(operator, 1);
    assertEquals(0, step.getJsonArray("charges").size(), "nothing charged");
    var exceptions = step.getJsonArray("exceptions");
    JsonObject last = exceptions.getJsonObject(exceptions.size() - 1);
    assertEquals("LOT_REFUSED", last.getString("kind"));
    assertTrue(last.getString("detail").contains(reason), last.toString());
  }

  private static String yymmdd(JsonObject lot) {
    LocalDate expiry = LocalDate.parse(lot.getString("expiry"));
    return String.format(
        "%02d%02d%02d", expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth());
  }

  /** A GTIN-14 no other test uses, with its GS1 check digit. */
  static String randomGtin() {
    StringBuilder body = new StringBuilder("0");
    for (int i = 0; i < 12; i++) {
      body.append(ThreadLocalRandom.current().nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * (i % 2 == 0 ? 3 : 1);
    }
    return body.append((10 - sum % 10) % 10).toString();
  }
}
