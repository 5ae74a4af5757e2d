package com.batchtrace.collection.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Reads the payloads the plant publishes: JSON values ({@code value}, {@code timestamp}, optional
 * {@code quality} and {@code id}), JSON material-charged events ({@code lot}, {@code quantity},
 * {@code timestamp}) and Sparkplug B NDATA/DDATA metrics (decoded by Eclipse Tahu). Anything else
 * is refused with the reason, which goes to the dead letters with the payload.
 */
public final class PayloadDecoder {

  /** The last topic level of a scale's or scanner's charge event. */
  public static final String CHARGE_EVENT = "material-charged";

  private static final String SPARKPLUG = "spBv1.0/";
  private static final Set<String> QUALITIES = Set.of("GOOD", "BAD", "UNCERTAIN");

  private PayloadDecoder() {}

  /** What a message holds: values, an event, nothing to store (Sparkplug births), or a refusal. */
  public sealed interface Decoded permits Values, Charge, Ignored, Refused {}

  /** Values to store. */
  public record Values(List<Sample> samples) implements Decoded {}

  /** A charge event to act on. */
  public record Charge(ChargeEvent event) implements Decoded {}

  /** A message that carries nothing to store (e.g. a Sparkplug birth or death certificate). */
  public record Ignored(String why) implements Decoded {}

  /** A message that cannot be read, and why. */
  public record Refused(String reason) implements Decoded {}

  /**
   * The message on {@code topic}: a scale's or scanner's charge event of the equipment at {@code
   * chargeEquipment} when the topic is mapped as its charge events (null otherwise), else values. A
   * material-charged event on a topic not mapped so is refused.
   */
  public static Decoded decode(String topic, byte[] payload, String chargeEquipment) {
    if (chargeEquipment == null && topic.endsWith("/" + CHARGE_EVENT)) {
      return new Refused(
          "No scale or scanner is mapped to "
              + topic
              + " as a tag of kind charge events: its charge events are not taken.");
    }
    if (topic.startsWith(SPARKPLUG)) {
      return sparkplug(topic, payload);
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payload))) {
      json = reader.readObject();
    } catch (RuntimeException notJson) {
      return new Refused("The payload is not a JSON object: " + firstLine(notJson.getMessage()));
    }
    try {
      if (chargeEquipment != null) {
        return new Charge(
            new ChargeEvent(
                topic, chargeEquipment, text(json, "lot"), quantity(json), time(json), payload));
      }
      return new Values(
          List.of(new Sample(topic, time(json), value(json.get("value")), quality(json))));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException refused) {
      return new Refused(refused.getMessage());
    }
  }

  private static Decoded sparkplug(String topic, byte[] payload) {
    String[] levels = topic.split("/");
    if (levels.length < 4) {
      return new Refused("Not a Sparkplug B topic: spBv1.0/group/type/edge[/device].");
    }
    String type = levels[2];
    if (!type.equals("NDATA") && !type.equals("DDATA")) {
      return new Ignored("Sparkplug " + type + " carries no process values to store");
    }
    SparkplugBPayload decoded;
    try {
      decoded = new SparkplugBPayloadDecoder().buildFromByteArray(payload, null);
    } catch (Exception notSparkplug) {
      return new Refused(
          "The payload is not a Sparkplug B protobuf: " + firstLine(notSparkplug.getMessage()));
    }
    String base =
        SPARKPLUG + levels[1] + "/" + levels[3] + (levels.length > 4 ? "/" + levels[4] : "") + "/";
    List<Sample> samples = new ArrayList<>();
    for (Metric metric : decoded.getMetrics()) {
      if (!metric.hasName()) {
        return new Refused(
            "Metric alias "
                + metric.getAlias()
                + " without a name: Batchtrace reads metrics by name (births are not tracked).");
      }
      if (Boolean.TRUE.equals(metric.isNull())) {
        continue;
      }
      java.util.Date when =
          metric.getTimestamp() != null ? metric.getTimestamp() : decoded.getTimestamp();
      if (when == null) {
        return new Refused("Metric " + metric.getName() + " has no timestamp.");
      }
      double value;
      try {
        value = number(metric.getValue(), metric.getName());
      } catch (IllegalArgumentException refused) {
        return new Refused(refused.getMessage());
      }
      samples.add(new Sample(base + metric.getName(), when.toInstant(), value, "GOOD"));
    }
    return new Values(samples);
  }

  private static double value(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new IllegalArgumentException("The payload has no \"value\".");
    }
    return switch (value.getValueType()) {
      case NUMBER -> finite(((JsonNumber) value).doubleValue(), "\"value\"");
      case TRUE -> 1;
      case FALSE -> 0;
      default ->
          throw new IllegalArgumentException(
              "\"value\" must be a number or true/false, not " + value + ".");
    };
  }

  private static double number(Object value, String name) {
    if (value instanceof Number n) {
      return finite(n.doubleValue(), "Metric " + name);
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new IllegalArgumentException(
        "Metric " + name + " is not a number or boolean: " + value + ".");
  }

  /** Infinite and not-a-number values (a 1e400 in the payload) are refused, never stored. */
  private static double finite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          what + " is not a finite number (out of the range a process value can hold).");
    }
    return value;
  }

  private static Instant time(JsonObject json) {
    JsonValue ts = json.get("timestamp");
    if (ts == null) {
      throw new IllegalArgumentException(
          "The payload has no \"timestamp\" (ISO-8601, e.g. 2026-11-25T08:15:00.250Z, or epoch"
              + " milliseconds).");
    }
    if (ts instanceof JsonNumber millis) {
      // Read without expanding the number: 1e300000000 would take minutes to turn into a long.
      BigDecimal exact = millis.bigDecimalValue();
      if ((long) exact.precision() - exact.scale() > 15) {
        throw new IllegalArgumentException(
            "\"timestamp\" " + millis + " is out of range for epoch milliseconds.");
      }
      return Instant.ofEpochMilli(exact.longValue());
    }
    if (ts instanceof JsonString text) {
      try {
        return Instant.parse(text.getString());
      } catch (DateTimeParseException notIso) {
        throw new IllegalArgumentException(
            "\"timestamp\" '" + text.getString() + "' is not an ISO-8601 instant.");
      }
    }
    throw new IllegalArgumentException("\"timestamp\" must be a string or a number.");
  }

  private static String quality(JsonObject json) {
    JsonValue quality = json.get("quality");
    if (quality == null) {
      return "GOOD";
    }
    String text = quality instanceof JsonString s ? s.getString().toUpperCase() : "";
    if (!QUALITIES.contains(text)) {
      throw new IllegalArgumentException("\"quality\" must be GOOD, BAD or UNCERTAIN.");
    }
    return text;
  }

  private static String text(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw new IllegalArgumentException("The event has no \"" + name + "\".");
    }
    return s.getString().strip();
  }

  private static BigDecimal quantity(JsonObject json) {
    JsonValue value = json.get("quantity");
    if (!(value instanceof JsonNumber n)) {
      throw new IllegalArgumentException("The event has no numeric \"quantity\".");
    }
    return n.bigDecimalValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
