package com.batchtrace.web.shell;

import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * What the signature dialog (resources/bt/signatureDialog.xhtml) collects. At the first signing of
 * a session the signed-in user types their user id and password; later in the same session the user
 * id is shown and only the password is asked (21 CFR 11.200(a)(1)); the service decides which. The
 * password is handed on once and cleared, never kept in the view.
 */
@Named
@ViewScoped
public class SignatureForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Shell shell;

  @Inject SignatureService signatures;

  private String username;
  private transient String password;
  private String reason;

  /** The request for the service; clears the password and comment for the next signature. */
  public SignatureRequest take() {
    SignatureRequest request = new SignatureRequest(username, password, reason);
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

  /** The user id shown: as typed, else the signed-in user's once the session has signed. */
  public String getUsername() {
    if (username != null) {
      return username;
    }
    return isUserIdRequired() ? "" : shell.getUser().userId();
  }

  /** Whether the signer must type the user id: the session's first signing. */
  public boolean isUserIdRequired() {
    return signatures.userIdRequired();
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
