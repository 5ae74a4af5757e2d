package com.batchtrace.compliance.signature.boundary;

import java.time.Instant;

/**
 * What the signature register shows; every criterion is optional.
 *
 * @param signer the signer's user id
 * @param meaning PERFORMED, VERIFIED, REVIEWED, APPROVED, RELEASED or REJECTED
 * @param batchNumber signatures on the batch's record: the release or rejection, its steps, the
 *     dispositions of its exceptions, the reviews of data after the decision, its produced lots
 * @param from signed at or after (UTC)
 * @param to signed before (UTC)
 */
public record RegisterFilter(
    String signer, String meaning, String batchNumber, Instant from, Instant to) {

  public static final RegisterFilter ALL = new RegisterFilter(null, null, null, null, null);

  public RegisterFilter {
    signer = blankToNull(signer);
    meaning = blankToNull(meaning);
    batchNumber = blankToNull(batchNumber);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
