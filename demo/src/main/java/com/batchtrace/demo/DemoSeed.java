package com.batchtrace.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the demo a batch to run on the terminal. Approving a master batch record and releasing lots
 * need a person's signature, so the server's own demo data (DemoPlant, DemoLots) stops short of
 * them; this runs after the server is up ({@code ./batchtrace run}) and does what the demo users
 * would do, through the public REST API with their LOCAL DEMO passwords: admin writes and submits a
 * master batch record for the granulate, reviewer approves it and releases two of the four demo
 * lots (each signature's reason says the demo seed gave it), admin plans two batches on granulation
 * line 1. Once the granulate has a master batch record it does nothing, so restarts add nothing.
 *
 * <p>Usage: {@code DemoSeed --app http://localhost:8080/batchtrace --keycloak
 * http://localhost:8180}
 */
public final class DemoSeed {

  private static final String PRODUCT = "GRN-0500";
  private static final String LINE = "acme/basel/granulation/line-1";
  private static final String PASSWORD = "Demo-Plant-2026"; // LOCAL DEMO ONLY
  private static final String REASON = "Given by the demo seed of ./batchtrace run";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String api;
  private final String keycloak;
  private final String secret;

  private DemoSeed(String app, String keycloak, String secret) {
    this.api = app + "/api/v1";
    this.keycloak = keycloak;
    this.secret = secret;
  }

  public static void main(String[] args) throws Exception {
    String app = "http://localhost:8080/batchtrace";
    String keycloak = "http://localhost:8180";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--app" -> app = args[i + 1];
        case "--keycloak" -> keycloak = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    String secret =
        System.getenv().getOrDefault("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    new DemoSeed(app, keycloak, secret).seed();
  }

  private void seed() throws IOException, InterruptedException {
    String admin = token("admin");
    String reviewer = token("reviewer");
    if (call(admin, "GET", "/master-batch-records", null, 200)
        .contains("\"product\":\"" + PRODUCT + "\"")) {
      System.out.println(
          "Demo seed: " + PRODUCT + " has a master batch record already; nothing to do.");
      return;
    }
    long line = id(call(admin, "GET", "/equipment", null, 200), "\"unsPath\":\"" + LINE + "\"");
    long record = id(call(admin, "POST", "/master-batch-records", recipe(), 201), null);
    call(
        admin,
        "POST",
        "/master-batch-records/" + record + "/submit",
        "{\"reason\":\"" + REASON + "\"}",
        200);
    call(reviewer, "POST", "/master-batch-records/" + record + "/approve", signature(), 200);
    String quarantine = call(reviewer, "GET", "/lots?disposition=QUARANTINE", null, 200);
    for (String lot : new String[] {"L-API-24001", "L-MCC-24017"}) {
      long id = id(quarantine, "\"lotNumber\":\"" + lot + "\"");
      call(reviewer, "POST", "/lots/" + id + "/release", signature(), 200);
    }
    for (String batch : new String[] {"GRN-26-0001", "GRN-26-0002"}) {
      call(
          admin,
          "POST",
          "/batches",
          "{\"batchNumber\":\""
              + batch
              + "\",\"masterBatchRecordId\":"
              + record
              + ",\"lineId\":"
              + line
              + ",\"plannedQuantity\":40}",
          201);
    }
    System.out.println(
        "Demo seed: master batch record of "
            + PRODUCT
            + " approved, lots L-API-24001 and L-MCC-24017 released (L-API-24002 and"
            + " L-PVP-24005 stay in quarantine), batches GRN-26-0001 and"
            + " GRN-26-0002 planned on granulation line 1.");
  }

  /**
   * Charging the active ingredient (40 kg ± 2 %), then drying with the dryer's inlet temperature
   * from the line simulator and a loss on drying a second operator verifies.
   */
  private static String recipe() {
    return """
        {"product": "%s", "yieldLowPercent": 95, "yieldHighPercent": 102, "steps": [
          {"operation": "Granulation", "name": "Charge the granulator",
           "instructions": "Scan the paracetamol lot and charge 40 kg into granulator 1.",
           "materials": [{"material": "API-0001", "quantity": 40, "tolerancePercent": 2}]},
          {"operation": "Drying", "name": "Dry the granulate",
           "instructions": "Dry in fluid-bed dryer 1 at 55 to 65 C inlet, then measure the loss on drying.",
           "requiresVerification": true,
           "parameters": [
             {"name": "Inlet temperature", "tag": "inlet-temp", "unit": "C", "low": 55, "high": 65, "critical": true},
             {"name": "Loss on drying", "unit": "%%", "low": 0.5, "high": 2.0, "critical": true}]}]}
        """
        .formatted(PRODUCT);
  }

  private static String signature() {
    return "{\"password\":\"" + PASSWORD + "\",\"reason\":\"" + REASON + "\"}";
  }

  /** The id of the object holding {@code marker} (the first object when null). */
  private static long id(String json, String marker) {
    int at = marker == null ? 0 : json.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("Demo seed: " + marker + " not found in " + json);
    }
    int start = json.lastIndexOf('{', at);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
    if (!m.find(start)) {
      throw new IllegalStateException("Demo seed: no id near " + marker);
    }
    return Long.parseLong(m.group(1));
  }

  private String call(String token, String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "Demo seed: "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private String token(String user) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=batchtrace&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8)
            + "&username="
            + user
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/plant/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Demo seed: Keycloak refused " + user + ": " + response.body());
    }
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
    if (!token.find()) {
      throw new IllegalStateException("Demo seed: no access token in Keycloak's answer");
    }
    return token.group(1);
  }
}
