package com.batchtrace.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.platform.RuleViolation;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the API answers when the database is switching to its standby, and when it is not. */
@Tag("URS-087")
class ApiErrorsTest {

  @Test
  void aDatabaseThatCannotBeReachedIsTryAgainNotAServerError() {
    ApiError error =
        ApiErrors.describe(
            new EJBException(
                new PersistenceException(
                    "Unable to acquire JDBC Connection",
                    new SQLException("Connection to 127.0.0.1:5434 refused", "08001"))));
    assertEquals(503, error.status());
    assertEquals("Service Unavailable", error.error());
    assertTrue(error.message().contains("Show the record again"), error.message());
    assertFalse(error.message().contains("5434"), "the body gives no address away");
  }

  @Test
  void anyOtherDatabaseFailureStaysALoggedServerError() {
    ApiError error =
        ApiErrors.describe(
            new EJBException(
                new PersistenceException(new SQLException("duplicate key value", "23505"))));
    assertEquals(500, error.status());
    assertFalse(error.message().contains("duplicate"), error.message());
  }

  @Test
  void aBrokenRuleIsStillARefusalEvenWhenTheDatabaseIsDown() {
    RuleViolation refusal = new RuleViolation("Batch B-1 is not running");
    refusal.initCause(new SQLException("Connection refused", "08001"));
    assertEquals(422, ApiErrors.describe(refusal).status());
  }
}
