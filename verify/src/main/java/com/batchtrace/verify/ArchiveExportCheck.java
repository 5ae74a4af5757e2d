package com.batchtrace.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an export of archive packages for long-term storage (a ZIP with the server's archive
 * export manifest, format 1): the manifest's signature and key, every listed file's size and
 * SHA-256, no file added or missing, and then every package in it as a package on its own ({@link
 * ArchiveCheck}).
 */
final class ArchiveExportCheck {

  static final String TITLE = "Batchtrace archive export";
  static final String MANIFEST = "export-manifest.txt";
  private static final Pattern ENTRY =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ArchiveExportCheck() {}

  static boolean isExport(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  static void run(Path zipFile, PublicKey key, Findings findings) throws IOException {
    String name = zipFile.getFileName().toString();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      ZipEntry manifestEntry = zip.getEntry(MANIFEST);
      if (manifestEntry == null) {
        findings.fail(name + " has no " + MANIFEST + ": not an archive export of Batchtrace");
        return;
      }
      Signed manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest = Signed.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), TITLE);
      } catch (IllegalArgumentException e) {
        findings.fail(name + ": " + MANIFEST + " cannot be read: " + e.getMessage());
        return;
      }
      String what =
          "archive export "
              + name
              + " (packages written from "
              + manifest.field("from")
              + " to "
              + manifest.field("to")
              + ", "
              + manifest.field("zone")
              + ")";
      if (manifest.verifies(key)) {
        findings.ok(what + ": the manifest's signature verifies with the public key");
      } else {
        findings.fail(
            what
                + ": the manifest's signature does NOT verify: it was changed or signed with"
                + " another key");
      }
      if (!Signed.sha256(key.getEncoded()).equals(manifest.field("key"))) {
        findings.fail(what + ": the manifest names another key than this public key");
      }
      Map<String, String[]> listed = new HashMap<>();
      for (String line : manifest.fileLines) {
        String[] parts = line.split(" ");
        if (parts.length != 3
            || !ENTRY.matcher(parts[0]).matches()
            || !parts[1].startsWith("sha256=")
            || !parts[2].startsWith("bytes=")) {
          findings.fail(what + ": the manifest's file line '" + line + "' is malformed");
          return;
        }
        listed.put(parts[0], new String[] {parts[1].substring(7), parts[2].substring(6)});
      }
      Path unpacked = Files.createTempDirectory("batchtrace-archive-export");
      try {
        int before = findings.failures();
        TreeSet<String> packages = new TreeSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (entry.getName().equals(MANIFEST)) {
            continue;
          }
          String[] expected = listed.remove(entry.getName());
          if (expected == null || !ENTRY.matcher(entry.getName()).matches()) {
            findings.fail(what + ": " + entry.getName() + " is not listed in the signed manifest");
            continue;
          }
          Path target = unpacked.resolve(entry.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
          }
          byte[] bytes = Files.readAllBytes(target);
          if (!Signed.sha256(bytes).equals(expected[0])
              || !Long.toString(bytes.length).equals(expected[1])) {
            findings.fail(
                what + ": " + entry.getName() + " is not the file the manifest signed (SHA-256)");
          }
          packages.add(entry.getName().substring(0, entry.getName().indexOf('/')));
        }
        for (String missing : listed.keySet()) {
          findings.fail(what + ": " + missing + " is listed in the manifest but missing");
        }
        if (!Integer.toString(packages.size()).equals(manifest.field("packages"))) {
          findings.fail(
              what
                  + ": it holds "
                  + packages.size()
                  + " package(s), the manifest says "
                  + manifest.field("packages"));
        }
        if (findings.failures() == before) {
          findings.ok(
              what
                  + ": every file of its "
                  + packages.size()
                  + " package(s) is the one the manifest signed, none added or missing");
        }
        for (String pkg : packages) {
          ArchiveCheck.run(unpacked.resolve(pkg), key, findings);
        }
      } finally {
        try (Stream<Path> walk = Files.walk(unpacked)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
