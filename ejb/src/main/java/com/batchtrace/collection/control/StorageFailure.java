package com.batchtrace.collection.control;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a transient storage failure (the database is unreachable, restarting or short of
 * connections: retry, never drop) from a permanent one (this message cannot be stored: a dead
 * letter), from the exception and its causes.
 */
public final class StorageFailure {

  /** SQLSTATE classes of a connection problem, an operator's intervention, a lack of resources. */
  private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "57", "53");

  /** Deadlock and serialization failures: the same data succeeds when tried again. */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "JDBCConnectionException",
          "ResourceException",
          "LockAcquisitionException",
          "PessimisticLockException",
          "LockTimeoutException",
          "CannotAcquireLockException");

  private StorageFailure() {}

  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (TRANSIENT_STATES.contains(state)
            || (state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)))) {
          return true;
        }
      }
      if (TRANSIENT_TYPES.contains(t.getClass().getSimpleName())
          || String.valueOf(t.getMessage()).contains("IJ000453")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's type and message, as a dead letter's reason. */
  public static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
    return "The message could not be stored (" + root.getClass().getSimpleName() + message + ")";
  }
}
