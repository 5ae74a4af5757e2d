package com.batchtrace.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error the API returns.
 *
 * @param status the HTTP status, repeated for clients that only keep the body
 * @param error the status phrase
 * @param message what was wrong and what to do, for a person
 */
public record ApiError(int status, String error, String message) {

  /** 422: well-formed, but a business rule refuses it (not in JAX-RS 3.1's Status enum). */
  static final int UNPROCESSABLE_CONTENT = 422;

  /** 423: the signer is locked out of signing for a while after repeated wrong passwords. */
  static final int LOCKED = 423;

  static Response response(int status, String message) {
    return builder(status, message).build();
  }

  static Response.ResponseBuilder builder(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(of(status, message));
  }

  static ApiError of(int status, String message) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String phrase =
        known != null
            ? known.getReasonPhrase()
            : status == UNPROCESSABLE_CONTENT
                ? "Unprocessable Content"
                : status == LOCKED ? "Locked" : "Error";
    return new ApiError(status, phrase, message);
  }
}
