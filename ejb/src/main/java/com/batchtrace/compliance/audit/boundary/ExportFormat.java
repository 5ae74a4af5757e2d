package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.platform.RuleViolation;
import java.util.Locale;

/** The formats an audit trail search can be exported in. */
public enum ExportFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  PDF("application/pdf", "pdf"),
  JSON("application/json", "json");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  public static ExportFormat of(String name) {
    try {
      return valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new RuleViolation("Export format '" + name + "' is not known; use csv, pdf or json.");
    }
  }
}
