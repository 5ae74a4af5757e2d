package com.batchtrace.db.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed checkpoints of the drill's primary cluster, taken as the server takes them when it runs
 * (format 1 of the server's checkpoint log, read by the offline verifier): each chain's head, its
 * row count and its hash at the previous checkpoint's position, from {@code
 * audit_chain_checkpoint()}, signed with Ed25519. The drill has no server, so it signs with a key
 * of its own, made for the run; the restored copy is then checked against these checkpoints by the
 * offline verifier, as an installation's restore is checked against the server's log.
 */
final class DrillCheckpoints {

  private static final String TITLE = "Batchtrace signed checkpoint";

  private final Path log;
  private final Path publicKeyFile;
  private final KeyPair key;
  private final String keyId;
  private long sequence;
  private byte[] previousFile;
  private List<String[]> previousChains = List.of();

  DrillCheckpoints(Path directory) throws IOException, GeneralSecurityException {
    this.log = directory.resolve("log");
    this.publicKeyFile = directory.resolve("checkpoint-public-key.pem");
    Files.createDirectories(log);
    key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] encoded = key.getPublic().getEncoded();
    keyId = hex(MessageDigest.getInstance("SHA-256").digest(encoded));
    Files.writeString(
        publicKeyFile,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(encoded)
            + "\n-----END PUBLIC KEY-----\n");
  }

  Path log() {
    return log;
  }

  Path publicKey() {
    return publicKeyFile;
  }

  /** Signs a checkpoint of the database now and appends it to the log; returns its time. */
  Instant take(Connection c, String reason)
      throws SQLException, IOException, GeneralSecurityException {
    Instant takenAt = Instant.now();
    List<String[]> chains = new ArrayList<>();
    StringBuilder text = new StringBuilder(512);
    text.append(TITLE).append('\n');
    text.append("format: 1\n");
    text.append("sequence: ").append(sequence + 1).append('\n');
    text.append("taken-at: ").append(takenAt).append('\n');
    text.append("reason: ").append(reason).append('\n');
    text.append("previous: ")
        .append(previousFile == null ? "none" : hex(sha256(previousFile)))
        .append('\n');
    text.append("key: ").append(keyId).append('\n');
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT chain, head_position, head_sha256, row_count, at_position, at_sha256"
                + " FROM batchtrace.audit_chain_checkpoint(?, ?) ORDER BY chain")) {
      Array names = c.createArrayOf("varchar", previousChains.stream().map(a -> a[0]).toArray());
      Array positions =
          c.createArrayOf("bigint", previousChains.stream().map(a -> Long.valueOf(a[1])).toArray());
      p.setArray(1, names);
      p.setArray(2, positions);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String chain = r.getString(1);
          long position = r.getLong(2);
          String atPrevious =
              r.getObject(5) == null
                  ? "none"
                  : r.getBytes(6) == null ? "missing" : hex(r.getBytes(6));
          text.append("chain: ")
              .append(chain)
              .append(" position=")
              .append(position)
              .append(" rows=")
              .append(r.getLong(4))
              .append(" head=")
              .append(hex(r.getBytes(3)))
              .append(" at-previous=")
              .append(atPrevious)
              .append('\n');
          chains.add(new String[] {chain, Long.toString(position)});
        }
      }
    }
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key.getPrivate());
    signer.update(text.toString().getBytes(StandardCharsets.UTF_8));
    text.append("signature: ")
        .append(Base64.getEncoder().encodeToString(signer.sign()))
        .append('\n');
    byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
    sequence++;
    Files.write(log.resolve(String.format("checkpoint-%012d.txt", sequence)), file);
    previousFile = file;
    previousChains = chains;
    return takenAt;
  }

  long count() {
    return sequence;
  }

  private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
