package com.batchtrace.identity.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * Checks a token the identity provider issued before anything in it is believed: an RS256 signature
 * by one of the realm's published keys, the realm as issuer, the application as its audience (azp
 * or aud), and not expired. A token that fails any of these is refused, naming why.
 */
public final class TokenVerifier {

  /** Clocks of the identity provider and the server may differ this much. */
  private static final Duration SKEW = Duration.ofSeconds(30);

  private TokenVerifier() {}

  /**
   * The token's claims once it is verified.
   *
   * @param keyById the realm's public key with this key id, or null when there is none
   * @throws Invalid naming what does not hold
   */
  public static JsonObject verify(
      String jwt,
      Function<String, PublicKey> keyById,
      String issuer,
      String audience,
      Instant now) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length != 3) {
      throw new Invalid("not a signed token (header.payload.signature)");
    }
    JsonObject header = json(parts[0]);
    if (!"RS256".equals(header.getString("alg", ""))) {
      throw new Invalid("signed with " + header.getString("alg", "nothing") + ", not RS256");
    }
    PublicKey key = keyById.apply(header.getString("kid", ""));
    if (key == null) {
      throw new Invalid("signed by a key the realm does not publish");
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new Invalid("the signature does not match the realm's key");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Invalid("the signature cannot be checked: " + e.getMessage());
    }
    JsonObject claims = json(parts[1]);
    if (!issuer.equals(claims.getString("iss", ""))) {
      throw new Invalid("issued by " + claims.getString("iss", "nobody") + ", not " + issuer);
    }
    if (!(claims.get("exp") instanceof jakarta.json.JsonNumber exp)
        || !Instant.ofEpochSecond(exp.longValue()).plus(SKEW).isAfter(now)) {
      throw new Invalid("expired");
    }
    if (!audience.equals(claims.getString("azp", "")) && !audienceOf(claims, audience)) {
      throw new Invalid("not issued to " + audience);
    }
    return claims;
  }

  /** An RSA public key from a JWK's modulus and exponent (base64url). */
  public static PublicKey rsaKey(String modulus, String exponent) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(
              new RSAPublicKeySpec(
                  new BigInteger(1, Base64.getUrlDecoder().decode(modulus)),
                  new BigInteger(1, Base64.getUrlDecoder().decode(exponent))));
    } catch (GeneralSecurityException e) {
      throw new Invalid("the realm published a key that is not RSA: " + e.getMessage());
    }
  }

  private static boolean audienceOf(JsonObject claims, String audience) {
    JsonValue aud = claims.get("aud");
    if (aud instanceof JsonString one) {
      return audience.equals(one.getString());
    }
    return aud instanceof JsonArray many
        && many.getValuesAs(JsonString.class).stream()
            .anyMatch(a -> audience.equals(a.getString()));
  }

  private static JsonObject json(String base64url) {
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      throw new Invalid("not a JSON token");
    }
  }

  /** The token is not to be believed. */
  public static class Invalid extends RuntimeException {
    public Invalid(String why) {
      super(why);
    }
  }
}
