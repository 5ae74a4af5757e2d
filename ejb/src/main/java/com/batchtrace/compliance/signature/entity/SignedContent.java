package com.batchtrace.compliance.signature.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * The canonical content of a signed record, format 2: a JSON object whose fields come in the order
 * the record names them, strings escaped, numbers in plain decimal form without trailing zeros,
 * times in UTC ISO-8601, lists as arrays. Unambiguous: a text that moves from one field to another
 * changes the content, which format 1's plain line joins did not guarantee.
 *
 * <p>Written here rather than with a JSON library on purpose: the bytes must never change with a
 * library's upgrade or settings, or every signature would turn INVALID.
 */
public final class SignedContent {

  /** The format every new signature is made in. */
  public static final int FORMAT = 2;

  /** Plain text lines, the format of signatures made before format 2. */
  public static final int LEGACY_FORMAT = 1;

  private final StringBuilder json = new StringBuilder(256);
  private boolean first = true;

  private SignedContent() {
    json.append('{');
  }

  /** The content of one record of {@code type}; the type is part of what is signed. */
  public static SignedContent of(String type) {
    return new SignedContent().field("type", type).field("format", FORMAT);
  }

  public SignedContent field(String name, String value) {
    name(name);
    if (value == null) {
      json.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  public SignedContent field(String name, long value) {
    name(name).append(value);
    return this;
  }

  public SignedContent field(String name, Number value) {
    name(name);
    if (value == null) {
      json.append("null");
    } else if (value instanceof BigDecimal d) {
      json.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      json.append(BigDecimal.valueOf(value.doubleValue()).stripTrailingZeros().toPlainString());
    } else {
      json.append(value.longValue());
    }
    return this;
  }

  public SignedContent field(String name, boolean value) {
    name(name).append(value);
    return this;
  }

  public SignedContent field(String name, Instant value) {
    return field(name, value == null ? null : value.toString());
  }

  /** A list of nested objects, each written by {@code writer}, in the collection's order. */
  public <T> SignedContent list(
      String name, Collection<T> items, BiConsumer<T, SignedContent> writer) {
    name(name).append('[');
    boolean firstItem = true;
    for (T item : items) {
      if (!firstItem) {
        json.append(',');
      }
      firstItem = false;
      SignedContent nested = new SignedContent();
      writer.accept(item, nested);
      json.append(nested.canonical());
    }
    json.append(']');
    return this;
  }

  /** The canonical text: what the SHA-256 is taken of. */
  public String canonical() {
    return json + "}";
  }

  @Override
  public String toString() {
    return canonical();
  }

  private StringBuilder name(String name) {
    if (!first) {
      json.append(',');
    }
    first = false;
    quote(name);
    return json.append(':');
  }

  private void quote(String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
