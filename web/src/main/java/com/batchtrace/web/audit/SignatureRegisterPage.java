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
          () -> service().registerCount(appliedSigner),
          (offset, limit) -> service().registerRows(appliedSigner, offset, limit));

  private static SignatureService service() {
    return CDI.current().select(SignatureService.class).get();
  }

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
