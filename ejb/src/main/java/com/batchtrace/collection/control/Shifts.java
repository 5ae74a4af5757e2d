package com.batchtrace.collection.control;

import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteZone;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The site's shift pattern (BATCHTRACE_SHIFTS, default {@code 06:00 Early,14:00 Late,22:00 Night})
 * in the site's time zone. A value's shift is named by the site date the shift started on, so the
 * night shift that starts at 22:00 keeps its date after midnight: {@code 2026-11-24 Night}.
 */
public final class Shifts {

  private record Start(LocalTime at, String name) {}

  private static final List<Start> STARTS =
      parse(Settings.text("BATCHTRACE_SHIFTS", "06:00 Early,14:00 Late,22:00 Night"));

  private Shifts() {}

  public static String of(Instant instant) {
    ZonedDateTime local = instant.atZone(SiteZone.zone());
    LocalTime time = local.toLocalTime();
    Start current = null;
    for (Start start : STARTS) {
      if (!time.isBefore(start.at())) {
        current = start;
      }
    }
    if (current == null) {
      // Before the first start of the day: the last shift of the day before is still on.
      return local.toLocalDate().minusDays(1) + " " + STARTS.get(STARTS.size() - 1).name();
    }
    return local.toLocalDate() + " " + current.name();
  }

  private static List<Start> parse(String pattern) {
    List<Start> starts = new ArrayList<>();
    for (String part : pattern.split(",")) {
      String[] timeAndName = part.strip().split("\\s+", 2);
      if (timeAndName.length != 2) {
        throw new IllegalStateException(
            "BATCHTRACE_SHIFTS must list 'HH:MM name' entries separated by commas, not '"
                + pattern
                + "'.");
      }
      starts.add(new Start(LocalTime.parse(timeAndName[0]), timeAndName[1].strip()));
    }
    starts.sort(Comparator.comparing(Start::at));
    return List.copyOf(starts);
  }
}
