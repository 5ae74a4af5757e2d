package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached for the moment (a failover, a restart, no connection left) is
 * told from a request that can never succeed, however deep the container wraps the cause.
 */
@Tag("URS-087")
class TransientFailureTest {

  @Test
  void aLostOrRefusedConnectionIsTransient() {
    // What the PostgreSQL driver reports when the primary is gone or shutting down.
    assertTrue(
        TransientFailure.isTransient(wrapped(new SQLException("Connection refused", "08001"))));
    assertTrue(
        TransientFailure.isTransient(wrapped(new SQLException("An I/O error occurred", "08006"))));
    assertTrue(
        TransientFailure.isTransient(
            wrapped(
                new SQLException("terminating connection due to administrator command", "57P01"))));
    assertTrue(
        TransientFailure.isTransient(
            wrapped(new SQLException("the database system is starting up", "57P03"))));
    assertTrue(
        TransientFailure.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
    // The pool when it cannot open a connection (WildFly's IronJacamar).
    assertTrue(
        TransientFailure.isTransient(
            new EJBException(
                new IllegalStateException(
                    "IJ000453: Unable to get managed connection for java:jboss/datasources/BatchtraceDS"))));
  }

  @Test
  void aRequestThatCanNeverSucceedIsNot() {
    assertFalse(
        TransientFailure.isTransient(wrapped(new SQLException("duplicate key value", "23505"))));
    assertFalse(TransientFailure.isTransient(wrapped(new SQLException("value too long", "22001"))));
    assertFalse(
        TransientFailure.isTransient(
            wrapped(new SQLException("cannot execute INSERT in a read-only transaction", "25006"))),
        "a write sent to a standby is a misconfiguration, not a moment to wait for");
    assertFalse(TransientFailure.isTransient(new IllegalArgumentException("no such batch")));
    assertFalse(TransientFailure.isTransient(new SQLException("no state")));
  }

  @Test
  void aCauseThatIsItsOwnCauseEnds() {
    RuntimeException loop =
        new RuntimeException("loop") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertFalse(TransientFailure.isTransient(loop));
  }

  private static RuntimeException wrapped(SQLException cause) {
    return new EJBException(new PersistenceException("could not execute statement", cause));
  }
}
