package com.batchtrace.verify;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Checks one audit trail export (CSV, JSON or PDF, told apart by their first bytes): the signed
 * checkpoint it carries, its signed seal, and that its header and rows are exactly what the seal
 * signed. With the checkpoint log, also that the log holds the export's checkpoint and that no
 * chain was rewritten in the database after it.
 */
final class ExportCheck {

  static final String SEAL_TITLE = "Batchtrace signed export seal";

  private final String name;
  private final PublicKey key;
  private final Findings findings;
  private Checkpoint checkpoint;

  private ExportCheck(String name, PublicKey key, Findings findings) {
    this.name = name;
    this.key = key;
    this.findings = findings;
  }

  /** Checks the export; returns its checkpoint when that verified, else null. */
  static Checkpoint run(Path file, byte[] bytes, PublicKey key, Findings findings)
      throws IOException {
    ExportCheck check = new ExportCheck(file.getFileName().toString(), key, findings);
    if (bytes.length >= 4 && new String(bytes, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")) {
      check.pdf(bytes);
    } else if (new String(bytes, StandardCharsets.UTF_8).stripLeading().startsWith("{")) {
      check.json(bytes);
    } else {
      check.csv(bytes);
    }
    return check.checkpoint;
  }

  // ---------------------------------------------------------------- CSV

  private void csv(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.startsWith("# Batchtrace audit trail export")) {
      findings.fail(name + " is not a Batchtrace audit trail export (CSV, JSON or PDF)");
      return;
    }
    StringBuilder checkpointText = new StringBuilder();
    StringBuilder sealText = new StringBuilder();
    ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length);
    String filter = null;
    String exportedBy = null;
    String exportedAt = null;
    String rows = null;
    String sha256 = null;
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, bytes.length);
      if (bytes[start] == '#') {
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        String comment = line.startsWith("# ") ? line.substring(2) : line.substring(1);
        if (comment.startsWith("Signed checkpoint: ")) {
          checkpointText.append(comment.substring("Signed checkpoint: ".length())).append('\n');
        } else if (comment.startsWith("Signed seal: ")) {
          sealText.append(comment.substring("Signed seal: ".length())).append('\n');
        } else if (comment.startsWith("Filter: ")) {
          filter = comment.substring("Filter: ".length());
        } else if (comment.startsWith("Exported by: ")) {
          exportedBy = comment.substring("Exported by: ".length());
        } else if (comment.startsWith("Exported at (UTC): ")) {
          exportedAt = comment.substring("Exported at (UTC): ".length());
        } else if (comment.startsWith("Rows: ")) {
          rows = comment.substring("Rows: ".length());
        } else if (comment.startsWith("SHA-256: ")) {
          sha256 = comment.substring("SHA-256: ".length());
        }
      } else {
        body.write(bytes, start, next - start);
      }
      start = next;
    }
    Signed seal = evidence(checkpointText.toString(), sealText.toString(), "CSV");
    if (seal == null) {
      return;
    }
    header(seal, filter, exportedBy, exportedAt);
    footer(seal, rows, sha256);
    String bodyHash = Signed.sha256(body.toByteArray());
    if (bodyHash.equals(seal.field("rows-sha256"))) {
      findings.ok(
          name + ": its " + seal.field("rows") + " rows are exactly the rows the seal signed");
    } else {
      findings.fail(
          name
              + ": its rows (the lines without '#') are not the rows the server exported: SHA-256 "
              + Signed.abbreviate(bodyHash)
              + ", signed "
              + Signed.abbreviate(seal.field("rows-sha256"))
              + ": a row was changed, added, removed or moved");
    }
  }

  // ---------------------------------------------------------------- JSON

  private void json(byte[] bytes) {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      root = reader.readObject();
    } catch (RuntimeException e) {
      findings.fail(name + " cannot be read as JSON: " + e.getMessage());
      return;
    }
    JsonObject export = root.getJsonObject("export");
    if (export == null || !root.containsKey("rows")) {
      findings.fail(name + " is not a Batchtrace audit trail export");
      return;
    }
    Signed seal = evidence(text(export, "signedCheckpoint"), text(root, "signedSeal"), "JSON");
    if (seal == null) {
      return;
    }
    header(
        seal,
        text(export, "filter"),
        text(export, "exportedByName") + " (" + text(export, "exportedBy") + ")",
        text(export, "exportedAt"));
    footer(
        seal,
        root.containsKey("rowCount") ? root.get("rowCount").toString() : null,
        text(root, "sha256"));
    List<String> columns = Arrays.asList(seal.field("columns").split(","));
    MessageDigest values = sha256();
    JsonArray rows = root.getJsonArray("rows");
    boolean wellFormed = true;
    for (JsonValue row : rows) {
      JsonObject o = row.asJsonObject();
      if (!o.keySet().equals(new java.util.HashSet<>(columns))) {
        wellFormed = false;
      }
      for (String column : columns) {
        String value = text(o, column);
        byte[] b = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        values.update(String.valueOf(b.length).getBytes(StandardCharsets.US_ASCII));
        values.update((byte) ':');
        values.update(b);
      }
      values.update((byte) '\n');
    }
    String hash = HexFormat.of().formatHex(values.digest());
    if (wellFormed
        && hash.equals(seal.field("values-sha256"))
        && String.valueOf(rows.size()).equals(seal.field("rows"))) {
      findings.ok(name + ": its " + rows.size() + " rows are exactly the rows the seal signed");
    } else {
      findings.fail(
          name
              + ": its rows are not the rows the server exported ("
              + rows.size()
              + " rows, signed "
              + seal.field("rows")
              + "): a row was changed, added, removed or moved");
    }
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
  }

  // ---------------------------------------------------------------- PDF

  private void pdf(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      Map<String, PDComplexFileSpecification> attached = attachments(document);
      Signed seal =
          evidence(
              attachment(attached.get("batchtrace-checkpoint.txt")),
              attachment(attached.get("batchtrace-seal.txt")),
              "PDF");
      if (seal == null) {
        return;
      }
      String columns = visible(seal.field("columns").replace(",", ""));
      PDFTextStripper stripper = new PDFTextStripper();
      StringBuilder table = new StringBuilder();
      StringBuilder paragraphs = new StringBuilder();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = visible(stripper.getText(document)).replaceFirst("Page\\d+of\\d+$", "");
        int at = text.indexOf(columns);
        if (at < 0) {
          paragraphs.append(text);
        } else {
          paragraphs.append(text, 0, at);
          table.append(text, at + columns.length(), text.length());
        }
      }
      String shown = paragraphs.toString();
      for (String expected :
          List.of(
              "Filter:" + seal.field("filter"),
              "Exportedby:"
                  + seal.field("exported-by-name")
                  + "("
                  + seal.field("exported-by")
                  + ")",
              "Exportedat(UTC):" + seal.field("exported-at"),
              "Rows:" + seal.field("rows"),
              "SHA-256:" + seal.field("rows-sha256"))) {
        if (!shown.contains(visible(expected))) {
          findings.fail(name + ": the PDF does not show what the seal signed: '" + expected + "'");
        }
      }
      String hash = Signed.sha256(table.toString());
      if (hash.equals(seal.field("text-sha256"))) {
        findings.ok(
            name
                + ": the text of its "
                + seal.field("rows")
                + " rows is exactly the text the seal signed");
      } else {
        findings.fail(
            name
                + ": the text of its rows is not the text the server exported: a row was"
                + " changed, added, removed or moved");
      }
    }
  }

  static Map<String, PDComplexFileSpecification> attachments(PDDocument document)
      throws IOException {
    PDEmbeddedFilesNameTreeNode tree =
        new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles();
    Map<String, PDComplexFileSpecification> found = new java.util.HashMap<>();
    collect(tree, found);
    return found;
  }

  private static void collect(
      PDNameTreeNode<PDComplexFileSpecification> node,
      Map<String, PDComplexFileSpecification> found)
      throws IOException {
    if (node == null) {
      return;
    }
    if (node.getNames() != null) {
      for (PDComplexFileSpecification spec : node.getNames().values()) {
        String file = spec.getFilename() == null ? spec.getFileUnicode() : spec.getFilename();
        found.put(file, spec);
      }
    }
    if (node.getKids() != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
        collect(kid, found);
      }
    }
  }

  static String attachment(PDComplexFileSpecification spec) throws IOException {
    if (spec == null || spec.getEmbeddedFile() == null) {
      return "";
    }
    return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * Text as the seal's text-sha256 counts it: without white space and without characters outside
   * windows-1252, which the PDF's font cannot show.
   */
  static String visible(String text) {
    CharsetEncoder font = Charset.forName("windows-1252").newEncoder();
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if (c > ' ' && c != 127) {
          s.append(c);
        }
      } else if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && !Character.isSurrogate(c)
          && font.canEncode(c)) {
        s.append(c);
      }
    }
    return s.toString();
  }

  // ---------------------------------------------------------------- common

  /** Checks the checkpoint and the seal; returns the seal when both verify, else null. */
  private Signed evidence(String checkpointText, String sealText, String format) {
    if (checkpointText == null || checkpointText.isEmpty()) {
      findings.fail(
          name
              + " carries no signed checkpoint (exported without a checkpoint key, or the"
              + " checkpoint was removed): it cannot be verified");
      return null;
    }
    try {
      checkpoint = new Checkpoint(checkpointText);
    } catch (RuntimeException e) {
      findings.fail(name + ": its signed checkpoint cannot be read: " + e.getMessage());
      return null;
    }
    String keyId = Signed.sha256(key.getEncoded());
    if (!checkpoint.key.equals(keyId)) {
      findings.fail(
          name
              + ": its checkpoint was signed with another key ("
              + Signed.abbreviate(checkpoint.key)
              + ") than the public key given ("
              + Signed.abbreviate(keyId)
              + ")");
      checkpoint = null;
      return null;
    }
    if (!checkpoint.signed.verifies(key)) {
      findings.fail(
          name
              + ": the signature of its "
              + checkpoint.describe()
              + " does not verify: the checkpoint was altered");
      checkpoint = null;
      return null;
    }
    findings.ok(name + ": carries " + checkpoint.describe() + "; its signature verifies");
    if (sealText == null || sealText.isEmpty()) {
      findings.fail(name + " has no signed seal at its end: it was cut short or altered");
      return null;
    }
    Signed seal;
    try {
      seal = Signed.parse(sealText, SEAL_TITLE);
      seal.field("rows");
      seal.field("rows-sha256");
    } catch (RuntimeException e) {
      findings.fail(name + ": its signed seal cannot be read: " + e.getMessage());
      return null;
    }
    if (!seal.verifies(key)) {
      findings.fail(name + ": the signature of its seal does not verify: the seal was altered");
      return null;
    }
    String expected = checkpoint.sequence + " " + Signed.sha256(checkpoint.text());
    if (!expected.equals(seal.field("checkpoint"))) {
      findings.fail(
          name + ": its seal names another checkpoint (" + seal.field("checkpoint") + ")");
      return null;
    }
    if (!format.equals(seal.field("export-format"))) {
      findings.fail(
          name + ": its seal is of a " + seal.field("export-format") + " export, not " + format);
      return null;
    }
    findings.ok(name + ": its seal's signature verifies and names that checkpoint");
    return seal;
  }

  private void header(Signed seal, String filter, String exportedBy, String exportedAt) {
    String signedBy = seal.field("exported-by-name") + " (" + seal.field("exported-by") + ")";
    List<String> wrong = new ArrayList<>();
    if (!seal.field("filter").equals(filter)) {
      wrong.add("filter '" + filter + "' (signed: '" + seal.field("filter") + "')");
    }
    if (!signedBy.equals(exportedBy)) {
      wrong.add("exporter '" + exportedBy + "' (signed: '" + signedBy + "')");
    }
    if (!seal.field("exported-at").equals(exportedAt)) {
      wrong.add("time '" + exportedAt + "' (signed: '" + seal.field("exported-at") + "')");
    }
    if (!wrong.isEmpty()) {
      findings.fail(name + ": its header was altered: " + String.join("; ", wrong));
    }
  }

  private void footer(Signed seal, String rows, String sha256) {
    if (!seal.field("rows").equals(rows) || !seal.field("rows-sha256").equals(sha256)) {
      findings.fail(
          name
              + ": its row count and checksum ("
              + rows
              + ", "
              + Signed.abbreviate(sha256)
              + ") are not the signed ones ("
              + seal.field("rows")
              + ", "
              + Signed.abbreviate(seal.field("rows-sha256"))
              + ")");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
