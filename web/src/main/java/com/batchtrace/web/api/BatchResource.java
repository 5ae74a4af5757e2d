package com.batchtrace.web.api;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.execution.boundary.AllocationView;
import com.batchtrace.execution.boundary.BatchCommands;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView.ScanOutcome;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.BatchReview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * Batches for ERP and gateways: create from an approved master batch record version (admin), charge
 * lots and complete into output lots (operator or admin).
 */
@Path("batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class BatchResource {

  @Inject BatchService batches;

  @Inject BatchCommands commands;

  @Inject CurrentActor currentActor;

  @Inject BatchRecords records;

  @Inject BatchReview review;

  @Inject ProcessSeries processSeries;

  @GET
  @Path("{id}")
  public BatchView one(@PathParam("id") long id) {
    return batches
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no batch " + id + "."));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(NewBatch request, @Context UriInfo uri) {
    if (request == null || request.masterBatchRecordId() == null || request.lineId() == null) {
      throw new RuleViolation("Send batchNumber, masterBatchRecordId, lineId and plannedQuantity.");
    }
    BatchView batch =
        batches.create(
            request.batchNumber(),
            request.masterBatchRecordId(),
            request.lineId(),
            request.plannedQuantity());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(batch.id())).build())
        .entity(batch)
        .build();
  }

  /**
   * A lot charged into a step of the batch (the open step when {@code step} is left out), by the
   * terminal's rules: 200 with the batch when it is charged; 422 with the reason when it is refused
   * (the refusal is recorded as an exception). Body: {@code {"lotNumber": "...", "quantity": 12.5,
   * "step": 1}}.
   */
  @POST
  @Path("{id}/charges")
  @RolesAllowed(Roles.OPERATOR)
  public Response charge(@PathParam("id") long id, Charge charge) {
    if (charge == null) {
      throw new RuleViolation("Send lotNumber and quantity (and the step). Nothing was charged.");
    }
    ScanOutcome outcome = commands.charge(id, charge.step(), charge.lotNumber(), charge.quantity());
    return outcome.accepted()
        ? Response.ok(one(id)).build()
        : Response.status(ApiError.UNPROCESSABLE_CONTENT).entity(outcome).build();
  }

  /**
   * Completes the batch once every step is done (refused, naming the unfinished steps, before),
   * signed "performed" with the caller's password. Body: {@code {"outputs": [{"lotNumber": "...",
   * "quantity": 100}], "password": "..."}}, with {@code "comment"} when the yield is outside the
   * master record's limits.
   */
  @POST
  @Path("{id}/complete")
  @RolesAllowed(Roles.OPERATOR)
  public List<LotView> complete(@PathParam("id") long id, Completion completion) {
    if (completion == null) {
      throw new RuleViolation(
          "Send a JSON body: {\"outputs\": [{\"lotNumber\": \"...\", \"quantity\": 100}],"
              + " \"password\": \"...\"}. Nothing was completed.");
    }
    return commands.complete(
        id,
        completion.outputs(),
        completion.comment(),
        new ComplianceResource.SignatureBody(
                completion.username(), completion.password(), completion.comment())
            .request(currentActor));
  }

  /**
   * An MES starts a step on a piece of equipment of the batch's line (the line when none is named),
   * by the terminal's rules: steps in order, on the batch's own line. Body: {@code {"equipmentId":
   * ...}}.
   */
  @POST
  @Path("{id}/steps/{position}/start")
  @RolesAllowed(Roles.OPERATOR)
  public AllocationView startStep(
      @PathParam("id") long id, @PathParam("position") int position, StepStart start) {
    return commands.startOn(id, position, start == null ? null : start.equipmentId());
  }

  /** The step's run on its equipment ends now. */
  @POST
  @Path("step-runs/{runId}/end")
  @RolesAllowed(Roles.OPERATOR)
  public AllocationView endStep(@PathParam("runId") long runId) {
    return commands.endRun(runId);
  }

  /** QA's decision on the batch, for ERP: status, the signature, the produced lots' status. */
  @GET
  @Path("{id}/disposition")
  public BatchReview.Disposition disposition(@PathParam("id") long id) {
    return review.dispositionOfBatch(id);
  }

  /**
   * The batch's exceptions (machine data, refused lots, entries, notes), in the order they started.
   */
  @GET
  @Path("{id}/exceptions")
  public List<ExceptionView> exceptions(@PathParam("id") long id) {
    return records.exceptionsOf(id);
  }

  /**
   * The batch's machine data per step parameter with a tag: its values (at most {@link
   * ProcessSeries#MAX_POINTS} per series, downsampled as {@code downsampling} says), limits, unit
   * and the exceptions of that step and tag.
   */
  @GET
  @Path("{id}/process-data")
  public ProcessSeries.BatchProcessData processData(@PathParam("id") long id) {
    one(id);
    return processSeries.of(id);
  }

  /** Where a step runs. */
  public record StepStart(Long equipmentId) {}

  /** A batch to plan. */
  public record NewBatch(
      String batchNumber, Long masterBatchRecordId, Long lineId, BigDecimal plannedQuantity) {}

  /** A lot charged into a step of the batch; step null for the open step. */
  public record Charge(String lotNumber, BigDecimal quantity, Integer step) {}

  /** The lots a completed batch produced. */
  /**
   * The lots a batch produced, the comment on a yield outside its limits, and the completion's
   * signature (the user id defaults to the caller's).
   */
  public record Completion(
      List<BatchCommands.Output> outputs, String comment, String username, String password) {}
}
