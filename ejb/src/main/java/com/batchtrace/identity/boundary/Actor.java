package com.batchtrace.identity.boundary;

import java.util.Objects;
import java.util.Set;

/**
 * A person or the system acting on a record.
 *
 * @param userId the identity provider's user name (stable, unique)
 * @param displayName the printed name, as shown in the audit trail and on signatures
 * @param clientAddress the terminal or client the request came from, when known
 * @param roles the realm roles held for this request
 */
public record Actor(String userId, String displayName, String clientAddress, Set<String> roles) {

  /** The named principal for background work (machine data, jobs, demo data). */
  public static final Actor SYSTEM =
      new Actor("system", "Batchtrace system", "localhost", Set.copyOf(Roles.ALL));

  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
  }

  public boolean holds(String role) {
    return roles.contains(role);
  }

  public boolean isSystem() {
    return this == SYSTEM || SYSTEM.userId.equals(userId);
  }
}
