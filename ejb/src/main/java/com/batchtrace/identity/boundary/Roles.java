package com.batchtrace.identity.boundary;

import java.util.List;

/** The realm roles of the plant realm; constants so they can be used in annotations. */
public final class Roles {

  public static final String OPERATOR = "operator";
  public static final String QA_REVIEWER = "qa-reviewer";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";

  /** A machine gateway posting process values over REST; no person holds it. */
  public static final String GATEWAY = "gateway";

  public static final List<String> ALL = List.of(OPERATOR, QA_REVIEWER, AUDITOR, ADMIN);

  private Roles() {}
}
