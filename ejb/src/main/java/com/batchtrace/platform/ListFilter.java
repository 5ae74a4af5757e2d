package com.batchtrace.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person gives a list's filter, made safe for a query: text bounded in length, matched as a
 * part in any case, with the database's wildcards taken literally; a status in the plant's words
 * ("in review") rather than as a stored code; days of the site, in order.
 */
public final class ListFilter {

  /** The longest filter text: longer than any identifier or name the plant uses. */
  public static final int MAX_LENGTH = 100;

  private ListFilter() {}

  /**
   * The text as a case-insensitive LIKE pattern for "contains" (escape character '!'), or null when
   * blank; refused when longer than {@link #MAX_LENGTH}.
   */
  public static String part(String what, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    bounded(what, text);
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("!", "!!")
            .replace("%", "!%")
            .replace("_", "!_");
    return "%" + escaped + "%";
  }

  /** Refuses a filter text longer than {@link #MAX_LENGTH}; returns it stripped, or null. */
  public static String bounded(String what, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > MAX_LENGTH) {
      throw new RuleViolation(
          "The filter for "
              + what
              + " is at most "
              + MAX_LENGTH
              + " characters; the one given has "
              + text.length()
              + ". Nothing was searched.");
    }
    return text.strip();
  }

  /**
   * The status named by its words ("In review", "in review"; the stored code is accepted too), or
   * empty when blank; refused when the words name none of the statuses.
   */
  public static <E extends Enum<E>> Optional<E> status(
      String what, Class<E> statuses, String words) {
    String wanted = bounded(what, words);
    if (wanted == null) {
      return Optional.empty();
    }
    return Optional.of(
        Arrays.stream(statuses.getEnumConstants())
            .filter(s -> spoken(s.name()).equals(spoken(wanted)))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "'"
                            + shown(wanted)
                            + "' is not a status of "
                            + what
                            + ". Choose one of the list. Nothing was searched.")));
  }

  /** The first and last year a day of a filter may name: the plant's records lie between. */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2999;

  /**
   * Refuses a range of days whose last day is before its first, or a day outside the years {@link
   * #FIRST_YEAR} to {@link #LAST_YEAR} (a typed "+300000-01-01" is a date the database cannot
   * hold).
   */
  public static void daysInOrder(LocalDate first, LocalDate last) {
    for (LocalDate day : new LocalDate[] {first, last}) {
      if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
        throw new RuleViolation(
            "A day of the filter is between the years "
                + FIRST_YEAR
                + " and "
                + LAST_YEAR
                + ", not "
                + day
                + ". Nothing was searched.");
      }
    }
    if (first != null && last != null && last.isBefore(first)) {
      throw new RuleViolation(
          "The last day (" + last + ") is before the first (" + first + "). Nothing was searched.");
    }
  }

  /**
   * Refuses a time of a search outside the years {@link #FIRST_YEAR} to {@link #LAST_YEAR} (UTC): a
   * far-future or ancient time is a date the database cannot hold, or matches nothing.
   */
  public static void timesPlausible(Instant... times) {
    for (Instant time : times) {
      if (time != null) {
        if (time.isBefore(Year.of(FIRST_YEAR).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            || !time.isBefore(
                Year.of(LAST_YEAR + 1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
          throw new RuleViolation(
              "A time of the search is between the years "
                  + FIRST_YEAR
                  + " and "
                  + LAST_YEAR
                  + ", not "
                  + time
                  + ". Nothing was searched.");
        }
      }
    }
  }

  /**
   * The filter with the instant {@code field} on or after the first day's start and before the next
   * day after the last, both at the site (either may be null).
   */
  public static PagedQuery days(PagedQuery filter, String field, LocalDate first, LocalDate last) {
    return filter
        .and(
            field + " >= :firstDay",
            "firstDay",
            first == null ? null : first.atStartOfDay(SiteZone.zone()).toInstant())
        .and(
            field + " < :afterLastDay",
            "afterLastDay",
            last == null ? null : last.plusDays(1).atStartOfDay(SiteZone.zone()).toInstant());
  }

  private static String spoken(String text) {
    return text.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  /** A text a person sent, short enough to repeat in a message. */
  static String shown(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
