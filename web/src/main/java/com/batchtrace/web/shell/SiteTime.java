package com.batchtrace.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Shows stored UTC instants in the site's time zone with its offset (DESIGN: times are stored in
 * UTC and shown in the site's zone). The zone comes from BATCHTRACE_SITE_ZONE, else the server's
 * zone.
 */
@Named("siteTime")
@ApplicationScoped
public class SiteTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private final ZoneId zone =
      Optional.ofNullable(System.getenv("BATCHTRACE_SITE_ZONE"))
          .filter(z -> !z.isBlank())
          .map(ZoneId::of)
          .orElse(ZoneId.systemDefault());

  public String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant.atZone(zone));
  }

  public ZoneId zoneId() {
    return zone;
  }

  public String getZone() {
    return zone.getId();
  }
}
