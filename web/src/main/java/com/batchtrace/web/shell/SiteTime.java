package com.batchtrace.web.shell;

import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Shows stored UTC instants in the site's time zone with its offset (DESIGN: times are stored in
 * UTC and shown in the site's zone), for pages: the zone and the format are {@link SiteZone}'s.
 */
@Named("siteTime")
@ApplicationScoped
public class SiteTime {

  public String format(Instant instant) {
    return SiteZone.format(instant);
  }

  public ZoneId zoneId() {
    return SiteZone.zone();
  }

  public String getZone() {
    return SiteZone.zone().getId();
  }
}
