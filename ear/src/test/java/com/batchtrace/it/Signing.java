package com.batchtrace.it;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Signs audit trail reviews through the REST API: the signed record the Part 11 tests use. */
final class Signing {

  private Signing() {}

  /** A review of the last day, signed by {@code user} with {@code password}. */
  static HttpResponse<String> review(DemoUser user, String password, String conclusion) {
    return review(RestClient.as(user), password, conclusion);
  }

  static HttpResponse<String> review(RestClient client, String password, String conclusion) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return client.post(
        "/audit-trail-reviews",
        Json.createObjectBuilder()
            .add("periodFrom", now.minus(1, ChronoUnit.DAYS).toString())
            .add("periodTo", now.toString())
            .add("conclusion", conclusion)
            .add(
                "signature",
                Json.createObjectBuilder()
                    .add("password", password)
                    .add("reason", "Weekly audit trail review"))
            .build()
            .toString());
  }

  static long count(String sql, Object... params) throws java.sql.SQLException {
    try (var db = TestStack.databaseAsApplication();
        var q = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
