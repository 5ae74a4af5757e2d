package com.batchtrace.validation.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The offsets read from chrony and systemd-timesyncd; an answer without one is no comparison. */
@Tag("URS-058")
class TimeSourcesTest {

  @Test
  void chronysSystemTimeLineGivesTheOffsetWithItsSign() {
    String tracking =
        "Reference ID    : C0A80101 (ntp.plant)\n"
            + "System time     : 1.500000000 seconds fast of NTP time\n";
    assertEquals(Duration.ofMillis(1500), TimeSources.chronyOffset("chrony", tracking).offset());
    assertEquals(
        Duration.ofMillis(-20),
        TimeSources.chronyOffset("chrony", "System time : 0.020000000 seconds slow of NTP time")
            .offset());
    assertNull(TimeSources.chronyOffset("chrony", "506 Cannot talk to daemon").offset());
  }

  @Test
  void timesyncdsOffsetLineGivesTheOffsetOfThisHost() {
    assertEquals(
        Duration.ofMillis(-1234),
        TimeSources.timesyncOffset("timesyncd", "  Offset: +1.234s\n  Delay: 3ms").offset());
    assertEquals(
        Duration.ofNanos(250_000),
        TimeSources.timesyncOffset("timesyncd", "Offset: -250us").offset());
    assertNull(TimeSources.timesyncOffset("timesyncd", "NTPSynchronized=yes").offset());
  }
}
