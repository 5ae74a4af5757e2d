package com.batchtrace.compliance.signature.control;

import java.util.Objects;
import java.util.Set;

/**
 * Who the identity provider says the signer is, after checking the password.
 *
 * @param userId the user name
 * @param displayName the printed name
 * @param roles the signer's realm roles
 */
public record SignerIdentity(String userId, String displayName, Set<String> roles) {

  public SignerIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
  }
}
