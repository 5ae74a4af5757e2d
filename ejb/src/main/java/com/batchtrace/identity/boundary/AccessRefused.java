package com.batchtrace.identity.boundary;

/** The actor lacks the role an action needs (HTTP 403 at the boundary). */
public class AccessRefused extends RuntimeException {

  public AccessRefused(String message) {
    super(message);
  }
}
