package com.batchtrace.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;

/**
 * Checks an archive package folder (the server's ArchiveManifest, format 1) with the public key
 * alone: the manifest's signature and key, every listed file's size and SHA-256, no file added or
 * missing, the signed checkpoint it carries, and that the JSON record inside the PDF is the one
 * beside it. One changed byte in any file fails its hash.
 */
final class ArchiveCheck {

  static final String TITLE = "Batchtrace archive package";
  static final String MANIFEST = "manifest.txt";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ArchiveCheck() {}

  static void run(Path folder, PublicKey key, Findings findings) throws IOException {
    Path manifestFile = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      findings.fail(folder + " has no " + MANIFEST + ": not an archive package, or not finished");
      return;
    }
    Signed manifest;
    try {
      manifest = Signed.parse(Files.readString(manifestFile, StandardCharsets.UTF_8), TITLE);
    } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
      findings.fail(MANIFEST + " cannot be read: " + e.getMessage());
      return;
    }
    String name = "package " + manifest.field("package") + " of batch " + manifest.field("batch");
    if (manifest.verifies(key)) {
      findings.ok(name + ": the manifest's signature verifies with the public key");
    } else {
      findings.fail(
          name
              + ": the manifest's signature does NOT verify: it was changed or signed"
              + " with another key");
    }
    String keyId = Signed.sha256(key.getEncoded());
    if (!keyId.equals(manifest.field("key"))) {
      findings.fail(
          name
              + ": the manifest names the key "
              + Signed.abbreviate(manifest.field("key"))
              + ", not this public key "
              + Signed.abbreviate(keyId));
    }
    Set<String> listed = new HashSet<>();
    listed.add(MANIFEST);
    for (String line : manifest.fileLines) {
      String[] parts = line.split(" ");
      if (parts.length != 3
          || !PLAIN.matcher(parts[0]).matches()
          || !parts[1].startsWith("sha256=")
          || !parts[2].startsWith("bytes=")) {
        findings.fail(name + ": the manifest's file line '" + line + "' is malformed");
        continue;
      }
      String file = parts[0];
      listed.add(file);
      Path path = folder.resolve(file);
      if (!Files.isRegularFile(path)) {
        findings.fail(name + ": " + file + " is missing");
        continue;
      }
      byte[] bytes = Files.readAllBytes(path);
      String sha = Signed.sha256(bytes);
      if (sha.equals(parts[1].substring(7))
          && String.valueOf(bytes.length).equals(parts[2].substring(6))) {
        findings.ok(
            name + ": " + file + " matches the manifest (SHA-256 " + Signed.abbreviate(sha) + ")");
      } else {
        findings.fail(
            name
                + ": "
                + file
                + " was CHANGED: its SHA-256 is "
                + Signed.abbreviate(sha)
                + ", the manifest signed "
                + Signed.abbreviate(parts[1].substring(7)));
      }
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path extra : files.filter(f -> !listed.contains(f.getFileName().toString())).toList()) {
        findings.fail(name + ": " + extra.getFileName() + " is not in the manifest: added later");
      }
    }
    checkpoint(folder, manifest, key, name, findings);
    embedded(folder, name, findings);
  }

  private static void checkpoint(
      Path folder, Signed manifest, PublicKey key, String name, Findings findings)
      throws IOException {
    String line = manifest.fields.get("checkpoint");
    if (line == null) {
      findings.fail(name + ": the manifest names no checkpoint");
      return;
    }
    String[] parts = line.split(" ");
    Path file = folder.resolve(parts[0]);
    if (!PLAIN.matcher(parts[0]).matches() || !Files.isRegularFile(file)) {
      findings.fail(name + ": its checkpoint " + parts[0] + " is missing");
      return;
    }
    try {
      Checkpoint c = new Checkpoint(Files.readString(file, StandardCharsets.UTF_8));
      if (c.signed.verifies(key)) {
        findings.ok(name + ": its " + c.describe() + " verifies with the public key");
      } else {
        findings.fail(name + ": its checkpoint's signature does NOT verify");
      }
      if (parts.length < 2 || !parts[1].equals("sequence=" + c.sequence)) {
        findings.fail(
            name + ": the manifest names checkpoint " + line + ", the file is " + c.sequence);
      }
    } catch (IllegalArgumentException e) {
      findings.fail(name + ": its checkpoint cannot be read: " + e.getMessage());
    }
  }

  /** The JSON record attached to the PDF must be the one beside it. */
  private static void embedded(Path folder, String name, Findings findings) throws IOException {
    Path pdf = folder.resolve("record.pdf");
    Path json = folder.resolve("record.json");
    if (!Files.isRegularFile(pdf) || !Files.isRegularFile(json)) {
      findings.fail(name + ": record.pdf and record.json belong to every package");
      return;
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDComplexFileSpecification spec =
          names == null || names.getEmbeddedFiles() == null
              ? null
              : names.getEmbeddedFiles().getNames().get("record.json");
      if (spec == null || spec.getEmbeddedFile() == null) {
        findings.fail(name + ": record.pdf has no record.json attached");
      } else if (Arrays.equals(spec.getEmbeddedFile().toByteArray(), Files.readAllBytes(json))) {
        findings.ok(name + ": the record.json attached to record.pdf is the one beside it");
      } else {
        findings.fail(
            name + ": the record.json attached to record.pdf differs from the one" + " beside it");
      }
    } catch (IOException | RuntimeException e) {
      findings.fail(name + ": record.pdf cannot be read as a PDF: " + e.getMessage());
    }
  }
}
