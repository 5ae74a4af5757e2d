package com.batchtrace.compliance.signature.control;

import java.util.Objects;
import java.util.Set;

/**
 * Who the identity provider says the signer is, after checking the password.
 *
 * @param userId the user name (a user id the person types; an account can be deleted and the name
 *     given again)
 * @param subject the identity provider's immutable id of the account (its {@code sub}), which tells
 *     two accounts of one user name apart; null only before the password is checked
 * @param displayName the printed name
 * @param roles the signer's realm roles
 */
public record SignerIdentity(String userId, String subject, String displayName, Set<String> roles) {

  public SignerIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
  }

  /** A signer named before their password is checked: no verified account id yet. */
  public static SignerIdentity named(String userId, String displayName, Set<String> roles) {
    return new SignerIdentity(userId, null, displayName, roles);
  }
}
