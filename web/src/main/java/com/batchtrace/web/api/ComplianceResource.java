package com.batchtrace.web.api;

import com.batchtrace.compliance.integrity.boundary.Checkpoints;
import com.batchtrace.compliance.integrity.boundary.IntegrityCheck;
import com.batchtrace.compliance.integrity.boundary.IntegrityReport;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.review.boundary.AuditTrailReviewView;
import com.batchtrace.compliance.review.boundary.AuditTrailReviews;
import com.batchtrace.compliance.review.boundary.NewAuditTrailReview;
import com.batchtrace.compliance.security.boundary.SecurityEventView;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.web.audit.AuditQueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * Part 11 records for auditors and QA: integrity checks of the hash chains, signed audit trail
 * reviews, the signature register and the security event log.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplianceResource {

  @Inject IntegrityCheck integrityCheck;

  @Inject AuditTrailReviews reviews;

  @Inject Checkpoints checkpoints;

  @Inject SignatureService signatures;

  @Inject SecurityLog securityLog;

  @Inject CurrentActor currentActor;

  /** Walks every chain now; the check is recorded as a security event. */
  @POST
  @Path("integrity-checks")
  @RolesAllowed({Roles.AUDITOR, Roles.QA_REVIEWER})
  public IntegrityReport verifyIntegrity() {
    return integrityCheck.verify();
  }

  /**
   * Signs a checkpoint of every chain now with the checkpoint key (outside the database) and writes
   * it to the checkpoint log; 400 with the reason when no key is configured.
   */
  @POST
  @Path("checkpoints")
  @RolesAllowed({Roles.AUDITOR, Roles.QA_REVIEWER})
  public SignedCheckpoint signCheckpoint() {
    return checkpoints.takeOnDemand();
  }

  /**
   * Signs an audit trail review ("reviewed"): the password is checked by the identity provider; the
   * user id defaults to the caller's.
   */
  @POST
  @Path("audit-trail-reviews")
  @RolesAllowed({Roles.AUDITOR, Roles.QA_REVIEWER})
  public Response review(ReviewRequest request, @Context UriInfo uri) {
    if (request == null || request.signature() == null) {
      throw new RuleViolation(
          "Send periodFrom, periodTo, conclusion and signature {password, reason}.");
    }
    SignatureBody s = request.signature();
    AuditTrailReviewView review =
        reviews.review(
            new NewAuditTrailReview(request.periodFrom(), request.periodTo(), request.conclusion()),
            s.request(currentActor));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(review.id())).build())
        .entity(review)
        .build();
  }

  @GET
  @Path("audit-trail-reviews/{id}")
  @RolesAllowed({Roles.AUDITOR, Roles.QA_REVIEWER})
  public AuditTrailReviewView review(@PathParam("id") long id) {
    return reviews
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no audit trail review " + id + "."));
  }

  /** Every signature, newest first. */
  @GET
  @Path("signatures")
  @RolesAllowed(Roles.AUDITOR)
  public Page<SignatureView> signatures(
      @QueryParam("signer") String signer,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return signatures.register(
        signer, AuditQueryParameters.offset(offset), AuditQueryParameters.limit(limit));
  }

  /** The security event log, newest first. */
  @GET
  @Path("security-events")
  @RolesAllowed(Roles.AUDITOR)
  public Page<SecurityEventView> securityEvents(
      @QueryParam("user") String user,
      @QueryParam("kind") String kind,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return securityLog.page(
        user, kind(kind), AuditQueryParameters.offset(offset), AuditQueryParameters.limit(limit));
  }

  private static SecurityEventKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return SecurityEventKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("'" + kind + "' is not a security event kind.");
    }
  }

  /** The body of a review: the period, the conclusion and the signature. */
  public record ReviewRequest(
      Instant periodFrom, Instant periodTo, String conclusion, SignatureBody signature) {}

  /** The signature part of a request; the password is checked and never stored. */
  public record SignatureBody(String username, String password, String reason) {

    /**
     * The request to sign; the user id defaults to the bearer token's user, who gave their user id
     * and password to obtain it (a verifier names theirs). What the signature means is the
     * command's to decide.
     */
    SignatureRequest request(CurrentActor caller) {
      return new SignatureRequest(
          username == null ? caller.get().userId() : username, password, reason);
    }
  }
}
