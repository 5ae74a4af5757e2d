package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The REST API: bearer tokens, roles, JSON errors, and its OpenAPI description. */
@Tag("URS-006")
class RestApiIT extends DeployedApplication {

  @Test
  void withoutATokenTheAnswerIs401WithABearerChallengeAndAJsonBody() {
    HttpResponse<String> response =
        TestStack.send(
            HttpRequest.newBuilder(TestStack.app("/api/v1/equipment"))
                .header("Accept", "application/json"));

    assertEquals(401, response.statusCode());
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        "WWW-Authenticate: " + response.headers().firstValue("WWW-Authenticate"));
    JsonObject body = TestStack.jsonObject(response);
    assertEquals(401, body.getInt("status"));
    assertTrue(body.getString("message").contains("Bearer"), body.toString());
  }

  @Test
  void everyPlantRoleMayReadTheEquipmentHierarchy() {
    HttpResponse<String> response = RestClient.as(DemoUser.OPERATOR1).get("/equipment");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("json"));
    TestStack.json(response.body()).asJsonArray();
  }

  @Test
  void anOperatorMayNotChangeMasterDataAnd403SaysWhichRoleIsMissing() {
    HttpResponse<String> response =
        RestClient.as(DemoUser.OPERATOR1)
            .post("/equipment", "{\"code\":\"it-operator\",\"name\":\"Not allowed\"}");

    assertEquals(403, response.statusCode(), response.body());
    JsonObject body = TestStack.jsonObject(response);
    assertTrue(body.getString("message").contains("admin"), body.toString());
  }

  @Test
  void anAdminCreatesEquipmentAnd201LocatesIt() {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    HttpResponse<String> created =
        admin.post(
            "/equipment",
            Json.createObjectBuilder()
                .add("code", "it-" + System.nanoTime())
                .add("name", "REST test enterprise")
                .build()
                .toString());

    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = TestStack.jsonObject(created).getJsonNumber("id").longValue();
    assertTrue(location.endsWith("/api/v1/equipment/" + id), location);
    assertEquals(200, admin.get("/equipment/" + id).statusCode());
  }

  @Test
  void anUnknownRecordIs404WithAJsonBody() {
    HttpResponse<String> response = RestClient.as(DemoUser.AUDITOR).get("/equipment/999999999");

    assertEquals(404, response.statusCode());
    assertTrue(
        TestStack.jsonObject(response).getString("message").contains("999999999"), response.body());
  }

  @Test
  void theOpenApiDocumentDescribesTheEquipmentEndpoints() {
    HttpResponse<String> response =
        TestStack.send(
            HttpRequest.newBuilder(
                java.net.URI.create(TestStack.server() + "/openapi?format=JSON")));

    assertEquals(200, response.statusCode());
    JsonObject paths = TestStack.jsonObject(response).getJsonObject("paths");
    assertTrue(
        paths.keySet().stream().anyMatch(p -> p.endsWith("/api/v1/equipment")),
        "paths: " + paths.keySet());
    assertTrue(
        paths.keySet().stream().anyMatch(p -> p.endsWith("/api/v1/equipment/{id}/history")),
        "paths: " + paths.keySet());
  }
}
