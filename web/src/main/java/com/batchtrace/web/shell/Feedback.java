package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.web.terminal.ServerMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
      refuse(refused.getMessage());
      return false;
    }
  }

  /** Runs the action and returns its answer, or empty when it was refused (with its message). */
  public static <T> Optional<T> obtain(Supplier<T> action, String success) {
    List<T> answer = new ArrayList<>(1);
    return attempt(() -> answer.add(action.get()), success)
        ? Optional.ofNullable(answer.get(0))
        : Optional.empty();
  }

  /** A confirmation the page composes after the action. */
  public static void info(String text) {
    message(FacesMessage.SEVERITY_INFO, text);
  }

  /** A warning the page composes after an action that was done but did not achieve its aim. */
  public static void warn(String text) {
    message(FacesMessage.SEVERITY_WARN, text);
  }

  /** A refusal the page itself gives: its message, and the request counts as failed. */
  public static void refuse(String text) {
    message(FacesMessage.SEVERITY_ERROR, text);
    FacesContext.getCurrentInstance().validationFailed();
  }

  /** The message in the page's language: the server's English sentences on the German terminal. */
  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(severity, ServerMessages.inPageLanguage(text), null));
  }
}
