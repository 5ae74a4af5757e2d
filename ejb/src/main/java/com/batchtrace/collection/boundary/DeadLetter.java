package com.batchtrace.collection.boundary;

import com.batchtrace.platform.SiteZone;
import java.io.Serializable;
import java.time.Instant;

/**
 * A machine message that could not be stored, with the reason, and what became of it since: {@code
 * status} in words ("waiting", "re-processed at … by …", "failed again: …").
 *
 * @param reprocessed whether it was taken again (then it cannot be re-processed any more)
 */
public record DeadLetter(
    long id,
    Instant receivedAt,
    String source,
    String topic,
    String payload,
    String reason,
    String status,
    boolean reprocessed)
    implements Serializable {

  /** The dead letter with its latest attempt ({@code outcome} null when never attempted). */
  public static DeadLetter of(
      long id,
      Instant receivedAt,
      String source,
      String topic,
      String payload,
      String reason,
      Instant attemptedAt,
      String attemptedBy,
      String outcome,
      String detail) {
    boolean reprocessed = "REPROCESSED".equals(outcome);
    String status;
    if (outcome == null) {
      status = "waiting";
    } else if (reprocessed) {
      status = "re-processed at " + SiteZone.format(attemptedAt) + " by " + attemptedBy;
    } else {
      status =
          "failed again (" + SiteZone.format(attemptedAt) + ", " + attemptedBy + "): " + detail;
    }
    return new DeadLetter(id, receivedAt, source, topic, payload, reason, status, reprocessed);
  }
}
