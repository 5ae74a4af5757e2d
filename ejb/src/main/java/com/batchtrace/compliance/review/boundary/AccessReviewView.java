package com.batchtrace.compliance.review.boundary;

import com.batchtrace.compliance.review.entity.AccessReview;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** A signed access review: the accounts as they were reviewed, the conclusion, the signatures. */
public record AccessReviewView(
    long id,
    Instant reviewedAt,
    String reviewedBy,
    String reviewedByName,
    String conclusion,
    String accountsSha256,
    List<AccessEntry> accounts,
    List<SignatureView> signatures)
    implements Serializable {

  static AccessReviewView of(AccessReview r, List<SignatureView> signatures) {
    return new AccessReviewView(
        r.getId(),
        r.getReviewedAt(),
        r.getReviewedBy(),
        r.getReviewedByName(),
        r.getConclusion(),
        r.getAccountsSha256(),
        Json.createReader(new StringReader(r.getAccounts())).readArray().stream()
            .map(v -> AccessEntry.fromJson((JsonObject) v))
            .toList(),
        List.copyOf(signatures));
  }
}
