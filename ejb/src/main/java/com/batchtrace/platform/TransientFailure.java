package com.batchtrace.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a transient database failure (the database is unreachable, restarting, switching to its
 * standby or short of connections; the same work succeeds when tried again) from a permanent one,
 * from the exception and its causes. The collector retries such a failure and never dead-letters
 * it; the API answers it with 503 and "try again", not with a server error.
 */
public final class TransientFailure {

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

  private TransientFailure() {}

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
}
