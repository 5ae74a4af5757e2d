package com.batchtrace.web.api;

import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.BatchReview;
import com.batchtrace.quality.boundary.BatchReview.Decision;
import com.batchtrace.quality.boundary.BatchReview.QueueEntry;
import com.batchtrace.quality.boundary.BatchReview.ReviewedException;
import com.batchtrace.quality.boundary.PostReleaseData;
import com.batchtrace.quality.entity.DispositionDecision;
import com.batchtrace.web.audit.AuditQueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * QA's review by exception over REST: the review queue, a batch's exceptions with their
 * dispositions, dispositioning one with a "reviewed" signature, and releasing or rejecting the
 * batch with a signature.
 */
@Path("reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.QA_REVIEWER, Roles.AUDITOR})
public class ReviewResource {

  @Inject BatchReview review;

  @Inject PostReleaseData postRelease;

  @Inject CurrentActor currentActor;

  /** Batches in review, most open exceptions first, then the longest waiting. */
  @GET
  public Page<QueueEntry> queue(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return review.queue(AuditQueryParameters.offset(offset), AuditQueryParameters.limit(limit));
  }

  @GET
  @Path("{batchId}/exceptions")
  public List<ReviewedException> exceptions(@PathParam("batchId") long batchId) {
    return review.exceptions(batchId);
  }

  /**
   * Body: {@code {"decision": "ACCEPTED" or "DEVIATION", "justification": "...",
   * "deviationReference": "DEV-1" (for DEVIATION), "password": "..."}}.
   */
  @POST
  @Path("exceptions/{exceptionId}/disposition")
  @RolesAllowed(Roles.QA_REVIEWER)
  public ReviewedException disposition(
      @PathParam("exceptionId") long exceptionId, DispositionBody body) {
    if (body == null) {
      throw new RuleViolation(
          "Send the disposition: {\"decision\": \"ACCEPTED\", \"justification\": \"...\","
              + " \"password\": \"...\"}.");
    }
    DispositionDecision decision;
    try {
      decision =
          body.decision() == null
              ? null
              : DispositionDecision.valueOf(body.decision().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new RuleViolation(
          "'decision' is ACCEPTED or DEVIATION, not '"
              + body.decision()
              + "'. Nothing was signed.");
    }
    return review.disposition(
        exceptionId,
        decision,
        body.justification(),
        body.deviationReference(),
        new ComplianceResource.SignatureBody(body.username(), body.password(), body.reason())
            .request(currentActor));
  }

  /** Body: {@code {"password": "...", "reason": "optional"}}. */
  @POST
  @Path("{batchId}/release")
  @RolesAllowed(Roles.QA_REVIEWER)
  public Decision release(
      @PathParam("batchId") long batchId, ComplianceResource.SignatureBody signature) {
    return review.release(batchId, signed(signature));
  }

  /** Body: {@code {"password": "...", "reason": "why (required)"}}. */
  @POST
  @Path("{batchId}/reject")
  @RolesAllowed(Roles.QA_REVIEWER)
  public Decision reject(
      @PathParam("batchId") long batchId, ComplianceResource.SignatureBody signature) {
    return review.reject(batchId, signed(signature));
  }

  /** Released or rejected batches with machine data after the decision that QA has not seen. */
  @GET
  @Path("post-release")
  public List<PostReleaseData.Summary> postReleaseWaiting() {
    return postRelease.waiting();
  }

  /** A decided batch's data after the decision, and QA's acknowledgements of it. */
  @GET
  @Path("{batchId}/post-release")
  public PostReleaseData.Summary postRelease(@PathParam("batchId") long batchId) {
    return postRelease.of(batchId);
  }

  /** Body: {@code {"conclusion": "...", "password": "..."}}: QA acknowledges the late data. */
  @POST
  @Path("{batchId}/post-release/acknowledge")
  @RolesAllowed(Roles.QA_REVIEWER)
  public PostReleaseData.Summary acknowledgePostRelease(
      @PathParam("batchId") long batchId, Acknowledgement body) {
    if (body == null) {
      throw new RuleViolation(
          "Send {\"conclusion\": \"...\", \"password\": \"...\"}. Nothing was signed.");
    }
    return postRelease.acknowledge(
        batchId,
        body.conclusion(),
        new ComplianceResource.SignatureBody(body.username(), body.password(), body.reason())
            .request(currentActor));
  }

  private SignatureRequest signed(ComplianceResource.SignatureBody signature) {
    if (signature == null) {
      throw new RuleViolation("Send your signature: {\"password\": \"...\"}. Nothing was signed.");
    }
    return signature.request(currentActor);
  }

  /** QA's acknowledgement of the data after a decision, with the reviewer's signature. */
  public record Acknowledgement(
      String conclusion, String username, String password, String reason) {}

  /** A disposition with the reviewer's signature. */
  public record DispositionBody(
      String decision,
      String justification,
      String deviationReference,
      String username,
      String password,
      String reason) {}
}
