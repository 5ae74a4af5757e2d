package com.batchtrace.quality.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The manifest of an archive package (format 1), {@value #FILE}: UTF-8 lines ending in LF, the
 * signature line last, Ed25519 over the bytes of every line before it, with the checkpoint key. The
 * same text is described in docs/archive-format.md and read by the offline verifier with its own
 * code.
 *
 * <pre>
 * Batchtrace archive package
 * format: 1
 * package: GRN-26-0001-2
 * batch: GRN-26-0001
 * status: RELEASED
 * written-at: 2026-05-04T10:15:00.123456Z
 * reason: released
 * key: (SHA-256 of the checkpoint public key, X.509 encoding)
 * checkpoint: checkpoint.txt sequence=42
 * file: record.pdf sha256=(hex) bytes=123456
 * file: record.json sha256=(hex) bytes=23456
 * ...
 * signature: (Base64 of the 64-byte Ed25519 signature)
 * </pre>
 */
public final class ArchiveManifest {

  public static final String FILE = "manifest.txt";
  public static final String TITLE = "Batchtrace archive package";
  public static final String SIGNATURE_PREFIX = "signature: ";

  /**
   * The names a package's files may have: no path, no space, nothing a shell or a parser trips on.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ArchiveManifest() {}

  /** One file of the package. */
  public record Entry(String name, String sha256, long bytes) {

    public Entry {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("An archive file name must be plain: " + name);
      }
    }
  }

  /** A manifest read back (its signature is checked by whoever holds the public key). */
  public record Parsed(
      String packageName,
      String batch,
      String status,
      Instant writtenAt,
      String reason,
      String keyId,
      Long checkpointSequence,
      List<Entry> files) {}

  /** The lines the signature covers. */
  public static String unsigned(
      String packageName,
      String batch,
      String status,
      Instant writtenAt,
      String reason,
      String keyId,
      String checkpointFile,
      long checkpointSequence,
      List<Entry> files) {
    StringBuilder s = new StringBuilder(1024);
    s.append(TITLE).append('\n');
    s.append("format: 1\n");
    s.append("package: ").append(oneLine(packageName)).append('\n');
    s.append("batch: ").append(oneLine(batch)).append('\n');
    s.append("status: ").append(oneLine(status)).append('\n');
    s.append("written-at: ").append(writtenAt).append('\n');
    s.append("reason: ").append(oneLine(reason)).append('\n');
    s.append("key: ").append(keyId).append('\n');
    s.append("checkpoint: ")
        .append(checkpointFile)
        .append(" sequence=")
        .append(checkpointSequence)
        .append('\n');
    for (Entry f : files) {
      s.append("file: ")
          .append(f.name())
          .append(" sha256=")
          .append(f.sha256())
          .append(" bytes=")
          .append(f.bytes())
          .append('\n');
    }
    return s.toString();
  }

  public static String signed(String unsigned, byte[] signature) {
    return unsigned + SIGNATURE_PREFIX + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /** The signed bytes: every line before the signature line. */
  public static byte[] signedPart(String text) {
    int at = text.lastIndexOf("\n" + SIGNATURE_PREFIX);
    if (at < 0) {
      throw new IllegalArgumentException("The manifest has no signature line");
    }
    return text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
  }

  /** A manifest's fields; IllegalArgumentException naming what is wrong. */
  public static Parsed parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(TITLE)) {
      throw new IllegalArgumentException("not a Batchtrace archive manifest");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    List<Entry> files = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      int colon = lines[i].indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + " is malformed");
      }
      String key = lines[i].substring(0, colon);
      String value = lines[i].substring(colon + 2);
      if (key.equals("file")) {
        String[] parts = value.split(" ");
        if (parts.length != 3
            || !parts[1].startsWith("sha256=")
            || !parts[2].startsWith("bytes=")) {
          throw new IllegalArgumentException("line " + (i + 1) + " is malformed");
        }
        files.add(
            new Entry(parts[0], parts[1].substring(7), Long.parseLong(parts[2].substring(6))));
      } else {
        fields.put(key, value);
      }
    }
    for (String required :
        List.of("format", "package", "batch", "status", "written-at", "reason", "key")) {
      if (!fields.containsKey(required)) {
        throw new IllegalArgumentException("the manifest has no '" + required + "' line");
      }
    }
    String checkpoint = fields.get("checkpoint");
    Long sequence = null;
    if (checkpoint != null && checkpoint.contains(" sequence=")) {
      sequence = Long.parseLong(checkpoint.substring(checkpoint.indexOf(" sequence=") + 10));
    }
    return new Parsed(
        fields.get("package"),
        fields.get("batch"),
        fields.get("status"),
        Instant.parse(fields.get("written-at")),
        fields.get("reason"),
        fields.get("key"),
        sequence,
        files);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').strip();
  }
}
