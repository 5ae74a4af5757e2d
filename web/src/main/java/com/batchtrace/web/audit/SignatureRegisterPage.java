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
          (offset, limit) -> named(service().registerRows(appliedSigner, offset, limit)));

  private final java.util.Map<String, String> labels = new java.util.HashMap<>();

  /** Learns the business identifiers of the signed records of a page as the table loads it. */
  private java.util.List<SignatureView> named(java.util.List<SignatureView> rows) {
    java.util.Map<String, java.util.Set<Long>> ids = new java.util.HashMap<>();
    for (SignatureView s : rows) {
      if (s.recordId() != null && s.recordId().matches("\\d{1,18}")) {
        ids.computeIfAbsent(s.recordType(), t -> new java.util.HashSet<>())
            .add(Long.valueOf(s.recordId()));
      }
    }
    labels.putAll(
        CDI.current()
            .select(com.batchtrace.compliance.audit.boundary.AuditSearch.class)
            .get()
            .labelsOf(ids));
    return rows;
  }

  /** The business identifier of a signed record, e.g. "batch B-2026-0142 step 2". */
  public String recordLabel(SignatureView signature) {
    if (signature.recordId() == null || !signature.recordId().matches("\\d{1,18}")) {
      return "";
    }
    return labels.getOrDefault(
        com.batchtrace.compliance.audit.boundary.AuditSearch.key(
            signature.recordType(), Long.parseLong(signature.recordId())),
        "");
  }

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
