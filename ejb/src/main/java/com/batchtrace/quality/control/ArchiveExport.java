package com.batchtrace.quality.control;

import com.batchtrace.quality.boundary.ArchiveExportSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An export of archive packages for moving to long-term storage: one ZIP file holding every chosen
 * package folder byte for byte ({@code <package>/<file>}) and one manifest, {@value #FILE}, written
 * last and signed with the checkpoint key (format 1, read by the offline verifier):
 *
 * <pre>
 * Batchtrace archive export
 * format: 1
 * from: 2026-01-01
 * to: 2026-12-31
 * zone: Europe/Zurich
 * exported-at: 2026-12-05T21:30:00.123Z
 * exported-by: (user id) (name)
 * key: (SHA-256 of the checkpoint public key, X.509 encoding)
 * packages: 2
 * file: GRN-26-0001-1/manifest.txt sha256=(hex) bytes=1234
 * ...
 * signature: (Base64 of the 64-byte Ed25519 signature)
 * </pre>
 *
 * Each package keeps its own signed manifest, so a package taken out of the export still verifies
 * on its own.
 */
public final class ArchiveExport {

  public static final String FILE = "export-manifest.txt";
  public static final String TITLE = "Batchtrace archive export";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ArchiveExport() {}

  /**
   * Writes the ZIP to {@code out}: every regular file of every package folder, then the manifest
   * signed by {@code sign}.
   */
  public static void write(
      ArchiveExportSelection selection, UnaryOperator<byte[]> sign, OutputStream out) {
    StringBuilder manifest = new StringBuilder(4096);
    manifest.append(TITLE).append('\n');
    manifest.append("format: 1\n");
    manifest.append("from: ").append(selection.from()).append('\n');
    manifest.append("to: ").append(selection.to()).append('\n');
    manifest.append("zone: ").append(selection.zone().getId()).append('\n');
    manifest.append("exported-at: ").append(selection.exportedAt()).append('\n');
    manifest.append("exported-by: ").append(oneLine(selection.exportedBy())).append('\n');
    manifest.append("key: ").append(selection.keyId()).append('\n');
    manifest.append("packages: ").append(selection.packages().size()).append('\n');
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path folder : selection.packages()) {
        String name = plain(folder.getFileName().toString());
        for (Path file : filesOf(folder)) {
          String entry = name + "/" + plain(file.getFileName().toString());
          zip.putNextEntry(new ZipEntry(entry));
          MessageDigest sha256 = sha256();
          long bytes;
          try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            bytes = in.transferTo(zip);
          }
          zip.closeEntry();
          manifest
              .append("file: ")
              .append(entry)
              .append(" sha256=")
              .append(HexFormat.of().formatHex(sha256.digest()))
              .append(" bytes=")
              .append(bytes)
              .append('\n');
        }
      }
      String unsigned = manifest.toString();
      String signed =
          unsigned
              + "signature: "
              + Base64.getEncoder()
                  .encodeToString(sign.apply(unsigned.getBytes(StandardCharsets.UTF_8)))
              + "\n";
      zip.putNextEntry(new ZipEntry(FILE));
      zip.write(signed.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> filesOf(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    return files;
  }

  private static String plain(String name) {
    if (!PLAIN.matcher(name).matches()) {
      throw new IllegalArgumentException("An archive file name must be plain: " + name);
    }
    return name;
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
