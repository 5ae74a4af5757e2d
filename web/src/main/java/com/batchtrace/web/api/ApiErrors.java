package com.batchtrace.web.api;

import com.batchtrace.compliance.signature.entity.SignatureRefused;
import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.platform.ConflictingChange;
import com.batchtrace.platform.RuleViolation;
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
 * change), a missing role 403, a malformed request keeps its status, and anything else is a logged
 * 500 whose body gives nothing away.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    if (failure instanceof ConflictingChange conflict) {
      return ApiError.response(409, conflict.getMessage());
    }
    if (failure instanceof SignatureRefused refused && refused.isLocked()) {
      return ApiError.response(ApiError.LOCKED, refused.getMessage());
    }
    if (failure instanceof RuleViolation rule) {
      return ApiError.response(ApiError.UNPROCESSABLE_CONTENT, rule.getMessage());
    }
    if (failure instanceof AccessRefused refused) {
      return ApiError.response(403, refused.getMessage());
    }
    if (causedBy(failure, JsonbException.class) || causedBy(failure, JsonException.class)) {
      return ApiError.response(
          400, "The request body is not valid JSON of the expected shape: " + rootMessage(failure));
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      String message =
          status == 400
              ? "The request body is not valid JSON of the expected shape: " + rootMessage(failure)
              : failure.getMessage();
      return ApiError.response(status, message);
    }
    LOG.log(Level.SEVERE, "Unexpected failure in the REST API", failure);
    return ApiError.response(
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
