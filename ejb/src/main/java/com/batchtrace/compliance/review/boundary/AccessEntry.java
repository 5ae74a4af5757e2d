package com.batchtrace.compliance.review.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One person's access as an access review lists it.
 *
 * @param userId the user name
 * @param account the identity provider's immutable account id
 * @param name the printed name
 * @param enabled false when the account is disabled
 * @param roles the application roles
 * @param lines the UNS paths of the lines (areas, sites) the person is assigned to; "" is every
 *     line
 * @param lastSignIn the last sign-in to Batchtrace, or null
 * @param lastSignature the last electronic signature, or null
 */
public record AccessEntry(
    String userId,
    String account,
    String name,
    boolean enabled,
    List<String> roles,
    List<String> lines,
    Instant lastSignIn,
    Instant lastSignature)
    implements Serializable {

  /** Column names of the CSV export, in the order of {@link #values()}. */
  public static final List<String> COLUMNS =
      List.of(
          "user_id",
          "account",
          "name",
          "enabled",
          "roles",
          "lines",
          "last_sign_in_utc",
          "last_signature_utc");

  public AccessEntry {
    roles = List.copyOf(roles);
    lines = List.copyOf(lines);
  }

  /** The lines as people read them: "all lines" for an assignment to every line. */
  public List<String> linesShown() {
    return lines.stream().map(l -> l.isEmpty() ? "all lines" : l).toList();
  }

  /** The entry's values as exported, in the order of {@link #COLUMNS}. */
  public List<String> values() {
    return List.of(
        userId,
        account,
        name,
        enabled ? "yes" : "no",
        String.join(" ", roles),
        String.join(" ", linesShown()),
        lastSignIn == null ? "" : lastSignIn.toString(),
        lastSignature == null ? "" : lastSignature.toString());
  }

  JsonObject toJson() {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("userId", userId)
            .add("account", account)
            .add("name", name)
            .add("enabled", enabled)
            .add("roles", array(roles))
            .add("lines", array(lines));
    if (lastSignIn != null) {
      o.add("lastSignIn", lastSignIn.toString());
    }
    if (lastSignature != null) {
      o.add("lastSignature", lastSignature.toString());
    }
    return o.build();
  }

  static AccessEntry fromJson(JsonObject o) {
    return new AccessEntry(
        o.getString("userId"),
        o.getString("account"),
        o.getString("name"),
        o.getBoolean("enabled"),
        o.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList(),
        o.getJsonArray("lines").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList(),
        o.containsKey("lastSignIn") ? Instant.parse(o.getString("lastSignIn")) : null,
        o.containsKey("lastSignature") ? Instant.parse(o.getString("lastSignature")) : null);
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }
}
