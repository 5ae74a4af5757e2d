package com.batchtrace.compliance.signature.control;

import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.compliance.signature.entity.SignatureRefused;
import com.batchtrace.identity.boundary.Actor;
import java.util.Set;

/**
 * Who may sign (21 CFR 11.50, 11.100; segregation of duties): the signed-in user signs for
 * themself; a verification is the one signature given by someone else at the same terminal, who
 * must hold the required role and must not be a person who performed the work.
 */
public final class SigningRules {

  private SigningRules() {}

  /**
   * @param signedIn the user signed in at the terminal or client
   * @param signer who the identity provider says signed
   * @param meaning what the signature means
   * @param requiredRole the role the signer must hold
   * @param performers user ids of those who performed the work being verified (for VERIFIED)
   */
  public static void requireEligible(
      Actor signedIn,
      SignerIdentity signer,
      SignatureMeaning meaning,
      String requiredRole,
      Set<String> performers) {
    if (meaning == SignatureMeaning.VERIFIED) {
      if (performers.contains(signer.userId())) {
        throw new SignatureRefused(
            signer.displayName()
                + " took part in this work and cannot also verify it: a second person must verify"
                + " with their own user id and password. Nothing was signed.",
            false);
      }
    } else if (!signer.userId().equals(signedIn.userId())) {
      throw new SignatureRefused(
          "You are signed in as "
              + signedIn.userId()
              + ": sign with your own user id and password. Nothing was signed.",
          false);
    }
    if (!signer.roles().contains(requiredRole)) {
      throw new SignatureRefused(
          signer.displayName()
              + " cannot sign this as '"
              + meaning.label()
              + "': the role '"
              + requiredRole
              + "' is required. Nothing was signed.",
          false);
    }
  }
}
