package com.batchtrace.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Version 1 of the REST API; a breaking change gets {@code /api/v2}, never an edit here. */
@ApplicationPath("/api/v1")
public class RestApi extends Application {}
