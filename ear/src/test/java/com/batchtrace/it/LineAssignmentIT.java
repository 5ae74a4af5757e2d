package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Operators work on their own lines: the assignment lives in Keycloak (groups below /lines that
 * mirror the UNS) and every execution endpoint and terminal page enforces it. Another line's batch
 * is refused with 403 and the reason, nothing changes, and the attempt is a security event.
 */
@Tag("URS-045")
class LineAssignmentIT extends DeployedApplication {

  private final TerminalBatch own = new TerminalBatch();
  private final TerminalBatch other = new TerminalBatch();

  @Test
  void anOperatorOfOneLineIsRefusedAnotherLinesBatchInTheApi() {
    String operator = TestStack.newKeycloakUser("Lina", "operator");
    TestStack.assignLine(operator, own.lineUnsPath);
    RestClient api = RestClient.as(operator);

    HttpResponse<String> queue = api.get("/executions?lineId=" + other.line);
    assertEquals(403, queue.statusCode(), queue.body());
    assertTrue(queue.body().contains("is not assigned to"), queue.body());
    HttpResponse<String> batch = api.get("/executions/" + other.id);
    assertEquals(403, batch.statusCode(), batch.body());
    HttpResponse<String> start = other.start(api, 1);
    assertEquals(403, start.statusCode(), start.body());
    assertTrue(start.body().contains("work on batch " + other.number), start.body());
    HttpResponse<String> note =
        api.post(other.path("/steps/1/notes"), "{\"kind\":\"COMMENT\",\"text\":\"not my line\"}");
    assertEquals(403, note.statusCode(), note.body());

    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.step_execution where batch_id = ?", other.id),
        "nothing was started on the other line's batch");
    assertTrue(
        TestStack.count(
                "select count(*) from batchtrace.security_event where kind = 'LINE_REFUSED'"
                    + " and user_id = ?",
                operator)
            >= 3,
        "each refused attempt is a security event");

    assertEquals(200, api.get("/executions?lineId=" + own.line).statusCode());
    HttpResponse<String> started = own.start(api, 1);
    assertEquals(200, started.statusCode(), started.body());
  }

  @Test
  void theTerminalOffersOnlyTheOperatorsLinesAndRefusesAnotherLinesBatch() {
    String operator = TestStack.newKeycloakUser("Lino", "operator");
    TestStack.assignLine(operator, own.lineUnsPath);
    Browser.signInAs(operator, "/terminal/index.xhtml?choose=true");
    List<String> offered =
        Browser.driver().findElements(By.cssSelector("#lines .bt-tile-detail")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(offered.contains(own.lineUnsPath), offered.toString());
    assertFalse(offered.contains(other.lineUnsPath), offered.toString());

    Browser.driver().get(TestStack.app("/terminal/batch.xhtml?batch=" + other.id).toString());
    String message = Browser.visible(By.cssSelector(".ui-messages")).getText();
    assertTrue(message.contains("is not assigned to"), message);
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.step_execution where batch_id = ?", other.id));
  }

  @Test
  void aCorrectionOnAnotherLineIsRefused() {
    RestClient demoOperator = RestClient.as(DemoUser.OPERATOR1);
    assertEquals(200, other.start(demoOperator, 1).statusCode());
    HttpResponse<String> entered =
        demoOperator.post(
            other.path("/steps/1/entries"), "{\"parameter\":\"Blend time\",\"value\":12}");
    assertEquals(200, entered.statusCode(), entered.body());
    long entry = TestStack.jsonObject(entered).getJsonNumber("id").longValue();

    String operator = TestStack.newKeycloakUser("Lars", "operator");
    TestStack.assignLine(operator, own.lineUnsPath);
    HttpResponse<String> corrected =
        RestClient.as(operator)
            .post(
                "/executions/entries/" + entry + "/corrections",
                "{\"value\":13,\"reason\":\"typo\"}");
    assertEquals(403, corrected.statusCode(), corrected.body());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.step_entry e join batchtrace.step_execution s"
                + " on s.id = e.step_execution_id where s.batch_id = ?",
            other.id),
        "no correction was written");
  }
}
