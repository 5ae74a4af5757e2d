package com.batchtrace.web.api;

import com.batchtrace.collection.boundary.CollectionMonitor;
import com.batchtrace.collection.boundary.CollectionStatus;
import com.batchtrace.collection.boundary.DeadLetter;
import com.batchtrace.collection.boundary.DeadLetters;
import com.batchtrace.collection.boundary.InboundMessage;
import com.batchtrace.collection.boundary.IngestReport;
import com.batchtrace.collection.boundary.Ingestion;
import com.batchtrace.collection.boundary.TagService;
import com.batchtrace.collection.boundary.UnmappedTopic;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Machine data over REST, for gateways without MQTT: the same ingestion as the MQTT collector. Also
 * the tag mapping, the collector's status, dead letters, unmapped topics and a batch's exceptions.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CollectionResource {

  /** One request is one transaction: this keeps it short and its memory bounded. */
  static final int MAX_VALUES = 10_000;

  @Inject Ingestion ingestion;

  @Inject TagService tags;

  @Inject CollectionMonitor monitor;

  @Inject DeadLetters deadLetters;

  @Inject CurrentActor currentActor;

  /**
   * Body: a JSON array of values as MQTT carries them, each with its topic: {@code [{"topic":
   * "acme/.../inlet-temp", "value": 61.2, "timestamp": "2026-11-25T08:15:00Z"}]}. Elements that
   * cannot be read go to the dead letters, like MQTT payloads; the answer counts what happened.
   */
  @POST
  @Path("process-values")
  @RolesAllowed({Roles.GATEWAY, Roles.ADMIN})
  public IngestReport ingest(String body) {
    JsonArray array;
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      array = reader.readArray();
    } catch (JsonException | IllegalStateException notAnArray) {
      throw new RuleViolation(
          "Send a JSON array of values, each with \"topic\", \"value\" and \"timestamp\"."
              + " Nothing was stored.");
    }
    if (array.size() > MAX_VALUES) {
      throw new RuleViolation(
          "At most "
              + MAX_VALUES
              + " values per request, this one has "
              + array.size()
              + ": send them in several requests. Nothing was stored.");
    }
    List<InboundMessage> messages = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue element = array.get(i);
      if (!(element instanceof JsonObject value)
          || !(value.get("topic") instanceof JsonString topic)
          || topic.getString().isBlank()) {
        throw new RuleViolation(
            "Element "
                + (i + 1)
                + " has no \"topic\": every value names the topic it belongs to. Nothing was"
                + " stored.");
      }
      JsonObjectBuilder payload = Json.createObjectBuilder();
      for (Map.Entry<String, JsonValue> field : value.entrySet()) {
        if (!field.getKey().equals("topic")) {
          payload.add(field.getKey(), field.getValue());
        }
      }
      messages.add(
          new InboundMessage(
              "REST",
              topic.getString().strip(),
              payload.build().toString().getBytes(StandardCharsets.UTF_8)));
    }
    return ingestion.ingest(messages);
  }

  @GET
  @Path("uns-tags")
  public List<TagService.TagView> allTags() {
    return tags.all();
  }

  /**
   * Body: {@code {"equipmentId", "tag", "source" (optional), "unit", "expectedIntervalSeconds"}}.
   */
  @POST
  @Path("uns-tags")
  public TagService.TagView mapTag(NewTag request) {
    if (request == null || request.equipmentId() == null) {
      throw new RuleViolation("Send equipmentId and tag (and optionally source, unit, interval).");
    }
    return tags.create(
        request.equipmentId(),
        request.tag(),
        request.source(),
        request.unit(),
        request.expectedIntervalSeconds(),
        request.kind(),
        request.reason());
  }

  @GET
  @Path("collection/status")
  public CollectionStatus status() {
    return monitor.status();
  }

  @GET
  @Path("collection/dead-letters")
  public List<DeadLetter> deadLetters(@QueryParam("limit") Integer limit) {
    return monitor.deadLetters(limit == null ? 100 : Math.max(1, Math.min(limit, 1000)));
  }

  /**
   * Takes a dead letter again once its cause is fixed, signed by the admin. Body: {@code {"reason":
   * "...", "password": "..."}} (both required; "username" defaults to the token's user). A dead
   * letter is re-processed at most once.
   */
  @POST
  @Path("collection/dead-letters/{id}/reprocess")
  public DeadLetters.Outcome reprocess(@PathParam("id") long id, Reprocess request) {
    if (request == null) {
      throw new RuleViolation(
          "Send the reason and your signature: {\"reason\": \"...\", \"password\": \"...\"}."
              + " Nothing was changed.");
    }
    return deadLetters.reprocess(
        id,
        request.reason(),
        new ComplianceResource.SignatureBody(request.username(), request.password(), null)
            .request(currentActor));
  }

  /** Why a dead letter is taken again, and the admin's signature. */
  public record Reprocess(String reason, String username, String password) {}

  @GET
  @Path("collection/unmapped-topics")
  public List<UnmappedTopic> unmapped(@QueryParam("limit") Integer limit) {
    return monitor.unmappedTopics(limit == null ? 100 : Math.max(1, Math.min(limit, 1000)));
  }

  /** A tag to map. */
  public record NewTag(
      Long equipmentId,
      String tag,
      String source,
      String unit,
      Integer expectedIntervalSeconds,
      String kind,
      String reason) {}
}
