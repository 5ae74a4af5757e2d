package com.batchtrace.quality.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.platform.Sha256;
import com.batchtrace.testing.ReviewedBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QA's release signature is linked to the whole electronic batch record: a later change to anything
 * signed shows the release INVALID (its SHA-256 no longer matches), while what is not signed (when
 * a step started, when a value was typed in, the batch's status the release itself changes) may
 * differ without voiding it.
 */
@Tag("URS-014")
@Tag("URS-036")
class BatchReleaseContentTest {

  private static String sha256(ReviewedBatch batch) {
    return Sha256.hex(content(batch).content().canonical());
  }

  private static BatchReleaseContent content(ReviewedBatch batch) {
    return new BatchReleaseContent(batch.build(), Map.of(), () -> "format 1 text");
  }

  private static Arguments change(String what, Consumer<ReviewedBatch> change) {
    return Arguments.of(what, change);
  }

  static Stream<Arguments> signedChanges() {
    return Stream.of(
        change("the batch number", b -> b.batchNumber = "B-2026-002"),
        change("an entry's value", b -> b.humidity = new BigDecimal("45.6")),
        change("a charge's quantity", b -> b.charged = new BigDecimal("10.1")),
        change("an exception's detail", b -> b.excursionDetail = "Inlet temperature above 66 °C"),
        change("an exception's worst value", b -> b.excursionWorst = 67.3),
        change("an exception's worst value going missing", b -> b.excursionWorst = null),
        change("an output lot's quantity", b -> b.produced = new BigDecimal("98.4")),
        change("a step signature turning invalid", b -> b.verificationValid = false),
        change("a step's status", b -> b.granulateStatus = "PERFORMED"));
  }

  static Stream<Arguments> unsignedChanges() {
    return Stream.of(
        change(
            "when a step started", b -> b.dispenseStartedAt = b.dispenseStartedAt.plusSeconds(1)),
        change(
            "when an entry was typed in",
            b -> b.humidityEnteredAt = b.humidityEnteredAt.plus(Duration.ofMinutes(1))),
        change("the batch's status, which the release changes", b -> b.status = "RELEASED"),
        change("trailing zeros of a quantity", b -> b.charged = new BigDecimal("10.0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedChanges")
  void aChangeToWhatWasSignedChangesTheReleasesHash(String what, Consumer<ReviewedBatch> change) {
    ReviewedBatch batch = new ReviewedBatch();
    String signed = sha256(batch);

    change.accept(batch);

    assertNotEquals(signed, sha256(batch), what + " must be part of the signed content");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsignedChanges")
  void aChangeOutsideTheSignedContentLeavesTheReleasesHashAlone(
      String what, Consumer<ReviewedBatch> change) {
    ReviewedBatch batch = new ReviewedBatch();
    String signed = sha256(batch);

    change.accept(batch);

    assertEquals(signed, sha256(batch), what + " must not void the release");
  }

  @Test
  void theReleaseIsSignedOverTheBatchContentInFormat2() {
    String canonical = content(new ReviewedBatch()).content().canonical();

    assertTrue(canonical.startsWith("{\"type\":\"Batch\",\"format\":2,"), canonical);
    assertTrue(canonical.contains("\"batch\":\"B-2026-001\""), canonical);
  }

  @Test
  void aReleaseSignedInFormat1IsCheckedAgainstTheFormat1Text() {
    BatchReleaseContent release = content(new ReviewedBatch());

    assertEquals("format 1 text", release.canonicalContent(SignedContent.LEGACY_FORMAT));
    assertEquals(release.content().canonical(), release.canonicalContent(SignedContent.FORMAT));
  }
}
