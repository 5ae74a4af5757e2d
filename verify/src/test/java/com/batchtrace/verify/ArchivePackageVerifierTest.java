package com.batchtrace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.integrity.control.CheckpointFormat;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.platform.Sha256;
import com.batchtrace.quality.control.ArchiveContent;
import com.batchtrace.quality.control.ArchiveDirectory;
import com.batchtrace.quality.control.ArchivePackageWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier against archive packages the server's own writer makes: a genuine package
 * verifies, a second numbered one too, and one changed byte of the PDF or the JSON, a changed
 * manifest, an added or a missing file, or another key each fail, named.
 */
@Tag("URS-051")
class ArchivePackageVerifierTest {

  static KeyPair key;
  @TempDir static Path keys;
  static Path publicKey;

  @TempDir Path archive;

  @BeforeAll
  static void aCheckpointKey() throws Exception {
    key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    publicKey = keys.resolve("public.pem");
    Files.writeString(publicKey, pem(key));
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(message);
      return s.sign();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A package of a small batch into the next numbered folder, as the server writes it. */
  Path write() {
    Path folder = new ArchiveDirectory(archive).claim("GRN-26-0001");
    String keyId = Sha256.hex(key.getPublic().getEncoded());
    String unsigned =
        CheckpointFormat.unsigned(
            4,
            Instant.parse("2026-11-20T09:00:00Z"),
            "archive package",
            null,
            keyId,
            List.of(new SignedCheckpoint.Chain("revision", 10, 10, "a".repeat(64), null)));
    String checkpoint =
        CheckpointFormat.signed(unsigned, sign(unsigned.getBytes(StandardCharsets.UTF_8)));
    BatchRunView run =
        new BatchRunView(
            7,
            "GRN-26-0001",
            "GRN-0500",
            "Granulate 500",
            "kg",
            new BigDecimal("40"),
            "GRN-0500 version 1",
            1,
            "Granulation line 1",
            "RELEASED",
            List.of(),
            null,
            false);
    ArchiveContent content =
        new ArchiveContent(
            folder.getFileName().toString(),
            "released",
            Instant.parse("2026-11-20T09:00:01Z"),
            "reviewer",
            "Rita Reyes",
            run,
            "RELEASED",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    ArchivePackageWriter.write(
        folder, content, checkpoint, 4, keyId, ArchivePackageVerifierTest::sign);
    return folder;
  }

  record Outcome(int exit, String output) {}

  static Outcome verify(Path folder, Path key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit =
        Main.run(new String[] {folder.toString(), "--public-key", key.toString()}, print, print);
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
  }

  static void flipOneByte(Path file, int at) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[at] ^= 0x01;
    file.toFile().setWritable(true);
    Files.write(file, bytes);
  }

  @Test
  void aGenuinePackageVerifiesAndASecondNumberedOneToo() {
    Path first = write();
    Path second = write();
    assertEquals("GRN-26-0001-2", second.getFileName().toString());
    for (Path folder : List.of(first, second)) {
      Outcome o = verify(folder, publicKey);
      assertEquals(0, o.exit(), o.output());
      assertTrue(o.output().contains("the manifest's signature verifies"), o.output());
      assertTrue(o.output().contains("record.pdf matches the manifest"), o.output());
      assertTrue(o.output().contains("signed checkpoint 4"), o.output());
      assertTrue(o.output().contains("attached to record.pdf is the one beside it"), o.output());
    }
  }

  @Test
  void oneChangedByteOfThePdfIsRejected() throws Exception {
    Path folder = write();
    Path pdf = folder.resolve("record.pdf");
    flipOneByte(pdf, (int) Files.size(pdf) / 2);
    Outcome o = verify(folder, publicKey);
    assertEquals(1, o.exit(), o.output());
    assertTrue(
        o.output().contains("FAIL") && o.output().contains("record.pdf was CHANGED"), o.output());
  }

  @Test
  void oneChangedByteOfTheJsonIsRejected() throws Exception {
    Path folder = write();
    flipOneByte(folder.resolve("record.json"), 20);
    Outcome o = verify(folder, publicKey);
    assertEquals(1, o.exit(), o.output());
    assertTrue(o.output().contains("record.json was CHANGED"), o.output());
    assertTrue(o.output().contains("differs from the one beside it"), o.output());
  }

  @Test
  void aChangedManifestIsRejected() throws Exception {
    Path folder = write();
    Path manifest = folder.resolve("manifest.txt");
    manifest.toFile().setWritable(true);
    Files.writeString(
        manifest, Files.readString(manifest).replace("status: RELEASED", "status: REJECTED"));
    Outcome o = verify(folder, publicKey);
    assertEquals(1, o.exit(), o.output());
    assertTrue(o.output().contains("signature does NOT verify"), o.output());
  }

  @Test
  void anAddedOrAMissingFileIsRejected() throws Exception {
    Path folder = write();
    Files.writeString(folder.resolve("note.txt"), "added later");
    Outcome added = verify(folder, publicKey);
    assertEquals(1, added.exit(), added.output());
    assertTrue(added.output().contains("note.txt is not in the manifest"), added.output());
    Files.delete(folder.resolve("note.txt"));
    Files.delete(folder.resolve("record.json"));
    Outcome missing = verify(folder, publicKey);
    assertEquals(1, missing.exit(), missing.output());
    assertTrue(missing.output().contains("record.json is missing"), missing.output());
  }

  @Test
  void anotherKeyIsRejected() throws Exception {
    Path folder = write();
    Path other = keys.resolve("other.pem");
    Files.writeString(other, pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()));
    Outcome o = verify(folder, other);
    assertEquals(1, o.exit(), o.output());
    assertTrue(o.output().contains("signature does NOT verify"), o.output());
  }

  /**
   * A package written by the first version of the archive format, committed to the repository:
   * every later version of the verifier must still verify it, and read its record.
   */
  @Test
  void aPackageOfFormatOneStillVerifiesAndReads() throws Exception {
    Path committed = Path.of("src/test/resources/archive-package-v1");
    Outcome o =
        verify(committed.resolve("GRN-26-0001"), committed.resolve("checkpoint-public-key.pem"));
    assertEquals(0, o.exit(), o.output());
    try (var reader =
        jakarta.json.Json.createReader(
            Files.newInputStream(committed.resolve("GRN-26-0001/record.json")))) {
      var record = reader.readObject();
      assertEquals("batchtrace-batch-record", record.getString("format"));
      assertEquals(1, record.getInt("formatVersion"));
      assertEquals("GRN-26-0001", record.getJsonObject("batch").getString("batchNumber"));
    }
  }
}
