package com.batchtrace.web.audit;

import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.web.shell.PagedModel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** Backing bean of audit/signatures.xhtml: every electronic signature, newest first. */
@Named
@ViewScoped
public class SignatureRegisterPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private String signer;
  private String appliedSigner;

  private final PagedModel<SignatureView> signatures =
      new PagedModel<>(
          (offset, limit) ->
              CDI.current()
                  .select(SignatureService.class)
                  .get()
                  .register(appliedSigner, offset, limit));

  public void apply() {
    appliedSigner = signer;
  }

  public PagedModel<SignatureView> getSignatures() {
    return signatures;
  }

  public String getSigner() {
    return signer;
  }

  public void setSigner(String signer) {
    this.signer = signer;
  }
}
