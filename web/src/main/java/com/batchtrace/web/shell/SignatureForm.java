package com.batchtrace.web.shell;

import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * What the signature dialog (resources/bt/signatureDialog.xhtml) collects. The user id starts as
 * the signed-in user's; the password is handed on once and cleared, never kept in the view.
 */
@Named
@ViewScoped
public class SignatureForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Shell shell;

  private String username;
  private transient String password;
  private String reason;

  /** The request for the service; clears the password and comment for the next signature. */
  public SignatureRequest take() {
    SignatureRequest request =
        new SignatureRequest(
            username == null || username.isBlank() ? shell.getUser().userId() : username,
            password,
            reason);
    password = null;
    reason = null;
    return request;
  }

  /** Before a dialog where the signed-in user signs: their own user id, read-only. */
  public void asSignedInUser() {
    username = null;
    password = null;
    reason = null;
  }

  /**
   * Before a second person's verification at the same terminal: the user id starts empty, for the
   * verifier to type their own.
   */
  public void asSecondPerson() {
    username = "";
    password = null;
    reason = null;
  }

  public String getUsername() {
    return username == null ? shell.getUser().userId() : username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
