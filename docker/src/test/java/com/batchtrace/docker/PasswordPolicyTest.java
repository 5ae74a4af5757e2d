package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy check that KeycloakRealmTest relies on accepts and refuses what Keycloak would. */
class PasswordPolicyTest {

  private static final PasswordPolicy PLANT =
      PasswordPolicy.parse(
          "length(12) and digits(1) and lowerCase(1) and upperCase(1) and specialChars(1)"
              + " and notUsername(undefined)");

  @Test
  void acceptsAPasswordThatMeetsEveryRule() {
    assertEquals(List.of(), PLANT.violations("operator1", "Demo-Plant-2026"));
  }

  @Test
  void refusesAPasswordShorterThanTheMinimumLength() {
    assertEquals(
        List.of("has 8 characters, fewer than 12"), PLANT.violations("operator1", "short1A!"));
  }

  @Test
  void refusesAPasswordWithoutAnUpperCaseLetter() {
    assertEquals(
        List.of("has 0 upper-case letter(s), fewer than 1"),
        PLANT.violations("operator1", "demo-plant-2026"));
  }

  @Test
  void refusesAPasswordWithoutADigitALowerCaseLetterOrASpecialCharacter() {
    assertEquals(
        List.of(
            "has 0 digit(s), fewer than 1",
            "has 0 lower-case letter(s), fewer than 1",
            "has 0 special character(s), fewer than 1"),
        PLANT.violations("operator1", "DEMOPLANTABCD"));
  }

  @Test
  void refusesAPasswordEqualToTheUsername() {
    String username = "Plant-Operator-01";
    assertEquals(List.of("equals the username"), PLANT.violations(username, username));
    assertTrue(PLANT.accepts("other-user", username));
  }

  @Test
  void countsAreMinimumsGivenInThePolicy() {
    PasswordPolicy twoDigits = PasswordPolicy.parse("digits(2)");
    assertFalse(twoDigits.accepts("u", "a1"));
    assertTrue(twoDigits.accepts("u", "a12"));
  }

  @Test
  void refusesToParseARuleItCannotCheck() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> PasswordPolicy.parse("length(12) and hashIterations(3)"));
    assertTrue(unknown.getMessage().contains("hashIterations"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.parse("length(twelve)"));
  }
}
