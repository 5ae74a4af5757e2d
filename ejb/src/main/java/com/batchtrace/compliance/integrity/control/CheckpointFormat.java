package com.batchtrace.compliance.integrity.control;

import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a signed checkpoint (format 1), the same in the checkpoint log, in exports and in
 * docs/auditor-guide.md: UTF-8 lines ending in LF, the signature line last. The signature is
 * Ed25519 over the bytes of every line before it (their LFs included).
 *
 * <pre>
 * Batchtrace signed checkpoint
 * format: 1
 * sequence: 42
 * taken-at: 2026-05-04T10:15:00.123456Z
 * reason: scheduled
 * previous: (SHA-256 of checkpoint 41's file, or none)
 * key: (SHA-256 of the public key, X.509 encoding)
 * chain: revision position=1234 rows=1234 head=(hex) at-previous=(hex, none or missing)
 * chain: security_event ...
 * chain: signature ...
 * signature: (Base64 of the 64-byte Ed25519 signature)
 * </pre>
 *
 * The offline verifier (verify/) reads the same text with its own code.
 */
public final class CheckpointFormat {

  public static final String TITLE = "Batchtrace signed checkpoint";
  public static final String SIGNATURE_PREFIX = "signature: ";
  private static final String NONE = "none";

  private CheckpointFormat() {}

  /** The lines a checkpoint signs: everything but the signature line. */
  public static String unsigned(
      long sequence,
      Instant takenAt,
      String reason,
      String previousSha256,
      String keyId,
      List<SignedCheckpoint.Chain> chains) {
    StringBuilder s = new StringBuilder(512);
    s.append(TITLE).append('\n');
    s.append("format: 1\n");
    s.append("sequence: ").append(sequence).append('\n');
    s.append("taken-at: ").append(takenAt).append('\n');
    s.append("reason: ").append(oneLine(reason)).append('\n');
    s.append("previous: ").append(previousSha256 == null ? NONE : previousSha256).append('\n');
    s.append("key: ").append(keyId).append('\n');
    for (SignedCheckpoint.Chain c : chains) {
      s.append("chain: ")
          .append(c.chain())
          .append(" position=")
          .append(c.position())
          .append(" rows=")
          .append(c.rows())
          .append(" head=")
          .append(c.sha256())
          .append(" at-previous=")
          .append(c.atPreviousSha256() == null ? NONE : c.atPreviousSha256())
          .append('\n');
    }
    return s.toString();
  }

  /** The whole text: the signed lines and the signature line. */
  public static String signed(String unsigned, byte[] signature) {
    return unsigned + SIGNATURE_PREFIX + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /** A checkpoint's text read back; the signature is checked separately ({@link #signedPart}). */
  public static SignedCheckpoint parse(String text, String file) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<SignedCheckpoint.Chain> chains = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(TITLE)) {
      throw new IllegalArgumentException(file + " is not a Batchtrace signed checkpoint");
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + " is malformed");
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 2);
      if (key.equals("chain")) {
        chains.add(chain(value, file));
      } else {
        fields.put(key, value);
      }
    }
    for (String required :
        List.of("format", "sequence", "taken-at", "reason", "previous", "key", "signature")) {
      if (!fields.containsKey(required)) {
        throw new IllegalArgumentException(file + " has no '" + required + "' line");
      }
    }
    if (!fields.get("format").equals("1")) {
      throw new IllegalArgumentException(file + " has format " + fields.get("format") + ", not 1");
    }
    String previous = fields.get("previous");
    return new SignedCheckpoint(
        Long.parseLong(fields.get("sequence")),
        Instant.parse(fields.get("taken-at")),
        fields.get("reason"),
        previous.equals(NONE) ? null : previous,
        fields.get("key"),
        chains,
        file,
        text);
  }

  /** The signed bytes of a checkpoint's text: every line before the signature line. */
  public static byte[] signedPart(String text) {
    int at = text.lastIndexOf("\n" + SIGNATURE_PREFIX);
    if (at < 0) {
      throw new IllegalArgumentException("no signature line");
    }
    return text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
  }

  /** The signature of a checkpoint's text. */
  public static byte[] signature(String text) {
    int at = text.lastIndexOf("\n" + SIGNATURE_PREFIX);
    if (at < 0) {
      throw new IllegalArgumentException("no signature line");
    }
    String rest = text.substring(at + 1 + SIGNATURE_PREFIX.length()).strip();
    return Base64.getDecoder().decode(rest);
  }

  private static SignedCheckpoint.Chain chain(String value, String file) {
    String[] parts = value.split(" ");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(file + ": chain line '" + value + "' is malformed");
      }
      attributes.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
    }
    String atPrevious = attributes.getOrDefault("at-previous", NONE);
    return new SignedCheckpoint.Chain(
        parts[0],
        Long.parseLong(attributes.get("position")),
        Long.parseLong(attributes.get("rows")),
        attributes.get("head"),
        atPrevious.equals(NONE) ? null : atPrevious);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').strip();
  }
}
