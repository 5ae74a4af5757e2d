package com.batchtrace.identity.boundary;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person's account in the identity provider, as an access review reads it.
 *
 * @param subject the account's immutable id
 * @param userId the user name people type
 * @param name the printed name (first and last name)
 * @param enabled false when the account is disabled
 * @param created when the account was created
 * @param roles the application roles the account holds (composite roles resolved)
 * @param lines the UNS paths the person is assigned to (empty path: every line)
 */
public record Account(
    String subject,
    String userId,
    String name,
    boolean enabled,
    Instant created,
    Set<String> roles,
    Set<String> lines) {

  public Account {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(userId, "userId");
    roles = Set.copyOf(roles);
    lines = Set.copyOf(lines);
  }
}
