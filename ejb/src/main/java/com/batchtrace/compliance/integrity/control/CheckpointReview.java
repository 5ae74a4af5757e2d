package com.batchtrace.compliance.integrity.control;

import com.batchtrace.compliance.integrity.boundary.BrokenLink;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Compares the checkpoint log with itself and with the chains as the database holds them now. No
 * database access: the caller looks up the hashes this asks for ({@link #positionsToLookUp}).
 *
 * <ul>
 *   <li>each checkpoint's signature verifies with the checkpoint key;
 *   <li>the log is whole: numbers without gaps from 1, each file naming the SHA-256 of the one
 *       before it;
 *   <li>each checkpoint found the chain unchanged up to the previous checkpoint (its at-previous
 *       hash is the previous head);
 *   <li>the database's chain has, at every checkpoint's position, the hash that checkpoint signed,
 *       and its tables hold no fewer rows than it counted.
 * </ul>
 */
public final class CheckpointReview {

  /** The chain name of problems with the log itself rather than one chain. */
  public static final String LOG = "checkpoint log";

  /** A chain's state in the database now. */
  public record ChainNow(String chain, long position, long rows) {}

  private final List<BrokenLink> problems = new ArrayList<>();
  private final Set<String> notices = new LinkedHashSet<>();
  private final List<SignedCheckpoint> trusted = new ArrayList<>();

  private CheckpointReview() {}

  /**
   * Reads and checks the log's entries (oldest first) with the key; {@code key} null checks the
   * log's structure but trusts no checkpoint.
   */
  public static CheckpointReview of(List<CheckpointLog.Entry> entries, CheckpointKey key) {
    CheckpointReview review = new CheckpointReview();
    review.readLog(entries, key);
    return review;
  }

  private void readLog(List<CheckpointLog.Entry> entries, CheckpointKey key) {
    CheckpointLog.Entry before = null;
    SignedCheckpoint previous = null;
    for (CheckpointLog.Entry entry : entries) {
      long expected = before == null ? 1 : before.sequence() + 1;
      if (entry.sequence() != expected) {
        problems.add(
            log(
                entry.sequence(),
                "checkpoint(s) "
                    + expected
                    + (entry.sequence() - 1 > expected ? " to " + (entry.sequence() - 1) : "")
                    + " are missing from the checkpoint log: it was altered"));
      }
      SignedCheckpoint checkpoint;
      try {
        checkpoint = CheckpointFormat.parse(entry.text(), entry.file());
      } catch (RuntimeException unreadable) {
        problems.add(
            log(
                entry.sequence(),
                "signed checkpoint file "
                    + entry.file()
                    + " cannot be read: "
                    + unreadable.getMessage()));
        before = entry;
        previous = null;
        continue;
      }
      if (checkpoint.sequence() != entry.sequence()) {
        problems.add(
            log(
                entry.sequence(),
                "signed checkpoint file "
                    + entry.file()
                    + " holds checkpoint "
                    + checkpoint.sequence()
                    + ": it was renamed"));
      }
      boolean signed = false;
      if (key == null) {
        // nothing can be verified; the integrity check says why
      } else if (!key.id().equals(checkpoint.keyId())) {
        notices.add(
            "Some signed checkpoints (the first: "
                + checkpoint.sequence()
                + ") were signed with another key ("
                + abbreviate(checkpoint.keyId())
                + "); the server checks only those of its current key, the offline verifier"
                + " checks them with that key's public key.");
      } else if (!key.verifies(
          CheckpointFormat.signedPart(checkpoint.text()),
          CheckpointFormat.signature(checkpoint.text()))) {
        problems.add(
            log(
                checkpoint.sequence(),
                "signed checkpoint "
                    + checkpoint.sequence()
                    + " ("
                    + entry.file()
                    + "): the signature does not verify, so the file was altered after it was"
                    + " signed"));
      } else {
        signed = true;
      }
      if (before != null && entry.sequence() == before.sequence() + 1) {
        String beforeHash = Sha256.hex(before.bytes());
        if (!beforeHash.equals(checkpoint.previousSha256())) {
          problems.add(
              log(
                  checkpoint.sequence(),
                  "signed checkpoint "
                      + checkpoint.sequence()
                      + " does not name checkpoint "
                      + before.sequence()
                      + " as it is in the log (SHA-256 "
                      + abbreviate(beforeHash)
                      + "): the checkpoint log was altered"));
        }
      }
      if (signed && previous != null && previous.sequence() == checkpoint.sequence() - 1) {
        confirmsPrevious(previous, checkpoint);
      }
      if (signed) {
        trusted.add(checkpoint);
      }
      before = entry;
      previous = signed ? checkpoint : null;
    }
  }

  private void confirmsPrevious(SignedCheckpoint previous, SignedCheckpoint checkpoint) {
    for (SignedCheckpoint.Chain chain : checkpoint.chains()) {
      previous
          .chain(chain.chain())
          .ifPresent(
              was -> {
                if (chain.atPreviousSha256() != null
                    && !chain.atPreviousSha256().equals(was.sha256())) {
                  problems.add(
                      new BrokenLink(
                          chain.chain(),
                          was.position(),
                          null,
                          null,
                          "chain "
                              + chain.chain()
                              + " was rewritten between signed checkpoint "
                              + previous.sequence()
                              + " ("
                              + previous.takenAt()
                              + ") and signed checkpoint "
                              + checkpoint.sequence()
                              + " ("
                              + checkpoint.takenAt()
                              + "): at position "
                              + was.position()
                              + " it then held "
                              + abbreviate(chain.atPreviousSha256())
                              + ", not the signed "
                              + abbreviate(was.sha256())));
                }
              });
    }
  }

  /** The checkpoints whose signatures verified, oldest first. */
  public List<SignedCheckpoint> trusted() {
    return List.copyOf(trusted);
  }

  /** Every (chain, position) whose hash in the database {@link #compare} needs, by chain. */
  public Map<String, Set<Long>> positionsToLookUp() {
    Map<String, Set<Long>> wanted = new LinkedHashMap<>();
    for (SignedCheckpoint c : trusted) {
      for (SignedCheckpoint.Chain chain : c.chains()) {
        if (chain.position() > 0) {
          wanted.computeIfAbsent(chain.chain(), k -> new LinkedHashSet<>()).add(chain.position());
        }
      }
    }
    return wanted;
  }

  /**
   * Compares the database's chains with every trusted checkpoint: per chain, the first checkpoint
   * it differs from is named, with the last one it still matches.
   *
   * @param now each chain's head position and row count now
   * @param hashAt the database's link hash at (chain, position), hex, or null without such a link
   */
  public void compare(List<ChainNow> now, BiFunction<String, Long, String> hashAt) {
    for (ChainNow chainNow : now) {
      SignedCheckpoint matched = null;
      for (SignedCheckpoint checkpoint : trusted) {
        SignedCheckpoint.Chain signed = checkpoint.chain(chainNow.chain()).orElse(null);
        if (signed == null) {
          continue;
        }
        String actual =
            signed.position() == 0
                ? genesis(chainNow.chain())
                : hashAt.apply(chainNow.chain(), signed.position());
        String difference = null;
        if (actual == null) {
          difference =
              "chain "
                  + chainNow.chain()
                  + " has no link at position "
                  + signed.position()
                  + " any more (it ends at "
                  + chainNow.position()
                  + "), but signed checkpoint "
                  + checkpoint.sequence()
                  + " ("
                  + checkpoint.takenAt()
                  + ") recorded one there: links were removed";
        } else if (!actual.equals(signed.sha256())) {
          difference =
              "chain "
                  + chainNow.chain()
                  + " differs from signed checkpoint "
                  + checkpoint.sequence()
                  + " ("
                  + checkpoint.takenAt()
                  + ") at position "
                  + signed.position()
                  + ": the database's chain was rewritten after that checkpoint was signed"
                  + matchedBefore(matched, chainNow.chain());
        } else if (chainNow.rows() < signed.rows()) {
          difference =
              "chain "
                  + chainNow.chain()
                  + "'s tables hold "
                  + chainNow.rows()
                  + " rows, fewer than the "
                  + signed.rows()
                  + " signed checkpoint "
                  + checkpoint.sequence()
                  + " counted: rows were removed";
        }
        if (difference != null) {
          problems.add(new BrokenLink(chainNow.chain(), signed.position(), null, null, difference));
          break;
        }
        matched = checkpoint;
      }
    }
  }

  private static String matchedBefore(SignedCheckpoint matched, String chain) {
    if (matched == null) {
      return " (no earlier signed checkpoint matches either)";
    }
    long position = matched.chain(chain).orElseThrow().position();
    return " (it still matches signed checkpoint "
        + matched.sequence()
        + " at position "
        + position
        + ", so the change lies after link "
        + position
        + ")";
  }

  public List<BrokenLink> problems() {
    return List.copyOf(problems);
  }

  public List<String> notices() {
    return List.copyOf(notices);
  }

  /** SHA-256 of "batchtrace:" and the chain's name: the hash before its first link. */
  public static String genesis(String chain) {
    return Sha256.hex(("batchtrace:" + chain).getBytes(StandardCharsets.UTF_8));
  }

  private static BrokenLink log(long sequence, String problem) {
    return new BrokenLink(LOG, sequence, null, null, problem);
  }

  static String abbreviate(String hash) {
    return hash == null || hash.length() < 16 ? String.valueOf(hash) : hash.substring(0, 16) + "…";
  }
}
