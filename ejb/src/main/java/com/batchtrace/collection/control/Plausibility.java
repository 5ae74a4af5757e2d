package com.batchtrace.collection.control;

import com.batchtrace.platform.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What machine data may look like before it is stored: a payload no larger than
 * BATCHTRACE_MQTT_MAX_PAYLOAD_BYTES (default 262144, checked before decoding), a source time no
 * more than BATCHTRACE_MAX_FUTURE_SECONDS ahead of the server's clock (default 300) and no older
 * than BATCHTRACE_MAX_AGE_DAYS (default 30). A message outside them is a dead letter with the
 * reason; it never reaches the database, so it can neither fail a batch nor create a partition for
 * a month no machine lives in.
 */
public final class Plausibility {

  public static final int MAX_PAYLOAD_BYTES =
      Settings.positive("BATCHTRACE_MQTT_MAX_PAYLOAD_BYTES", 256 * 1024);

  private static final Duration MAX_FUTURE =
      Duration.ofSeconds(Settings.positive("BATCHTRACE_MAX_FUTURE_SECONDS", 300));

  /** How old a value's source time may be and still be taken. */
  public static final Duration MAX_AGE =
      Duration.ofDays(Settings.positive("BATCHTRACE_MAX_AGE_DAYS", 30));

  private Plausibility() {}

  /** Why a payload of this size is not read, or empty. */
  public static Optional<String> ofSize(int bytes) {
    return bytes > MAX_PAYLOAD_BYTES
        ? Optional.of(
            "The payload has "
                + bytes
                + " bytes; at most "
                + MAX_PAYLOAD_BYTES
                + " are read (BATCHTRACE_MQTT_MAX_PAYLOAD_BYTES).")
        : Optional.empty();
  }

  /** The longest topic the records keep (the columns' 700 characters). */
  public static final int MAX_TOPIC = 700;

  /** Why a message on this topic is not read: too long, or with control characters; or empty. */
  public static Optional<String> ofTopic(String topic) {
    if (topic.length() > MAX_TOPIC) {
      return Optional.of("The topic has more than " + MAX_TOPIC + " characters.");
    }
    if (topic.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("The topic contains a control character.");
    }
    return Optional.empty();
  }

  /** Why a value with this source time is not stored, or empty. */
  public static Optional<String> ofTime(Instant ts, Instant now) {
    if (ts.isAfter(now.plus(MAX_FUTURE))) {
      return Optional.of(
          "The source time "
              + ts
              + " is more than "
              + MAX_FUTURE.toSeconds()
              + " s ahead of the server's clock ("
              + now
              + "): check the device's clock.");
    }
    if (ts.isBefore(now.minus(MAX_AGE))) {
      return Optional.of(
          "The source time "
              + ts
              + " is more than "
              + MAX_AGE.toDays()
              + " days old: such values are not taken into a batch record.");
    }
    return Optional.empty();
  }
}
