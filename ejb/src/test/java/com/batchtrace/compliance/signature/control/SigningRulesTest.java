package com.batchtrace.compliance.signature.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.compliance.signature.entity.SignatureRefused;
import com.batchtrace.identity.boundary.Actor;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who may sign: the signed-in user for themself; a different, qualified person to verify. */
@Tag("URS-013")
class SigningRulesTest {

  private static final Actor OLIVIA =
      new Actor("operator1", "Olivia Ortega", "10.0.0.7", Set.of("operator"));
  private static final SignerIdentity OLIVIA_SIGNS =
      SignerIdentity.named("operator1", "Olivia Ortega", Set.of("operator"));
  private static final SignerIdentity OMAR_SIGNS =
      SignerIdentity.named("operator2", "Omar Okafor", Set.of("operator"));

  @Test
  void theSignedInUserSignsForThemself() {
    assertDoesNotThrow(
        () ->
            SigningRules.requireEligible(
                OLIVIA, OLIVIA_SIGNS, SignatureMeaning.PERFORMED, "operator", Set.of()));
  }

  @Test
  void nobodySignsAsPerformerWithSomeoneElsesCredentials() {
    SignatureRefused refused =
        assertThrows(
            SignatureRefused.class,
            () ->
                SigningRules.requireEligible(
                    OLIVIA, OMAR_SIGNS, SignatureMeaning.PERFORMED, "operator", Set.of()));
    assertTrue(refused.getMessage().contains("signed in as operator1"), refused.getMessage());
  }

  @Test
  void aSecondPersonVerifiesWithTheirOwnCredentials() {
    assertDoesNotThrow(
        () ->
            SigningRules.requireEligible(
                OLIVIA, OMAR_SIGNS, SignatureMeaning.VERIFIED, "operator", Set.of("operator1")));
  }

  @Test
  void theVerifierCannotBeThePerformer() {
    SignatureRefused refused =
        assertThrows(
            SignatureRefused.class,
            () ->
                SigningRules.requireEligible(
                    OLIVIA,
                    OLIVIA_SIGNS,
                    SignatureMeaning.VERIFIED,
                    "operator",
                    Set.of("operator1")));
    assertTrue(refused.getMessage().contains("cannot also verify"), refused.getMessage());
  }

  @Test
  void theVerifierMustHoldTheRequiredRole() {
    SignerIdentity auditor = SignerIdentity.named("auditor", "Ava Adams", Set.of("auditor"));
    SignatureRefused refused =
        assertThrows(
            SignatureRefused.class,
            () ->
                SigningRules.requireEligible(
                    OLIVIA, auditor, SignatureMeaning.VERIFIED, "operator", Set.of("operator1")));
    assertTrue(refused.getMessage().contains("role 'operator' is required"), refused.getMessage());
  }
}
