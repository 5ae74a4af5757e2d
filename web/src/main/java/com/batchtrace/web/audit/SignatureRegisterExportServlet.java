package com.batchtrace.web.audit;

import com.batchtrace.compliance.audit.boundary.AuditSearch;
import com.batchtrace.compliance.signature.boundary.RegisterFilter;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import com.batchtrace.web.shell.PlantWords;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signature register's CSV download (under /audit/*, so only auditors reach it): the signatures
 * the page's search shows, in the page's words (meaning, validity recomputed now, the signed
 * record's business identifier, times in the site's zone), with the export checksum.
 */
@WebServlet("/audit/signatures-export")
public class SignatureRegisterExportServlet extends HttpServlet {

  @Inject SignatureService signatures;

  @Inject AuditSearch auditSearch;

  @Inject PlantWords words;

  static final List<String> COLUMNS =
      List.of(
          "Signed at",
          "Signer",
          "User id",
          "Account",
          "Meaning",
          "Validity",
          "Record",
          "Comment",
          "Signed content (SHA-256)");

  /** A signature's validity in words, as the page and the export show it. */
  static String validityWords(SignatureView signature) {
    return signature.valid() ? "Valid" : "Invalid: the record changed after signing";
  }

  /** The download link (relative to the register's page) for the search. */
  static String link(RegisterFilter f) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("signer", f.signer());
    params.put("meaning", f.meaning());
    params.put("batch", f.batchNumber());
    params.put("from", f.from() == null ? null : f.from().toString());
    params.put("to", f.to() == null ? null : f.to().toString());
    params.put("validity", f.validity());
    return "signatures-export"
        + params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&", "?", ""));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] csv;
    try {
      RegisterFilter filter =
          new RegisterFilter(
              bounded(request.getParameter("signer"), 255),
              bounded(request.getParameter("meaning"), 40),
              bounded(request.getParameter("batch"), 100),
              instant(request.getParameter("from")),
              instant(request.getParameter("to")),
              bounded(request.getParameter("validity"), 40));
      csv = signatures.registerCsv(filter, describe(filter), COLUMNS, this::rows);
    } catch (RuleViolation bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"signature-register.csv\"");
    response.setContentLength(csv.length);
    response.getOutputStream().write(csv);
  }

  private List<List<String>> rows(List<SignatureView> rows) {
    Map<String, Set<Long>> ids = new HashMap<>();
    for (SignatureView s : rows) {
      if (s.recordId() != null && s.recordId().matches("\\d{1,18}")) {
        ids.computeIfAbsent(s.recordType(), t -> new HashSet<>()).add(Long.valueOf(s.recordId()));
      }
    }
    Map<String, String> labels = auditSearch.labelsOf(ids);
    List<List<String>> values = new ArrayList<>(rows.size());
    for (SignatureView sig : rows) {
      String label =
          sig.recordId() != null && sig.recordId().matches("\\d{1,18}")
              ? labels.getOrDefault(
                  AuditSearch.key(sig.recordType(), Long.parseLong(sig.recordId())), "")
              : "";
      values.add(
          List.of(
              SiteZone.format(sig.signedAt()),
              sig.signerName(),
              sig.signerId(),
              sig.signerAccount() == null ? "" : sig.signerAccount(),
              sig.meaningLabel(),
              validityWords(sig),
              (words.of(sig.recordType()) + " " + label).strip(),
              sig.reason() == null ? "" : sig.reason(),
              sig.contentSha256()));
    }
    return values;
  }

  /** The search in words, for the export's header and the security event. */
  private static String describe(RegisterFilter f) {
    List<String> parts = new ArrayList<>();
    if (f.signer() != null) {
      parts.add("signer " + f.signer());
    }
    if (f.meaning() != null) {
      parts.add("meaning " + meaning(f.meaning()).label());
    }
    if (f.batchNumber() != null) {
      parts.add("batch " + f.batchNumber());
    }
    if (f.from() != null) {
      parts.add("signed from " + SiteZone.format(f.from()));
    }
    if (f.to() != null) {
      parts.add("signed before " + SiteZone.format(f.to()));
    }
    if (f.validity() != null) {
      parts.add(f.validity().equals("VALID") ? "valid only" : "invalid only");
    }
    return parts.isEmpty() ? "every signature" : String.join(", ", parts);
  }

  private static SignatureMeaning meaning(String code) {
    for (SignatureMeaning m : SignatureMeaning.values()) {
      if (m.name().equals(code)) {
        return m;
      }
    }
    throw new RuleViolation(
        "'" + code + "' is not a meaning of a signature. Nothing was exported.");
  }

  private static String bounded(String value, int max) {
    if (value != null && value.length() > max) {
      throw new RuleViolation(
          "A search criterion is longer than " + max + " characters. Nothing was exported.");
    }
    return value;
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(bounded(value, 40));
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "'" + value + "' is not a time such as 2026-12-06T08:00:00Z. Nothing was exported.");
    }
  }
}
