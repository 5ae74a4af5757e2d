package com.batchtrace.compliance.security.boundary;

import com.batchtrace.compliance.security.entity.SecurityEvent;
import java.io.Serializable;
import java.time.Instant;

/** A security event as pages and JSON show it. */
public record SecurityEventView(
    long id,
    Instant occurredAt,
    String kind,
    String label,
    String userId,
    String userName,
    String clientAddress,
    String detail)
    implements Serializable {

  static SecurityEventView of(SecurityEvent e) {
    return new SecurityEventView(
        e.getId(),
        e.getOccurredAt(),
        e.getKind().name(),
        e.getKind().label(),
        e.getUserId(),
        e.getUserName(),
        e.getClientAddress(),
        e.getDetail());
  }
}
