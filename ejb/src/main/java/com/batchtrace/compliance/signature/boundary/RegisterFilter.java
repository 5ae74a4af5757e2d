package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.platform.ListFilter;
import java.io.Serializable;
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
 * @param validity VALID (the record still has the signed content) or INVALID (it changed since)
 */
public record RegisterFilter(
    String signer, String meaning, String batchNumber, Instant from, Instant to, String validity)
    implements Serializable {

  public static final RegisterFilter ALL = new RegisterFilter(null, null, null, null, null);

  public RegisterFilter {
    signer = blankToNull(signer);
    meaning = blankToNull(meaning);
    batchNumber = blankToNull(batchNumber);
    validity = blankToNull(validity);
    ListFilter.timesPlausible(from, to);
    if (validity != null && !validity.equals("VALID") && !validity.equals("INVALID")) {
      throw new com.batchtrace.platform.RuleViolation(
          "The validity to search for is VALID or INVALID, not '"
              + (validity.length() > 40 ? validity.substring(0, 40) + "…" : validity)
              + "'.");
    }
  }

  /** Any validity. */
  public RegisterFilter(
      String signer, String meaning, String batchNumber, Instant from, Instant to) {
    this(signer, meaning, batchNumber, from, to, null);
  }

  /** Whether the filter keeps a signature of that validity. */
  public boolean keeps(boolean valid) {
    return validity == null || validity.equals(valid ? "VALID" : "INVALID");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
