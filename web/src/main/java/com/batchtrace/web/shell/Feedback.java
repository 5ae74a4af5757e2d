package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.platform.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * The one place a page turns a service's answer into a message: a refused rule or role becomes the
 * service's own sentence (it says what was wrong and that nothing changed), success a short
 * confirmation. Anything else is a defect and goes to the error page.
 */
public final class Feedback {

  private Feedback() {}

  /** Runs the action; returns whether it succeeded, with a message (on success if given). */
  public static boolean attempt(Runnable action, String success) {
    try {
      action.run();
      if (success != null) {
        message(FacesMessage.SEVERITY_INFO, success);
      }
      return true;
    } catch (RuleViolation | AccessRefused refused) {
      message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
      FacesContext.getCurrentInstance().validationFailed();
      return false;
    }
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
