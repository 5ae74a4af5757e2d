package com.batchtrace.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed Batchtrace text (a checkpoint, an export seal or an archive package's manifest): UTF-8
 * lines ending in LF, a title line, "name: value" lines, and last "signature: (Base64)", an Ed25519
 * signature over the bytes of every line before it. Read here with the verifier's own code,
 * independently of the server's.
 */
final class Signed {

  final String title;
  final String text;
  final Map<String, String> fields = new LinkedHashMap<>();
  final List<String> chainLines = new ArrayList<>();
  final List<String> fileLines = new ArrayList<>();
  private final byte[] signedPart;
  private final byte[] signature;

  private Signed(String title, String text, byte[] signedPart, byte[] signature) {
    this.title = title;
    this.text = text;
    this.signedPart = signedPart;
    this.signature = signature;
  }

  /** Reads the text; throws {@link IllegalArgumentException} saying what is malformed. */
  static Signed parse(String text, String expectedTitle) {
    if (!text.startsWith(expectedTitle + "\n")) {
      throw new IllegalArgumentException("it does not start with '" + expectedTitle + "'");
    }
    int at = text.lastIndexOf("\nsignature: ");
    if (at < 0) {
      throw new IllegalArgumentException("it has no signature line");
    }
    String signatureText = text.substring(at + "\nsignature: ".length()).strip();
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("its signature line is not Base64");
    }
    Signed s =
        new Signed(
            expectedTitle,
            text,
            text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8),
            signature);
    String[] lines = text.substring(0, at).split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + " is malformed: " + lines[i]);
      }
      String name = lines[i].substring(0, colon);
      String value = lines[i].substring(colon + 2);
      if (name.equals("chain")) {
        s.chainLines.add(value);
      } else if (name.equals("file")) {
        s.fileLines.add(value);
      } else if (s.fields.put(name, value) != null) {
        throw new IllegalArgumentException("line '" + name + "' appears twice");
      }
    }
    if (!"1".equals(s.fields.get("format"))) {
      throw new IllegalArgumentException("its format is " + s.fields.get("format") + ", not 1");
    }
    return s;
  }

  String field(String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("it has no '" + name + "' line");
    }
    return value;
  }

  boolean verifies(PublicKey key) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update(signedPart);
      return ed.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String abbreviate(String hash) {
    return hash == null || hash.length() < 16 ? String.valueOf(hash) : hash.substring(0, 16) + "…";
  }
}
