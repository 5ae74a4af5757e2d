package com.batchtrace.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 helper: signatures hash a record's canonical content with it, reports and exports
 * their bytes and rows. Always 64 lower-case hex digits.
 */
public final class Sha256 {

  private Sha256() {}

  /** SHA-256 of the text's UTF-8 bytes. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A digest fed elsewhere (a streamed export), finished, as 64 lower-case hex digits. */
  public static String hexOf(MessageDigest fed) {
    return HexFormat.of().formatHex(fed.digest());
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
