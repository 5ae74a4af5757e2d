package com.batchtrace.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Keycloak's password policy language that the plant realm uses, so the test can
 * prove the demo users' passwords would be accepted by the realm they are imported into.
 *
 * <p>A policy string reads {@code length(12) and digits(1) and ... and notUsername(undefined)}.
 * Each rule mirrors Keycloak's provider of the same name: {@code length} is the minimum length;
 * {@code digits}, {@code lowerCase}, {@code upperCase} and {@code specialChars} the minimum count
 * of digits, lower-case letters, upper-case letters and characters that are neither letter nor
 * digit; {@code notUsername} refuses a password equal to the username. A rule without a number
 * takes Keycloak's default (8 for length, 1 for the counts). Any other rule is refused at parse
 * time, so a policy added to the realm cannot go unchecked: teach this class the new rule.
 */
final class PasswordPolicy {

  private static final Pattern RULE = Pattern.compile("([A-Za-z]+)\\s*(?:\\(([^)]*)\\))?");

  private interface Rule {
    /** Why the password breaks this rule, or null if it keeps it. */
    String violation(String username, String password);
  }

  private final String text;
  private final List<Rule> rules;

  private PasswordPolicy(String text, List<Rule> rules) {
    this.text = text;
    this.rules = List.copyOf(rules);
  }

  /**
   * Parses a Keycloak {@code passwordPolicy} string.
   *
   * @throws IllegalArgumentException for a rule this class does not know or a malformed one
   */
  static PasswordPolicy parse(String policy) {
    List<Rule> rules = new ArrayList<>();
    for (String part : policy.strip().split("\\s+and\\s+")) {
      Matcher rule = RULE.matcher(part.strip());
      if (!rule.matches()) {
        throw new IllegalArgumentException("malformed password policy rule '" + part + "'");
      }
      String name = rule.group(1);
      String argument = rule.group(2);
      rules.add(
          switch (name) {
            case "length" -> minimumLength(number(name, argument, 8));
            case "digits" -> minimumCount("digit", number(name, argument, 1), Character::isDigit);
            case "lowerCase" ->
                minimumCount(
                    "lower-case letter", number(name, argument, 1), Character::isLowerCase);
            case "upperCase" ->
                minimumCount(
                    "upper-case letter", number(name, argument, 1), Character::isUpperCase);
            case "specialChars" ->
                minimumCount(
                    "special character",
                    number(name, argument, 1),
                    c -> !Character.isLetterOrDigit(c));
            case "notUsername" ->
                (username, password) ->
                    username != null && username.equals(password) ? "equals the username" : null;
            // History and expiry constrain later changes, not the passwords a realm file sets.
            case "passwordHistory", "forceExpiredPasswordChange" -> (username, password) -> null;
            default ->
                throw new IllegalArgumentException(
                    "password policy rule '"
                        + name
                        + "' is not known to "
                        + PasswordPolicy.class.getSimpleName()
                        + "; add it there so the realm's policy is checked in full");
          });
    }
    return new PasswordPolicy(policy, rules);
  }

  /** Every rule the password breaks for this user; empty if the policy accepts it. */
  List<String> violations(String username, String password) {
    List<String> violations = new ArrayList<>();
    for (Rule rule : rules) {
      String violation = rule.violation(username, password);
      if (violation != null) {
        violations.add(violation);
      }
    }
    return violations;
  }

  boolean accepts(String username, String password) {
    return violations(username, password).isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }

  private static int number(String rule, String argument, int defaultValue) {
    if (argument == null
        || argument.isBlank()
        || argument.strip().toLowerCase(Locale.ROOT).equals("undefined")) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(argument.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "password policy rule '" + rule + "' needs a number, found '" + argument + "'", e);
    }
  }

  private static Rule minimumLength(int minimum) {
    return (username, password) ->
        password.length() < minimum
            ? "has " + password.length() + " characters, fewer than " + minimum
            : null;
  }

  private static Rule minimumCount(String what, int minimum, IntPredicate counts) {
    return (username, password) -> {
      long count = password.chars().filter(counts).count();
      return count < minimum ? "has " + count + " " + what + "(s), fewer than " + minimum : null;
    };
  }
}
