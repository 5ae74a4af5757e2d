package com.batchtrace.compliance.signature.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's canonical content, as 64 lower-case hex digits. */
public final class ContentHash {

  private ContentHash() {}

  public static String sha256(String canonicalContent) {
    return HexFormat.of()
        .formatHex(digest().digest(canonicalContent.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh SHA-256 digest; every JVM has it (it is a required algorithm). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
