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
  private String meaning;
  private String batchNumber;
  private java.time.LocalDateTime from;
  private java.time.LocalDateTime to;
  private String validity;
  private com.batchtrace.compliance.signature.boundary.RegisterFilter applied =
      com.batchtrace.compliance.signature.boundary.RegisterFilter.ALL;

  private final PagedModel<SignatureView> signatures =
      new PagedModel<>(
          () -> service().registerCount(applied),
          (offset, limit) -> named(service().registerRows(applied, offset, limit)));

  private final java.util.Map<String, String> labels = new java.util.HashMap<>();

  /** Learns the business identifiers of the signed records of a page as the table loads it. */
  private java.util.List<SignatureView> named(java.util.List<SignatureView> rows) {
    java.util.Map<String, java.util.Set<Long>> ids = new java.util.HashMap<>();
    for (SignatureView s : rows) {
      if (s.recordId() != null && s.recordId().matches("\\d{1,18}")) {
        ids.computeIfAbsent(labelType(s.recordType()), t -> new java.util.HashSet<>())
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
            labelType(signature.recordType()), Long.parseLong(signature.recordId())),
        "");
  }

  /** A batch's completion is named by its batch (the record's id is the batch's). */
  private static String labelType(String recordType) {
    return "BatchCompletion".equals(recordType) ? "Batch" : recordType;
  }

  private static SignatureService service() {
    return CDI.current().select(SignatureService.class).get();
  }

  /** Applies the filters; the table reloads from its first page. */
  public void apply() {
    com.batchtrace.web.shell.Feedback.attempt(
        () ->
            applied =
                new com.batchtrace.compliance.signature.boundary.RegisterFilter(
                    signer, meaning, batchNumber, instant(from), instant(to), validity),
        null);
  }

  public void reset() {
    signer = null;
    meaning = null;
    batchNumber = null;
    from = null;
    to = null;
    validity = null;
    apply();
  }

  private static java.time.Instant instant(java.time.LocalDateTime local) {
    return local == null ? null : local.atZone(com.batchtrace.platform.SiteZone.zone()).toInstant();
  }

  /** The meanings to filter on, as the manifestation words them. */
  public java.util.List<com.batchtrace.compliance.signature.entity.SignatureMeaning> getMeanings() {
    return java.util.List.of(com.batchtrace.compliance.signature.entity.SignatureMeaning.values());
  }

  /** A signature's validity in words, as the page and the export show it. */
  public String validityWords(SignatureView signature) {
    return SignatureRegisterExportServlet.validityWords(signature);
  }

  /** The export of the register as the applied search shows it (a download link). */
  public String getExportLink() {
    return SignatureRegisterExportServlet.link(applied);
  }

  public String getValidity() {
    return validity;
  }

  public void setValidity(String validity) {
    this.validity = validity;
  }

  public String getMeaning() {
    return meaning;
  }

  public void setMeaning(String meaning) {
    this.meaning = meaning;
  }

  public String getBatchNumber() {
    return batchNumber;
  }

  public void setBatchNumber(String batchNumber) {
    this.batchNumber = batchNumber;
  }

  public java.time.LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(java.time.LocalDateTime from) {
    this.from = from;
  }

  public java.time.LocalDateTime getTo() {
    return to;
  }

  public void setTo(java.time.LocalDateTime to) {
    this.to = to;
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
