package com.batchtrace.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the checkpoint log (a directory of checkpoint-NNNNNNNNNNNN.txt files): every signature
 * verifies with the public key, the numbers run from 1 without a gap, each file names the SHA-256
 * of the one before it, and each checkpoint found every chain unchanged up to the previous one (its
 * at-previous hash is the previous checkpoint's head). A database owner who rewrote a chain cannot
 * hide it from the next checkpoint the server signs.
 */
final class CheckpointLogCheck {

  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{12})\\.txt");

  /** The log as read: each verified checkpoint and its file's bytes, by number. */
  final Map<Long, Checkpoint> checkpoints = new TreeMap<>();

  final Map<Long, byte[]> files = new TreeMap<>();

  /** Checkpoint numbers at which a chain was found rewritten since the one before. */
  final List<Long> rewrittenAt = new ArrayList<>();

  long last;

  static CheckpointLogCheck run(Path directory, PublicKey key, Findings findings)
      throws IOException {
    CheckpointLogCheck log = new CheckpointLogCheck();
    log.check(directory, key, findings);
    return log;
  }

  private void check(Path directory, PublicKey key, Findings findings) throws IOException {
    String keyId = Signed.sha256(key.getEncoded());
    List<Path> paths;
    try (Stream<Path> list = Files.list(directory)) {
      paths =
          list.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    if (paths.isEmpty()) {
      findings.fail("checkpoint log " + directory + ": holds no checkpoint file");
      return;
    }
    int before = findings.failures();
    Checkpoint previous = null;
    byte[] previousBytes = null;
    long expected = 1;
    for (Path path : paths) {
      Matcher m = NAME.matcher(path.getFileName().toString());
      m.matches();
      long number = Long.parseLong(m.group(1));
      if (number != expected) {
        findings.fail(
            "checkpoint log: checkpoint(s) "
                + expected
                + (number - 1 > expected ? " to " + (number - 1) : "")
                + " are missing: the log was altered or is incomplete");
        previous = null;
        previousBytes = null;
      }
      expected = number + 1;
      last = number;
      byte[] bytes = Files.readAllBytes(path);
      Checkpoint checkpoint;
      try {
        checkpoint = new Checkpoint(new String(bytes, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        findings.fail(
            "checkpoint log: " + path.getFileName() + " cannot be read: " + e.getMessage());
        previous = null;
        previousBytes = null;
        continue;
      }
      String name = path.getFileName().toString();
      if (checkpoint.sequence != number) {
        findings.fail(name + " holds checkpoint " + checkpoint.sequence + ": it was renamed");
      }
      if (!checkpoint.key.equals(keyId)) {
        findings.fail(
            name
                + " was signed with another key ("
                + Signed.abbreviate(checkpoint.key)
                + "), not the public key given ("
                + Signed.abbreviate(keyId)
                + ")");
        previous = null;
        previousBytes = null;
        continue;
      }
      if (!checkpoint.signed.verifies(key)) {
        findings.fail(
            name
                + ": the signature of checkpoint "
                + number
                + " does not verify: the file was altered after the server signed it");
        previous = null;
        previousBytes = null;
        continue;
      }
      if (previousBytes != null) {
        String previousHash = Signed.sha256(previousBytes);
        if (!previousHash.equals(checkpoint.previous)) {
          findings.fail(
              name
                  + " does not name checkpoint "
                  + previous.sequence
                  + " as it is in the log: checkpoint "
                  + previous.sequence
                  + " was replaced");
        }
        follows(previous, checkpoint, findings);
      } else if (number == 1 && checkpoint.previous != null) {
        findings.fail(name + " is the first checkpoint but names a previous one");
      }
      checkpoints.put(number, checkpoint);
      files.put(number, bytes);
      previous = checkpoint;
      previousBytes = bytes;
    }
    if (findings.failures() == before) {
      findings.ok(
          "checkpoint log "
              + directory
              + ": checkpoints 1 to "
              + last
              + ", every signature verifies, none is missing, and each found the chains"
              + " unchanged up to the one before it");
    }
  }

  /** Each chain of {@code next} must extend the same chain of {@code previous}. */
  void follows(Checkpoint previous, Checkpoint next, Findings findings) {
    for (Checkpoint.Chain chain : next.chains.values()) {
      Checkpoint.Chain was = previous.chains.get(chain.chain());
      if (was == null) {
        continue;
      }
      if (chain.atPrevious() != null && !chain.atPrevious().equals(was.head())) {
        rewrittenAt.add(next.sequence);
        findings.fail(
            "chain "
                + chain.chain()
                + " was rewritten in the database between "
                + previous.describe()
                + " and "
                + next.describe()
                + ": at position "
                + was.position()
                + " it then held "
                + Signed.abbreviate(chain.atPrevious())
                + ", not the signed "
                + Signed.abbreviate(was.head()));
      } else if (chain.position() < was.position() || chain.rows() < was.rows()) {
        rewrittenAt.add(next.sequence);
        findings.fail(
            "chain "
                + chain.chain()
                + " shrank between "
                + previous.describe()
                + " ("
                + was.position()
                + " links, "
                + was.rows()
                + " rows) and "
                + next.describe()
                + " ("
                + chain.position()
                + " links, "
                + chain.rows()
                + " rows): rows were removed");
      }
    }
  }
}
