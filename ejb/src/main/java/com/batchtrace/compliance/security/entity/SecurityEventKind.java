package com.batchtrace.compliance.security.entity;

/** What happened. The database refuses any other value (V2 migration). */
public enum SecurityEventKind {
  SIGN_IN("Signed in"),
  SIGN_OUT("Signed out"),
  SIGN_IN_FAILED("Sign-in failed"),
  SIGNATURE_FAILED("Signature refused: wrong password"),
  SIGNING_LOCKED("Signing locked"),
  EXPORT("Exported"),
  INTEGRITY_VERIFIED("Integrity verified: intact"),
  INTEGRITY_BROKEN("Integrity verified: broken"),
  BROKER_CONNECTED("Machine data: broker connected"),
  BROKER_DISCONNECTED("Machine data: broker connection lost"),
  SIGNING_UNAVAILABLE("Signing unavailable: the identity provider could not check a password"),
  SIGNATURE_REFUSED("Signature refused before the password: the named signer may not sign"),
  IDENTITY_ADMINISTRATION("Identity administration: a user, role or password changed"),
  LINE_REFUSED("Refused: a batch of a line the person is not assigned to"),
  CHECKPOINT_SIGNED("Checkpoint signed: the chains' heads, signed outside the database"),
  ARCHIVE_WRITTEN("Archive package written"),
  ARCHIVE_FAILED("Archive package NOT written: QA re-creates it from the batch record");

  private final String label;

  SecurityEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
