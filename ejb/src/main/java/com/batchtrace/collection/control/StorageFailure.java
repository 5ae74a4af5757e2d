package com.batchtrace.collection.control;

/**
 * What a dead letter says of a message that could not be stored. Whether a failure is worth a retry
 * is {@link com.batchtrace.platform.TransientFailure}'s to tell.
 */
public final class StorageFailure {

  private StorageFailure() {}

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
