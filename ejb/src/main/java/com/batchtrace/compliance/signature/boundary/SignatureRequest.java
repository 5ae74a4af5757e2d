package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.signature.entity.SignatureMeaning;

/**
 * What a person enters to sign.
 *
 * @param username the signer's user id; the signed-in user, except for a verification
 * @param password the signer's password, checked by the identity provider now
 * @param meaning what the signature means
 * @param reason optional comment
 */
public record SignatureRequest(
    String username, String password, SignatureMeaning meaning, String reason) {

  @Override
  public String toString() {
    return "SignatureRequest[" + username + ", " + meaning + "]";
  }
}
