package com.batchtrace.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The offline verifier of Batchtrace audit trail exports and the checkpoint log:
 *
 * <pre>
 * java -jar batchtrace-verify.jar [export or archive package folder] --public-key key.pem
 *     [--checkpoints dir [--database jdbc-url [--as-of time]]]
 * </pre>
 *
 * Needs only the checkpoint public key (PEM "PUBLIC KEY" or a PEM certificate): no server, and no
 * database but the one given to check ({@link DatabaseCheck}, e.g. a copy restored from a backup).
 * Prints one line per finding (OK, FAIL, NOTE) and exits 0 only if everything verifies, 1 if
 * something does not, 2 when it was called wrongly.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The verifier's work; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path export = null;
    Path publicKey = null;
    Path checkpoints = null;
    String database = null;
    Instant asOf = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--public-key" -> publicKey = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--checkpoints" -> checkpoints = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--database" -> database = i + 1 < args.length ? args[++i] : null;
        case "--as-of" -> {
          try {
            asOf = i + 1 < args.length ? Instant.parse(args[++i]) : null;
          } catch (DateTimeParseException e) {
            err.println("--as-of needs a time such as 2026-12-05T21:00:00Z, not " + args[i]);
            return 2;
          }
        }
        case "-h", "--help" -> {
          usage(out);
          return 0;
        }
        default -> {
          if (args[i].startsWith("-") || export != null) {
            err.println("Not understood: " + args[i]);
            usage(err);
            return 2;
          }
          export = Path.of(args[i]);
        }
      }
    }
    if (publicKey == null
        || (export == null && checkpoints == null)
        || (database != null && checkpoints == null)) {
      usage(err);
      return 2;
    }
    Findings findings = new Findings(out);
    try {
      PublicKey key = readPublicKey(publicKey);
      out.println(
          "Batchtrace offline verifier; public key "
              + publicKey
              + " (SHA-256 "
              + Signed.sha256(key.getEncoded())
              + ")");
      Checkpoint exported = null;
      if (export != null && Files.isDirectory(export)) {
        ArchiveCheck.run(export, key, findings);
      } else if (export != null && ArchiveExportCheck.isExport(export)) {
        ArchiveExportCheck.run(export, key, findings);
      } else if (export != null) {
        exported = ExportCheck.run(export, Files.readAllBytes(export), key, findings);
      }
      if (checkpoints != null) {
        CheckpointLogCheck log = CheckpointLogCheck.run(checkpoints, key, findings);
        if (exported != null) {
          relate(export.getFileName().toString(), exported, log, findings);
        }
        if (database != null) {
          DatabaseCheck.run(database, log, asOf, findings);
        }
      } else if (exported != null) {
        findings.note(
            "without --checkpoints only the export itself is verified: add the checkpoint log to"
                + " see whether the chains were rewritten in the database before or after it");
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      findings.fail("cannot verify: " + e);
    }
    if (findings.failures() == 0) {
      out.println("VERIFIED: everything above verifies with the public key.");
      return 0;
    }
    out.println("NOT VERIFIED: " + findings.failures() + " finding(s) marked FAIL above.");
    return 1;
  }

  /** Where the export's checkpoint stands in the log, and whether the chains changed after it. */
  private static void relate(
      String name, Checkpoint exported, CheckpointLogCheck log, Findings findings) {
    long n = exported.sequence;
    if (log.files.containsKey(n)) {
      if (Arrays.equals(log.files.get(n), exported.text().getBytes(StandardCharsets.UTF_8))) {
        findings.ok(name + ": the checkpoint log holds its checkpoint " + n + " unchanged");
      } else {
        findings.fail(
            name + ": its checkpoint " + n + " is not the checkpoint " + n + " of the log");
      }
    } else if (n == log.last + 1 && log.checkpoints.containsKey(log.last)) {
      Checkpoint last = log.checkpoints.get(log.last);
      if (!Signed.sha256(log.files.get(log.last)).equals(exported.previous)) {
        findings.fail(
            name
                + ": its checkpoint "
                + n
                + " does not follow checkpoint "
                + log.last
                + " of the log");
      }
      int before = findings.failures();
      log.follows(last, exported, findings);
      if (findings.failures() > before) {
        findings.fail(
            name
                + " was taken after the chains were rewritten in the database: its rows may show"
                + " the rewritten audit trail, not the recorded one");
      } else {
        findings.ok(name + ": its checkpoint " + n + " follows the log's last and confirms it");
      }
    } else if (n > log.last) {
      findings.fail(
          name
              + ": the checkpoint log ends at checkpoint "
              + log.last
              + ", before this export's checkpoint "
              + n
              + ": it cannot show whether the chains were rewritten before the export; use a copy"
              + " of the log that reaches checkpoint "
              + n);
    } else {
      findings.fail(name + ": checkpoint " + n + " is missing from the checkpoint log");
    }
    for (long at : log.rewrittenAt) {
      if (at > n) {
        findings.fail(
            name
                + ": the database no longer holds the audit trail this export was taken from: a"
                + " chain was rewritten between checkpoints "
                + (at - 1)
                + " and "
                + at
                + ", after this export's checkpoint "
                + n);
      } else {
        findings.fail(
            name
                + ": a chain was rewritten between checkpoints "
                + (at - 1)
                + " and "
                + at
                + ", before this export: its rows may show the rewritten audit trail");
      }
    }
  }

  /** A PEM (or DER) Ed25519 public key, or the key of a PEM certificate. */
  static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)))
          .getPublicKey();
    }
    byte[] der;
    if (text.contains("-----BEGIN PUBLIC KEY-----")) {
      String base64 =
          text.substring(
                  text.indexOf("-----BEGIN PUBLIC KEY-----") + 26,
                  text.indexOf("-----END PUBLIC KEY-----"))
              .replaceAll("\\s", "");
      der = Base64.getDecoder().decode(base64);
    } else {
      der = Files.readAllBytes(file);
    }
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  private static void usage(PrintStream out) {
    out.println(
        "Usage: java -jar batchtrace-verify.jar [EXPORT] --public-key KEY.pem [--checkpoints DIR\n"
            + "         [--database JDBC-URL [--as-of TIME]]]\n"
            + "  EXPORT          an audit trail export of Batchtrace (CSV, JSON or PDF), or an\n"
            + "                  archive package folder (manifest.txt, record.pdf, record.json),\n"
            + "                  or an archive export for long-term storage (.zip)\n"
            + "  --public-key    the checkpoint public key (PEM PUBLIC KEY or certificate)\n"
            + "  --checkpoints   the checkpoint log directory (checkpoint-*.txt)\n"
            + "  --database      a JDBC URL of a Batchtrace database (with user and password) to\n"
            + "                  check against the checkpoint log, e.g. a restored copy\n"
            + "  --as-of         the time the database is a copy of (a point-in-time restore):\n"
            + "                  checkpoints signed later are not compared\n"
            + "Exit code 0 only if everything verifies; 1 names what does not; 2 usage.");
  }
}
