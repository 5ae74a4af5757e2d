package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** Master batch records for tests, made through the API. */
final class Recipes {

  private Recipes() {}

  /**
   * The standard two-step record of {@link MasterBatchRecordIT#body} for the product; approved by
   * QA when {@code approve}, else left a draft. Returns its id.
   */
  static long of(String product, String material, boolean approve) {
    return of(MasterBatchRecordIT.body(product, material), approve);
  }

  /** A record of the given JSON body, approved by QA when {@code approve}; returns its id. */
  static long of(String body, boolean approve) {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    HttpResponse<String> created = admin.post("/master-batch-records", body);
    assertEquals(201, created.statusCode(), created.body());
    long id = TestStack.jsonObject(created).getJsonNumber("id").longValue();
    if (approve) {
      admin.post("/master-batch-records/" + id + "/submit", "{}");
      HttpResponse<String> approved =
          RestClient.as(DemoUser.REVIEWER)
              .post(
                  "/master-batch-records/" + id + "/approve",
                  "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
      assertEquals(200, approved.statusCode(), approved.body());
    }
    return id;
  }
}
