package com.batchtrace.identity.boundary;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person or the system acting on a record.
 *
 * @param userId the identity provider's user name, as people type and read it
 * @param subject the identity provider's immutable id of the account ({@code sub}): a user name can
 *     be given again to a new account, this never; null for the system and for a person only named
 * @param displayName the printed name, as shown in the audit trail and on signatures
 * @param clientAddress the terminal or client the request came from, when known
 * @param roles the realm roles held for this request
 * @param lines the UNS paths of the lines (or areas, sites) the person is assigned to
 * @param sessionStart when the person's continuous session of controlled access began (a page
 *     session: signing in, after any idle timeout or switch of user); null for API requests, where
 *     every signature is a first one
 */
public record Actor(
    String userId,
    String subject,
    String displayName,
    String clientAddress,
    Set<String> roles,
    Set<String> lines,
    Instant sessionStart) {

  /** The named principal for background work (machine data, jobs, demo data). */
  public static final Actor SYSTEM =
      new Actor("system", "Batchtrace system", "localhost", Set.copyOf(Roles.ALL));

  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
    lines = Set.copyOf(lines);
  }

  /** A person known by name only: no account id, no lines. */
  public Actor(String userId, String displayName, String clientAddress, Set<String> roles) {
    this(userId, null, displayName, clientAddress, roles, Set.of(), null);
  }

  public boolean holds(String role) {
    return roles.contains(role);
  }

  /**
   * Whether the person is assigned to the line at {@code unsPath}: to it, or to an area or site
   * above it (an assignment is a UNS path prefix; the empty path is every line).
   */
  public boolean assignedTo(String unsPath) {
    return lines.stream()
        .anyMatch(p -> p.isEmpty() || unsPath.equals(p) || unsPath.startsWith(p + "/"));
  }

  /**
   * Whether the person sees only their own lines' batches: an operator without an office role (QA,
   * auditors and administrators read every line; nobody works on a line they are not assigned to).
   */
  public boolean viewsOnlyOwnLines() {
    return holds(Roles.OPERATOR)
        && !holds(Roles.QA_REVIEWER)
        && !holds(Roles.AUDITOR)
        && !holds(Roles.ADMIN);
  }

  public boolean isSystem() {
    return this == SYSTEM || SYSTEM.userId.equals(userId);
  }
}
