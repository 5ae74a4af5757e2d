package com.batchtrace.web.api;

import com.batchtrace.execution.boundary.BatchCommands;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.QueueEntry;
import com.batchtrace.execution.boundary.BatchRunView.ScanOutcome;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.execution.boundary.StepRecording;
import com.batchtrace.execution.entity.ExceptionKind;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Batch execution as the terminal does it, for a shop-floor client or an MES: the line's work
 * queue, a batch's steps, and the operator's actions on a step. A refused scan answers 422 with the
 * reason and the id of the exception it recorded.
 */
@Path("executions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class ExecutionResource {

  @Inject BatchRecords records;

  @Inject BatchCommands commands;

  @Inject StepRecording recording;

  @Inject CurrentActor currentActor;

  /** The batches a line can run: in progress first, then planned. */
  @GET
  public List<QueueEntry> workQueue(@QueryParam("lineId") Long lineId) {
    if (lineId == null) {
      throw new RuleViolation("Name the line: /executions?lineId=...");
    }
    return records.workQueue(lineId);
  }

  @GET
  @Path("{batchId}")
  public BatchRunView run(@PathParam("batchId") long batchId) {
    return records.run(batchId);
  }

  @POST
  @Path("{batchId}/steps/{position}/start")
  @RolesAllowed(Roles.OPERATOR)
  public BatchRunView start(
      @PathParam("batchId") long batchId, @PathParam("position") int position) {
    return commands.start(batchId, position);
  }

  /** Body: {@code {"lotNumber": "...", "quantity": 25}}. */
  @POST
  @Path("{batchId}/steps/{position}/scans")
  @RolesAllowed(Roles.OPERATOR)
  public Response scan(
      @PathParam("batchId") long batchId, @PathParam("position") int position, Scan scan) {
    Scan body = required(scan, "{\"lotNumber\": \"...\", \"quantity\": 25}");
    ScanOutcome outcome = commands.charge(batchId, position, body.lotNumber(), body.quantity());
    return Response.status(outcome.accepted() ? 200 : ApiError.UNPROCESSABLE_CONTENT)
        .entity(outcome)
        .build();
  }

  /** Body: {@code {"parameter": "...", "value": 12.5, "takenAt": null, "comment": null}}. */
  @POST
  @Path("{batchId}/steps/{position}/entries")
  @RolesAllowed(Roles.OPERATOR)
  public EntryView enter(
      @PathParam("batchId") long batchId, @PathParam("position") int position, Entry entry) {
    Entry body = required(entry, "{\"parameter\": \"...\", \"value\": 12.5}");
    return recording.enter(
        batchId, position, body.parameter(), body.value(), body.takenAt(), body.comment());
  }

  /** Body: {@code {"value": 12.5, "reason": "..."}}. */
  @POST
  @Path("entries/{entryId}/corrections")
  @RolesAllowed(Roles.OPERATOR)
  public EntryView correct(@PathParam("entryId") long entryId, Correction correction) {
    Correction body = required(correction, "{\"value\": 12.5, \"reason\": \"...\"}");
    return recording.correct(entryId, body.value(), body.reason());
  }

  /** Body: {@code {"kind": "COMMENT" or "DEVIATION", "text": "..."}}. */
  @POST
  @Path("{batchId}/steps/{position}/notes")
  @RolesAllowed(Roles.OPERATOR)
  public ExceptionView note(
      @PathParam("batchId") long batchId, @PathParam("position") int position, Note note) {
    Note body = required(note, "{\"kind\": \"COMMENT\", \"text\": \"...\"}");
    ExceptionKind kind =
        switch (body.kind() == null ? "" : body.kind().strip().toUpperCase(Locale.ROOT)) {
          case "COMMENT" -> ExceptionKind.COMMENT;
          case "DEVIATION" -> ExceptionKind.DEVIATION;
          default ->
              throw new RuleViolation(
                  "'kind' is COMMENT or DEVIATION, not '"
                      + body.kind()
                      + "'. Nothing was recorded.");
        };
    return recording.raise(batchId, position, kind, body.text());
  }

  /** The signed-in operator signs the step performed. Body: {@code {"password": "..."}}. */
  @POST
  @Path("{batchId}/steps/{position}/perform")
  @RolesAllowed(Roles.OPERATOR)
  public BatchRunView perform(
      @PathParam("batchId") long batchId,
      @PathParam("position") int position,
      ComplianceResource.SignatureBody signature) {
    ComplianceResource.SignatureBody body =
        required(signature, "{\"password\": \"...\", \"reason\": \"optional\"}");
    return recording.perform(batchId, position, body.request(currentActor));
  }

  /**
   * A second person verifies the step with their own credentials. Body: {@code {"username": "...",
   * "password": "..."}}.
   */
  @POST
  @Path("{batchId}/steps/{position}/verify")
  @RolesAllowed(Roles.OPERATOR)
  public BatchRunView verify(
      @PathParam("batchId") long batchId,
      @PathParam("position") int position,
      ComplianceResource.SignatureBody signature) {
    ComplianceResource.SignatureBody body =
        required(signature, "{\"username\": \"...\", \"password\": \"...\"}");
    if (body.username() == null || body.username().isBlank()) {
      throw new RuleViolation(
          "Name the person who verifies: {\"username\": \"...\", \"password\": \"...\"}."
              + " Nothing was signed.");
    }
    return recording.verify(batchId, position, body.request(currentActor));
  }

  /**
   * Completes the batch, signed "performed" with the caller's password. Body: {@code {"lotNumber":
   * "...", "quantity": 100, "password": "..."}}, with {@code "comment"} when the yield is outside
   * the master record's limits.
   */
  @POST
  @Path("{batchId}/complete")
  @RolesAllowed(Roles.OPERATOR)
  public List<LotView> complete(@PathParam("batchId") long batchId, Output output) {
    Output body =
        required(output, "{\"lotNumber\": \"...\", \"quantity\": 100, \"password\": \"...\"}");
    return commands.complete(
        batchId,
        List.of(new BatchCommands.Output(body.lotNumber(), body.quantity())),
        body.comment(),
        new ComplianceResource.SignatureBody(body.username(), body.password(), body.comment())
            .request(currentActor));
  }

  private static <T> T required(T body, String example) {
    if (body == null) {
      throw new RuleViolation("Send a JSON body: " + example + ".");
    }
    return body;
  }

  /** A scanned lot and the quantity to charge. */
  public record Scan(String lotNumber, BigDecimal quantity) {}

  /** A value entered by hand; takenAt is when it was read (null for now). */
  public record Entry(String parameter, BigDecimal value, Instant takenAt, String comment) {}

  /** A corrected value and why. */
  public record Correction(BigDecimal value, String reason) {}

  /** A comment or deviation on a step. */
  public record Note(String kind, String text) {}

  /**
   * The lot a completed batch produced; the comment says why a yield is outside its limits; the
   * password signs the completion (the user id defaults to the caller's).
   */
  public record Output(
      String lotNumber, BigDecimal quantity, String comment, String username, String password) {}
}
