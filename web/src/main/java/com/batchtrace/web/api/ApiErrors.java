package com.batchtrace.web.api;

import com.batchtrace.compliance.signature.entity.SignatureRefused;
import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.platform.ConflictingChange;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.TransientFailure;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place the API decides what an exception means: a broken rule is 422 (409 for a concurrent
 * change), a missing role 403, a malformed request keeps its status, a database that cannot be
 * reached for the moment 503 with Retry-After, and anything else is a logged 500 whose body gives
 * nothing away.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  /** Seconds a client waits before it tries again after a 503. */
  static final int RETRY_AFTER_SECONDS = 5;

  @Override
  public Response toResponse(Throwable failure) {
    ApiError error = describe(failure);
    if (error.status() == 500) {
      LOG.log(Level.SEVERE, "Unexpected failure in the REST API", failure);
    } else if (error.status() == 503) {
      LOG.log(
          Level.WARNING,
          "The database could not be reached; answered 503: {0}",
          rootMessage(failure));
    }
    Response.ResponseBuilder response = ApiError.builder(error.status(), error.message());
    if (error.status() == 503) {
      response.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    return response.build();
  }

  /** What the failure means to the client: its status and message. */
  static ApiError describe(Throwable failure) {
    if (failure instanceof ConflictingChange conflict) {
      return ApiError.of(409, conflict.getMessage());
    }
    if (failure instanceof SignatureRefused refused && refused.isLocked()) {
      return ApiError.of(ApiError.LOCKED, refused.getMessage());
    }
    if (failure instanceof RuleViolation rule) {
      return ApiError.of(ApiError.UNPROCESSABLE_CONTENT, rule.getMessage());
    }
    if (failure instanceof AccessRefused refused) {
      return ApiError.of(403, refused.getMessage());
    }
    if (causedBy(failure, JsonbException.class) || causedBy(failure, JsonException.class)) {
      return ApiError.of(
          400, "The request body is not valid JSON of the expected shape: " + rootMessage(failure));
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      String message =
          status == 400
              ? "The request body is not valid JSON of the expected shape: " + rootMessage(failure)
              : failure.getMessage();
      return ApiError.of(status, message);
    }
    if (TransientFailure.isTransient(failure)) {
      // A failover of the database, or a node short of connections: the client shows the record
      // again (a commit cut off by a crash may have been kept by the standby) and tries again.
      return ApiError.of(
          503,
          "The database cannot be reached at the moment (the site may be switching to its standby"
              + " database). Show the record again to see whether your last action was saved,"
              + " then try again in a few seconds.");
    }
    return ApiError.of(
        500,
        "The server could not complete the request. Nothing was changed; the error is logged.");
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
