package com.batchtrace.compliance.signature.boundary;

/**
 * What a person enters to sign: their credentials and an optional comment. What the signature means
 * (performed, verified, released, ...) is decided by the command it signs, never by the caller.
 *
 * @param username the signer's user id; the signed-in user, except for a verification
 * @param password the signer's password, checked by the identity provider now
 * @param comment optional comment, part of the signature's manifestation
 */
public record SignatureRequest(String username, String password, String comment) {

  @Override
  public String toString() {
    return "SignatureRequest[" + username + "]";
  }
}
