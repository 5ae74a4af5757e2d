package com.batchtrace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.batchtrace.compliance.audit.control.CsvExportWriter;
import com.batchtrace.compliance.audit.control.ExportSeal;
import com.batchtrace.compliance.audit.control.ExportWriter;
import com.batchtrace.compliance.audit.control.JsonExportWriter;
import com.batchtrace.compliance.audit.control.PdfExportWriter;
import com.batchtrace.compliance.integrity.boundary.ChainHead;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.integrity.control.CheckpointFormat;
import com.batchtrace.compliance.integrity.control.CheckpointKey;
import com.batchtrace.compliance.integrity.control.CheckpointLog;
import com.batchtrace.platform.RowChecksum;
import com.batchtrace.platform.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier against files the server's own code writes (checkpoint format, log, export
 * writers, seal): genuine ones verify, and each kind of alteration is named and fails.
 */
@Tag("URS-041")
class OfflineVerifierTest {

  @TempDir static Path keys;

  static CheckpointKey key;
  static Path publicKey;

  @TempDir Path dir;

  Path log;

  @BeforeAll
  static void aKeyAsTheScriptsMakeIt() throws Exception {
    Path store = keys.resolve("checkpoint-key.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keyalg",
                "Ed25519",
                "-alias",
                "checkpoint",
                "-dname",
                "CN=test",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "test-passphrase")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertEquals(0, keytool.waitFor());
    Files.setPosixFilePermissions(
        store, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    key = CheckpointKey.load(store, "test-passphrase", "");
    publicKey = keys.resolve("public.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(key.publicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
  }

  @BeforeEach
  void aLog() throws Exception {
    log = dir.resolve("log");
    checkpoint(10, "a".repeat(64), 4);
    checkpoint(20, "b".repeat(64), 9);
  }

  /** Appends a checkpoint of the revision chain, at-previous read from "the database". */
  SignedCheckpoint checkpoint(long position, String head, long securityEvents) {
    return checkpoint(position, head, securityEvents, null);
  }

  SignedCheckpoint checkpoint(long position, String head, long securityEvents, String rewritten) {
    CheckpointLog.Entry entry =
        new CheckpointLog(log)
            .appendNext(
                (sequence, previous) -> {
                  Optional<SignedCheckpoint> before =
                      previous.map(p -> CheckpointFormat.parse(p.text(), p.file()));
                  List<SignedCheckpoint.Chain> chains = new ArrayList<>();
                  chains.add(
                      new SignedCheckpoint.Chain(
                          "revision",
                          position,
                          position,
                          head,
                          before
                              .map(b -> rewritten != null ? rewritten : b.chains().get(0).sha256())
                              .orElse(null)));
                  chains.add(
                      new SignedCheckpoint.Chain(
                          "security_event",
                          securityEvents,
                          securityEvents,
                          "e".repeat(63) + securityEvents % 10,
                          before.map(b -> b.chains().get(1).sha256()).orElse(null)));
                  String unsigned =
                      CheckpointFormat.unsigned(
                          sequence,
                          Instant.parse("2026-05-04T10:00:00Z").plusSeconds(sequence),
                          "test",
                          previous.map(p -> Sha256.hex(p.bytes())).orElse(null),
                          key.id(),
                          chains);
                  return CheckpointFormat.signed(
                      unsigned, key.sign(unsigned.getBytes(StandardCharsets.UTF_8)));
                });
    return CheckpointFormat.parse(entry.text(), entry.file());
  }

  static final List<AuditEntry> ROWS =
      List.of(
          new AuditEntry(
              1,
              Instant.parse("2026-05-04T09:00:00Z"),
              "admin",
              "Adrian Alvarez",
              "5f0c1d2e-0000-4000-8000-00000000000a",
              "10.0.0.1",
              "Equipment",
              7,
              "CREATED",
              "New dryer, line 1"),
          new AuditEntry(
              2,
              Instant.parse("2026-05-04T09:05:00.123Z"),
              "admin",
              "Adrian Alvarez",
              "5f0c1d2e-0000-4000-8000-00000000000a",
              null,
              "Equipment",
              7,
              "MODIFIED",
              "Temperature limit 55 °C ≥ x, \"quoted\", a long reason that wraps in the PDF cell"
                  + " several times over so that the verifier must join its lines again"));

  /** An export as AuditExport writes it, carrying {@code checkpoint}. */
  Path export(String format, SignedCheckpoint checkpoint, List<AuditEntry> rows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowChecksum checksum = new RowChecksum();
    byte[] headerLine = checksum.header(AuditEntry.COLUMNS);
    ExportWriter writer =
        switch (format) {
          case "CSV" -> new CsvExportWriter(out, headerLine);
          case "PDF" -> new PdfExportWriter(out);
          default -> new JsonExportWriter(out);
        };
    SignedCheckpoint.Chain revision = checkpoint.chain("revision").orElseThrow();
    ExportHeader header =
        new ExportHeader(
            "all entries",
            "auditor",
            "Ava Adams",
            Instant.parse("2026-05-04T10:00:05Z"),
            new ChainHead("revision", revision.position(), revision.sha256()),
            checkpoint.text());
    ExportSeal.Digests digests = new ExportSeal.Digests();
    writer.begin(header);
    for (AuditEntry entry : rows) {
      digests.row(entry.values());
      writer.row(entry, checksum.row(entry.values()));
    }
    ExportResult result = new ExportResult(checksum.rows(), checksum.hex());
    String unsigned =
        ExportSeal.unsigned(
            format,
            checkpoint.sequence(),
            checkpoint.text(),
            header,
            AuditEntry.COLUMNS,
            result,
            digests,
            key.id());
    writer.end(
        result, ExportSeal.signed(unsigned, key.sign(unsigned.getBytes(StandardCharsets.UTF_8))));
    Path file = dir.resolve("audit-trail." + format.toLowerCase());
    Files.write(file, out.toByteArray());
    return file;
  }

  record Verdict(int exitCode, String output) {}

  static Verdict verify(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Verdict(code, out.toString(StandardCharsets.UTF_8));
  }

  Verdict verify(Path export) {
    return verify(
        export.toString(), "--public-key", publicKey.toString(), "--checkpoints", log.toString());
  }

  @Test
  void genuineExportsInEveryFormatVerifyWithTheLog() throws IOException {
    SignedCheckpoint atExport = checkpoint(25, "c".repeat(64), 11);
    for (String format : List.of("CSV", "JSON", "PDF")) {
      Verdict v = verify(export(format, atExport, ROWS));
      assertEquals(0, v.exitCode(), format + ":\n" + v.output());
    }
  }

  @Test
  void anEditedCsvRowIsNamed() throws IOException {
    Path csv = export("CSV", checkpoint(25, "c".repeat(64), 11), ROWS);
    Files.writeString(csv, Files.readString(csv).replace("New dryer", "Old dryer"));
    Verdict v = verify(csv);
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("are not the rows the server exported"), v.output());
  }

  @Test
  void anEditedJsonRowIsNamed() throws IOException {
    Path json = export("JSON", checkpoint(25, "c".repeat(64), 11), ROWS);
    Files.writeString(json, Files.readString(json).replace("New dryer", "Old dryer"));
    Verdict v = verify(json);
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("are not the rows the server exported"), v.output());
  }

  @Test
  void aPdfWithOtherRowsUnderTheGenuineSealIsNamed() throws IOException {
    SignedCheckpoint atExport = checkpoint(25, "c".repeat(64), 11);
    Path genuine = export("PDF", atExport, ROWS);
    byte[] genuineBytes = Files.readAllBytes(genuine);
    // The forger writes a PDF with one row changed and copies the genuine seal into it.
    List<AuditEntry> forged = new ArrayList<>(ROWS);
    AuditEntry first = ROWS.get(0);
    forged.set(
        0,
        new AuditEntry(
            first.revision(),
            first.time(),
            first.userId(),
            first.userName(),
            first.userAccount(),
            first.clientAddress(),
            first.recordType(),
            first.recordId(),
            first.action(),
            "Old dryer, line 1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfExportWriter writer = new PdfExportWriter(out);
    SignedCheckpoint.Chain revision = atExport.chain("revision").orElseThrow();
    writer.begin(
        new ExportHeader(
            "all entries",
            "auditor",
            "Ava Adams",
            Instant.parse("2026-05-04T10:00:05Z"),
            new ChainHead("revision", 25, revision.sha256()),
            atExport.text()));
    RowChecksum checksum = new RowChecksum();
    checksum.header(AuditEntry.COLUMNS);
    for (AuditEntry e : forged) {
      writer.row(e, checksum.row(e.values()));
    }
    String seal = sealOf(genuineBytes);
    writer.end(new ExportResult(2, checksum.hex()), seal);
    Path pdf = dir.resolve("forged.pdf");
    Files.write(pdf, out.toByteArray());
    Verdict v = verify(pdf);
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("is not the text the server exported"), v.output());
  }

  private static String sealOf(byte[] pdf) throws IOException {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return ExportCheck.attachment(ExportCheck.attachments(document).get("batchtrace-seal.txt"));
    }
  }

  @Test
  void anAlteredCheckpointFileFailsItsSignature() throws IOException {
    Path second = log.resolve(CheckpointLog.fileName(2));
    second.toFile().setWritable(true);
    Files.writeString(second, Files.readString(second).replace("position=20", "position=21"));
    Verdict v = verify("--public-key", publicKey.toString(), "--checkpoints", log.toString());
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("does not verify"), v.output());
  }

  @Test
  void aRemovedCheckpointFileIsNamed() throws IOException {
    checkpoint(30, "d".repeat(64), 12);
    Files.delete(log.resolve(CheckpointLog.fileName(2)));
    Verdict v = verify("--public-key", publicKey.toString(), "--checkpoints", log.toString());
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("checkpoint(s) 2 are missing"), v.output());
  }

  @Test
  void anExportTakenBeforeARewriteIsRejectedAgainstTheLogAfterIt() throws IOException {
    SignedCheckpoint atExport = checkpoint(25, "c".repeat(64), 11);
    Path before = export("CSV", atExport, ROWS);
    assertEquals(0, verify(before).exitCode());
    // The owner rewrote the chain: the next checkpoint finds another hash at position 25.
    checkpoint(30, "f".repeat(64), 12, "9".repeat(64));
    Verdict v = verify(before);
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(
        v.output().contains("the database no longer holds the audit trail this export"),
        v.output());
  }

  @Test
  void anExportTakenAfterARewriteIsRejectedAgainstTheLogArchivedBeforeIt() throws IOException {
    Path archived = dir.resolve("archived");
    Files.createDirectories(archived);
    try (var files = Files.list(log)) {
      for (Path f : files.toList()) {
        Files.copy(f, archived.resolve(f.getFileName()));
      }
    }
    SignedCheckpoint afterRewrite = checkpoint(30, "f".repeat(64), 12, "9".repeat(64));
    Path after = export("JSON", afterRewrite, ROWS);
    Verdict v =
        verify(
            after.toString(),
            "--public-key",
            publicKey.toString(),
            "--checkpoints",
            archived.toString());
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("was rewritten in the database between"), v.output());
  }

  @Test
  void anotherKeyVerifiesNothing() throws Exception {
    var other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path otherKey = dir.resolve("other.pem");
    Files.write(otherKey, other.getPublic().getEncoded());
    Verdict v = verify("--public-key", otherKey.toString(), "--checkpoints", log.toString());
    assertEquals(1, v.exitCode(), v.output());
    assertTrue(v.output().contains("signed with another key"), v.output());
  }
}
