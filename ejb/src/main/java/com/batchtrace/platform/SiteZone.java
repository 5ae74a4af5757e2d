package com.batchtrace.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The plant site's time zone (BATCHTRACE_SITE_ZONE, else the server's). Times are stored in UTC;
 * calendar dates such as a lot's expiry are the site's dates.
 */
public final class SiteZone {

  private static final ZoneId ZONE =
      ZoneId.of(Settings.text("BATCHTRACE_SITE_ZONE", ZoneId.systemDefault().getId()));

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private SiteZone() {}

  public static ZoneId zone() {
    return ZONE;
  }

  /** Today at the site, by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** An instant as people read it: the site's date and time with its offset ("" for none). */
  public static String format(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant.atZone(ZONE));
  }
}
