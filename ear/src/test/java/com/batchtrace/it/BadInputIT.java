package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bad input through the API: a specific message, and the record is exactly as before. */
@Tag("URS-009")
class BadInputIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void malformedJsonIs400WithAMessageAndCreatesNothing() {
    int before = hierarchySize();

    HttpResponse<String> response = admin.post("/equipment", "{\"code\": \"it-broken\", ");

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        TestStack.jsonObject(response).getString("message").contains("not valid JSON"),
        response.body());
    assertEquals(before, hierarchySize(), "nothing was created");
  }

  @Test
  @Tag("URS-007")
  void aCodeThatIsNotAUnsSegmentIsRefusedWithTheRule() {
    HttpResponse<String> response =
        admin.post("/equipment", "{\"code\":\"Line 2!\",\"name\":\"Bad code\"}");

    assertEquals(422, response.statusCode(), response.body());
    String message = TestStack.jsonObject(response).getString("message");
    assertTrue(message.contains("Line 2!"), message);
    assertTrue(message.contains("lower-case"), message);
  }

  @Test
  @Tag("URS-004")
  void aChangeWithoutAReasonIsRefusedAndChangesNothing() {
    JsonObject site = admin.createEnterprise("Reasonless");
    long id = site.getJsonNumber("id").longValue();

    HttpResponse<String> response =
        admin.put("/equipment/" + id, change("Renamed without reason", true, null));

    assertEquals(422, response.statusCode(), response.body());
    assertTrue(
        TestStack.jsonObject(response).getString("message").contains("reason for change"),
        response.body());
    JsonObject after = TestStack.jsonObject(admin.get("/equipment/" + id));
    assertEquals("Reasonless", after.getString("name"));
    assertEquals(site.getInt("version"), after.getInt("version"));
    assertEquals(
        1, TestStack.json(admin.get("/equipment/" + id + "/history").body()).asJsonArray().size());
  }

  @Test
  void aChangeBasedOnAnOutdatedVersionIs409AndKeepsTheOtherChange() {
    JsonObject site = admin.createEnterprise("Contended");
    long id = site.getJsonNumber("id").longValue();
    assertEquals(
        200, admin.put("/equipment/" + id, change("First change", true, "first")).statusCode());

    HttpResponse<String> stale =
        admin.put(
            "/equipment/" + id,
            Json.createObjectBuilder()
                .add("name", "Second change")
                .add("active", true)
                .add("expectedVersion", site.getInt("version"))
                .add("reason", "second")
                .build()
                .toString());

    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals(
        "First change", TestStack.jsonObject(admin.get("/equipment/" + id)).getString("name"));
  }

  @Test
  @Tag("URS-007")
  void aNodeWithActiveChildrenCannotBeDeactivated() {
    JsonObject enterprise = admin.createEnterprise("Parent in use");
    long id = enterprise.getJsonNumber("id").longValue();
    HttpResponse<String> child =
        admin.post(
            "/equipment",
            Json.createObjectBuilder()
                .add("parentId", id)
                .add("code", "site")
                .add("name", "Child site")
                .build()
                .toString());
    assertEquals(201, child.statusCode(), child.body());
    assertEquals(
        enterprise.getString("unsPath") + "/site",
        TestStack.jsonObject(child).getString("unsPath"));

    HttpResponse<String> response =
        admin.put("/equipment/" + id, change("Parent in use", false, "Site closed"));

    assertEquals(422, response.statusCode(), response.body());
    assertTrue(
        TestStack.jsonObject(admin.get("/equipment/" + id)).getBoolean("active"), "still active");
  }

  private static String change(String name, boolean active, String reason) {
    var body = Json.createObjectBuilder().add("name", name).add("active", active);
    if (reason != null) {
      body.add("reason", reason);
    }
    return body.build().toString();
  }

  private int hierarchySize() {
    return TestStack.json(admin.get("/equipment").body()).asJsonArray().size();
  }
}
