package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * People are identified by the identity provider's immutable account id, not only by a user name
 * that can be given again, and the printed name on a signature is not theirs to edit.
 */
@Tag("URS-044")
class PersonIdentityIT extends DeployedApplication {

  @Test
  void aUserIdGivenAgainToANewAccountNeverMergesTwoPeoplesSignatures() {
    String username = TestStack.newKeycloakUser("Sam", "auditor");
    HttpResponse<String> first =
        Signing.review(RestClient.as(username), DemoUser.PASSWORD, "First");
    assertEquals(201, first.statusCode(), first.body());

    TestStack.deleteKeycloakUser(username);
    TestStack.createKeycloakUser(username, "Samira", "auditor");
    HttpResponse<String> second =
        Signing.review(RestClient.as(username), DemoUser.PASSWORD, "Second");
    assertEquals(201, second.statusCode(), second.body());

    List<JsonObject> register =
        TestStack.jsonObject(RestClient.as(DemoUser.AUDITOR).get("/signatures?signer=" + username))
            .getJsonArray("rows")
            .getValuesAs(JsonObject.class);
    assertEquals(2, register.size(), register.toString());
    JsonObject newer = register.get(0);
    JsonObject older = register.get(1);
    assertEquals("Samira Tester", newer.getString("signerName"));
    assertEquals("Sam Tester", older.getString("signerName"), "the old signature keeps its person");
    assertNotNull(older.getString("signerAccount", null));
    assertNotEquals(
        older.getString("signerAccount"),
        newer.getString("signerAccount"),
        "two accounts of one user id are told apart");
    assertEquals(
        2,
        TestStack.count(
            "select count(distinct user_subject) from batchtrace.audit_revision where user_id = ?",
            username),
        "the audit trail tells the two accounts apart too");
    HttpResponse<String> export =
        TestStack.send(
            HttpRequest.newBuilder(
                    TestStack.app("/api/v1/audit-trail/export?format=csv&user=" + username))
                .header("Authorization", "Bearer " + TestStack.accessToken(DemoUser.AUDITOR))
                .header("Accept", "text/csv"));
    assertEquals(200, export.statusCode(), export.body());
    assertTrue(
        export.body().contains(older.getString("signerAccount"))
            && export.body().contains(newer.getString("signerAccount")),
        "the audit trail export names both accounts: " + export.body());
  }

  @Test
  void usersCannotEditTheirOwnPrintedName() {
    String username = TestStack.newKeycloakUser("Nadia", "operator");
    String token = TestStack.accessToken(username);
    HttpResponse<String> edit =
        TestStack.send(
            HttpRequest.newBuilder(URI.create(TestStack.keycloak() + "/realms/plant/account"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"firstName\":\"Mallory\",\"lastName\":\"Tester\",\"email\":\""
                            + username
                            + "@plant.example\"}")));
    HttpResponse<String> account =
        TestStack.send(
            HttpRequest.newBuilder(URI.create(TestStack.keycloak() + "/realms/plant/account"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json"));
    assertEquals(200, account.statusCode(), account.body());
    assertEquals(
        "Nadia",
        TestStack.jsonObject(account).getString("firstName"),
        "the printed name is unchanged (" + edit.statusCode() + " " + edit.body() + ")");
  }
}
