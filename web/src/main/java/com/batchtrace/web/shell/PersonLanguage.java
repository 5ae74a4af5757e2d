package com.batchtrace.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The signed-in person's own language at the identity provider, for pages that offer several. */
public final class PersonLanguage {

  private PersonLanguage() {}

  /** The token's {@code locale} claim (chosen on the sign-in page), if any. */
  public static Optional<String> of(HttpServletRequest request) {
    return SignedInUser.locale(request);
  }
}
