package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Who has which access: every account with roles, lines, last sign-in, last signature and whether
 * it is disabled, read from Keycloak; QA signs a periodic review of it, and it is exportable.
 */
@Tag("URS-046")
class AccessReviewIT extends DeployedApplication {

  private static final String SIGNATURE = "{\"password\":\"" + DemoUser.PASSWORD + "\"}";

  @Test
  void everyDemoUserIsListedWithRolesAndLinesAndQaSignsTheReview() {
    Map<String, JsonObject> accounts = current();
    for (DemoUser user : DemoUser.values()) {
      assertTrue(accounts.containsKey(user.username), user.username + " in " + accounts.keySet());
    }
    JsonObject operator = accounts.get(DemoUser.OPERATOR1.username);
    assertEquals(List.of("operator"), strings(operator, "roles"));
    assertTrue(
        strings(operator, "lines").contains("acme/basel/granulation"),
        "the demo realm's line assignment: " + operator);
    assertEquals(36, operator.getString("account").length(), "the immutable account id");
    assertTrue(operator.getBoolean("enabled"));
    assertEquals(List.of("qa-reviewer"), strings(accounts.get("reviewer"), "roles"));
    assertTrue(
        accounts.keySet().stream().noneMatch(u -> u.startsWith("service-account-")),
        "client service accounts are not people");

    HttpResponse<String> noConclusion =
        RestClient.as(DemoUser.REVIEWER)
            .post("/access-reviews", "{\"conclusion\":\" \",\"signature\":" + SIGNATURE + "}");
    assertEquals(422, noConclusion.statusCode(), noConclusion.body());

    HttpResponse<String> byAuditor =
        RestClient.as(DemoUser.AUDITOR)
            .post("/access-reviews", "{\"conclusion\":\"ok\",\"signature\":" + SIGNATURE + "}");
    assertEquals(403, byAuditor.statusCode(), "auditors read the review, QA signs it");

    HttpResponse<String> signed =
        RestClient.as(DemoUser.REVIEWER)
            .post(
                "/access-reviews",
                "{\"conclusion\":\"Quarterly review: all access as approved\",\"signature\":"
                    + SIGNATURE
                    + "}");
    assertEquals(201, signed.statusCode(), signed.body());
    JsonObject review = TestStack.jsonObject(signed);
    JsonObject signature = review.getJsonArray("signatures").getJsonObject(0);
    assertEquals("REVIEWED", signature.getString("meaning"));
    assertTrue(signature.getBoolean("valid"));
    assertEquals("reviewer", signature.getString("signerId"));
    assertTrue(review.getJsonArray("accounts").size() >= DemoUser.values().length);

    JsonObject readBack =
        TestStack.jsonObject(
            RestClient.as(DemoUser.AUDITOR)
                .get("/access-reviews/" + review.getJsonNumber("id").longValue()));
    assertTrue(readBack.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"));
  }

  @Test
  void theListIsExportedAsChecksummedCsvAndTheExportIsASecurityEvent() {
    long before =
        TestStack.count(
            "select count(*) from batchtrace.security_event where kind = 'EXPORT'"
                + " and detail like 'Access review list exported%'");
    HttpResponse<String> csv =
        RestClient.as(DemoUser.AUDITOR).get("/access-reviews/current/export");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().contains("user_id,account,name,enabled,roles,lines"), csv.body());
    assertTrue(csv.body().contains("\r\noperator1,"), csv.body());
    assertTrue(csv.body().contains("# SHA-256: "), csv.body());
    assertEquals(
        before + 1,
        TestStack.count(
            "select count(*) from batchtrace.security_event where kind = 'EXPORT'"
                + " and detail like 'Access review list exported%'"));
  }

  @Test
  void operatorsDoNotSeeWhoHasWhichAccess() {
    assertEquals(
        403, RestClient.as(DemoUser.OPERATOR1).get("/access-reviews/current").statusCode());
  }

  @Test
  void qaSeesTheAccessReviewPageWithEveryDemoUser() {
    Browser.signInAs(DemoUser.REVIEWER, "/audit/access.xhtml");
    String table = Browser.visible(By.id("access:accounts")).getText();
    for (DemoUser user : DemoUser.values()) {
      assertTrue(table.contains(user.username), user.username + " in " + table);
    }
    assertTrue(table.contains("QA reviewer"), table);
    assertTrue(table.contains("acme/basel/granulation"), table);
    Browser.screenshot("access-review");
  }

  private static Map<String, JsonObject> current() {
    HttpResponse<String> current = RestClient.as(DemoUser.AUDITOR).get("/access-reviews/current");
    assertEquals(200, current.statusCode(), current.body());
    return TestStack.json(current.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(o -> o.getString("userId"), o -> o));
  }

  private static List<String> strings(JsonObject o, String field) {
    return o.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
