package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole audited path from day one: the admin page, the service, the audited write and its
 * Envers revision with who, when (UTC), why and from where.
 */
@Tag("URS-003")
@Tag("URS-007")
class EquipmentAdminIT extends DeployedApplication {

  private String enterprisePath;

  @BeforeEach
  void anEnterpriseToWorkIn() {
    JsonObject enterprise = RestClient.as(DemoUser.ADMIN).createEnterprise("Admin page test");
    enterprisePath = enterprise.getString("unsPath");
    Browser.signInAs(DemoUser.ADMIN, "/admin/equipment.xhtml");
    // The hierarchy pages by 50 nodes and the suite's plants are many: show this test's plant.
    OfficePages.type("equipment:filter-text", enterprisePath);
    Browser.driver().findElement(By.id("equipment:apply")).click();
    Browser.waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              List<WebElement> paths =
                  driver.findElements(By.cssSelector("[id='equipment:hierarchy'] tbody tr code"));
              return !paths.isEmpty()
                  && paths.stream().allMatch(path -> path.getText().startsWith(enterprisePath));
            });
  }

  @Test
  @Tag("URS-004")
  void creatingAndEditingWithAReasonLeavesTwoRevisionsNamingTheAdminTimeAndReason()
      throws SQLException {
    Instant start = Instant.now().minusSeconds(5);
    String sitePath = enterprisePath + "/basel";

    clickRowButton(enterprisePath, "add-child");
    Browser.visible(By.id("add-form:code")).sendKeys("basel");
    Browser.driver().findElement(By.id("add-form:name")).sendKeys("Basel site");
    Browser.driver().findElement(By.id("add-form:reason")).sendKeys("New site commissioned");
    Browser.driver().findElement(By.id("add-form:save")).click();
    Browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("add-form")));

    clickRowButton(sitePath, "edit");
    WebElement name = Browser.visible(By.id("edit-form:name"));
    name.clear();
    name.sendKeys("Basel site (solid dose)");
    Browser.driver().findElement(By.id("edit-form:reason")).sendKeys("Name per site master file");
    Browser.driver().findElement(By.id("edit-form:save")).click();
    Browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-form")));

    String history = Browser.visible(By.cssSelector("[id$='revisions']")).getText();
    assertTrue(history.contains("New site commissioned"), history);
    assertTrue(history.contains("Name per site master file"), history);
    assertTrue(history.contains("Adrian Alvarez (admin)"), history);

    List<Revision> revisions = revisionsOf(sitePath);
    assertEquals(2, revisions.size(), "one revision for the creation, one for the change");
    Revision created = revisions.get(0);
    Revision changed = revisions.get(1);
    assertAll(
        () -> assertEquals(0, created.type(), "ADD"),
        () -> assertEquals(1, changed.type(), "MOD"),
        () -> assertEquals("New site commissioned", created.reason()),
        () -> assertEquals("Name per site master file", changed.reason()),
        () -> assertEquals("admin", changed.userId()),
        () -> assertEquals("Adrian Alvarez", changed.userName()),
        () -> assertFalse(changed.clientAddress().isBlank(), "client address recorded"),
        () -> assertEquals("Basel site", created.name(), "old value kept"),
        () -> assertEquals("Basel site (solid dose)", changed.name(), "new value"),
        () ->
            assertTrue(
                !changed.time().isBefore(start)
                    && changed.time().isBefore(Instant.now().plus(Duration.ofSeconds(5))),
                "revision time " + changed.time() + " is the moment of the change"));
  }

  @Test
  @Tag("URS-004")
  @Tag("URS-009")
  void savingAChangeWithoutAReasonIsRefusedWithAMessageAndChangesNothing() throws SQLException {
    clickRowButton(enterprisePath, "edit");
    WebElement name = Browser.visible(By.id("edit-form:name"));
    name.clear();
    name.sendKeys("Changed without reason");
    Browser.driver().findElement(By.id("edit-form:save")).click();

    String message =
        Browser.visible(By.cssSelector("#equipment\\:messages .ui-messages-error")).getText();
    assertTrue(message.contains("A reason for change is required"), message);
    assertTrue(message.contains("Nothing was changed"), message);
    List<Revision> revisions = revisionsOf(enterprisePath);
    assertEquals(1, revisions.size(), "no new revision");
    assertEquals("Admin page test", revisions.get(0).name());
    assertEquals("Admin page test", currentName(enterprisePath));
  }

  /** Clicks a row's button; the table may redraw once more (its paginator) under the click. */
  private static void clickRowButton(String unsPath, String button) {
    By found =
        By.xpath(
            "//tr[.//code[text()='" + unsPath + "']]//button[contains(@id, ':" + button + "')]");
    Browser.waiting()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            driver -> {
              ExpectedConditions.elementToBeClickable(found).apply(driver).click();
              return true;
            });
  }

  record Revision(
      int type,
      String name,
      String userId,
      String userName,
      String reason,
      String clientAddress,
      Instant time) {}

  private static List<Revision> revisionsOf(String unsPath) throws SQLException {
    String sql =
        "select a.revtype, a.name, r.user_id, r.user_name, r.reason, r.client_address,"
            + " r.revision_time from batchtrace.equipment_aud a"
            + " join batchtrace.audit_revision r on r.id = a.rev"
            + " where a.uns_path = ? order by a.rev";
    try (Connection db = TestStack.databaseAsApplication();
        PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, unsPath);
      List<Revision> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Revision(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getObject(7, java.time.OffsetDateTime.class).toInstant()));
        }
      }
      return rows;
    }
  }

  private static String currentName(String unsPath) throws SQLException {
    try (Connection db = TestStack.databaseAsApplication();
        PreparedStatement q =
            db.prepareStatement("select name from batchtrace.equipment where uns_path = ?")) {
      q.setString(1, unsPath);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
