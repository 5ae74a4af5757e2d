package com.batchtrace.compliance.integrity.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One signed checkpoint: each chain's head as the database held it, signed with the checkpoint key
 * (Ed25519), which is outside the database. Written once as a file of its own into the checkpoint
 * log and never rewritten.
 *
 * @param sequence its number in the log, from 1
 * @param takenAt when (UTC)
 * @param reason why it was taken (scheduled, on demand by whom, at an export)
 * @param previousSha256 SHA-256 of the previous checkpoint file, or null for the first
 * @param keyId SHA-256 of the public key that verifies it (X.509 encoding), hex
 * @param chains each chain's state
 * @param file the file's name in the log
 * @param text the file's whole text, signature line included: what an export embeds
 */
public record SignedCheckpoint(
    long sequence,
    Instant takenAt,
    String reason,
    String previousSha256,
    String keyId,
    List<Chain> chains,
    String file,
    String text) {

  public SignedCheckpoint {
    chains = List.copyOf(chains);
  }

  public Optional<Chain> chain(String name) {
    return chains.stream().filter(c -> c.chain().equals(name)).findFirst();
  }

  /**
   * One chain in a checkpoint.
   *
   * @param chain revision, signature or security_event
   * @param position its last link's position
   * @param rows how many rows the chain's tables held
   * @param sha256 the last link's hash (the genesis hash at position 0), hex
   * @param atPreviousSha256 the hash the chain had, when this checkpoint was taken, at the position
   *     the previous checkpoint recorded: equal to that checkpoint's head unless the chain up to it
   *     was rewritten; null without a previous checkpoint, "missing" without a link there
   */
  public record Chain(
      String chain, long position, long rows, String sha256, String atPreviousSha256) {}
}
