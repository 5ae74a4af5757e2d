package com.batchtrace.compliance.signature.entity;

/** What a signature means (21 CFR 11.50(a)(3)), shown with every manifestation. */
public enum SignatureMeaning {
  PERFORMED("Performed by"),
  VERIFIED("Verified by"),
  REVIEWED("Reviewed by"),
  APPROVED("Approved by"),
  RELEASED("Released by"),
  REJECTED("Rejected by");

  private final String label;

  SignatureMeaning(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
