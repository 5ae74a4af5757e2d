package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV export read back (audit trail, genealogy trace): '#' lines about the export, the data
 * lines, and '#' lines with the row count and the checksum. Reading it checks that the checksum
 * covers exactly the data lines.
 *
 * @param lines every line, without the CRLF
 * @param data the data lines with their CRLF: the bytes the checksum covers
 * @param sha256 the checksum the export declares
 */
record CsvExport(List<String> lines, String data, String sha256) {

  static CsvExport read(String body) {
    List<String> lines = List.of(body.split("\r\n"));
    String data =
        lines.stream()
            .filter(l -> !l.startsWith("#"))
            .map(l -> l + "\r\n")
            .collect(Collectors.joining());
    String declared = value(lines, "# SHA-256: ");
    assertEquals(sha256(data), declared, "the checksum covers exactly the data lines");
    return new CsvExport(lines, data, declared);
  }

  static CsvExport read(byte[] body) {
    return read(new String(body, StandardCharsets.UTF_8));
  }

  /** What the '#' line starting with the prefix says after it. */
  String value(String prefix) {
    return value(lines, prefix);
  }

  private static String value(List<String> lines, String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + lines));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
