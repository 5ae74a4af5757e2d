package com.batchtrace.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A token is believed only when the realm's key signed it for this application, in time. */
@Tag("URS-013")
class TokenVerifierTest {

  private static final String ISSUER = "http://localhost:8180/realms/plant";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final KeyPair REALM = keys();
  private static final KeyPair FORGER = keys();
  private static final Map<String, PublicKey> PUBLISHED = Map.of("k1", REALM.getPublic());

  @Test
  void aTokenTheRealmSignedForTheApplicationIsBelieved() {
    String token = token(REALM.getPrivate(), "k1", claims());
    assertEquals("reviewer", verify(token).getString("preferred_username"));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    String forged = token(FORGER.getPrivate(), "k1", claims());
    assertTrue(refusal(forged).contains("does not match the realm's key"));
  }

  @Test
  void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
    String[] parts = token(REALM.getPrivate(), "k1", claims()).split("\\.");
    String otherClaims =
        b64(
            claims()
                .add("preferred_username", "admin")
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    assertTrue(refusal(parts[0] + "." + otherClaims + "." + parts[2]).contains("does not match"));
  }

  @Test
  void aKeyTheRealmDoesNotPublishIsRefused() {
    assertTrue(refusal(token(REALM.getPrivate(), "k9", claims())).contains("does not publish"));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String header = b64("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
    String body = b64(claims().build().toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(refusal(header + "." + body + ".").contains("not a signed token"));
    assertTrue(refusal(header + "." + body + ".c2ln").contains("not RS256"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token =
        token(REALM.getPrivate(), "k1", claims().add("exp", NOW.minusSeconds(60).getEpochSecond()));
    assertTrue(refusal(token).contains("expired"));
  }

  @Test
  void aTokenOfAnotherIssuerOrForAnotherClientIsRefused() {
    assertTrue(
        refusal(token(REALM.getPrivate(), "k1", claims().add("iss", "http://evil/realms/plant")))
            .contains("issued by http://evil"));
    assertTrue(
        refusal(token(REALM.getPrivate(), "k1", claims().add("azp", "other-app")))
            .contains("not issued to batchtrace"));
  }

  @Test
  void aPublishedJwkBecomesTheSameKey() {
    RSAPublicKey rsa = (RSAPublicKey) REALM.getPublic();
    PublicKey rebuilt =
        TokenVerifier.rsaKey(
            b64(unsigned(rsa.getModulus().toByteArray())),
            b64(unsigned(rsa.getPublicExponent().toByteArray())));
    assertEquals(REALM.getPublic(), rebuilt);
  }

  private static com.batchtrace.identity.control.TokenVerifier.Invalid invalid(String token) {
    return assertThrows(TokenVerifier.Invalid.class, () -> verify(token));
  }

  private static String refusal(String token) {
    return invalid(token).getMessage();
  }

  private static jakarta.json.JsonObject verify(String token) {
    return TokenVerifier.verify(token, PUBLISHED::get, ISSUER, "batchtrace", NOW);
  }

  private static JsonObjectBuilder claims() {
    return Json.createObjectBuilder()
        .add("iss", ISSUER)
        .add("azp", "batchtrace")
        .add("exp", NOW.plusSeconds(300).getEpochSecond())
        .add("preferred_username", "reviewer");
  }

  private static String token(PrivateKey key, String kid, JsonObjectBuilder claims) {
    try {
      String header =
          b64(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
      String body = b64(claims.build().toString().getBytes(StandardCharsets.UTF_8));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
      return header + "." + body + "." + b64(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement[0] == 0
        ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
