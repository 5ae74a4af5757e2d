package com.batchtrace.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/** A signed checkpoint of the chains (the server's CheckpointFormat, format 1). */
final class Checkpoint {

  static final String TITLE = "Batchtrace signed checkpoint";

  /** One chain's state as the checkpoint signed it. */
  record Chain(String chain, long position, long rows, String head, String atPrevious) {}

  final Signed signed;
  final long sequence;
  final String takenAt;
  final String previous;
  final String key;
  final Map<String, Chain> chains = new LinkedHashMap<>();

  Checkpoint(String text) {
    signed = Signed.parse(text, TITLE);
    sequence = Long.parseLong(signed.field("sequence"));
    takenAt = signed.field("taken-at");
    String p = signed.field("previous");
    previous = p.equals("none") ? null : p;
    key = signed.field("key");
    signed.field("reason");
    for (String line : signed.chainLines) {
      String[] parts = line.split(" ");
      Map<String, String> a = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("its chain line '" + line + "' is malformed");
        }
        a.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
      }
      String atPrevious = a.getOrDefault("at-previous", "none");
      chains.put(
          parts[0],
          new Chain(
              parts[0],
              Long.parseLong(a.get("position")),
              Long.parseLong(a.get("rows")),
              a.get("head"),
              atPrevious.equals("none") ? null : atPrevious));
    }
  }

  String text() {
    return signed.text;
  }

  String describe() {
    return "signed checkpoint " + sequence + " (" + takenAt + ")";
  }
}
