package com.batchtrace.web.audit;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.compliance.audit.boundary.AuditSearch;
import com.batchtrace.compliance.audit.boundary.RecordChange;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.PagedModel;
import com.batchtrace.web.shell.SiteTime;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Backing bean of audit/index.xhtml: search form, paged results, record history, export links. */
@Named
@ViewScoped
public class AuditTrailPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditSearch search;

  @Inject SiteTime siteTime;

  @Inject com.batchtrace.web.shell.PlantWords words;

  private LocalDateTime from;
  private LocalDateTime to;
  private String user;
  private String recordType;
  private Long recordId;
  private String record;
  private String action;

  private AuditQuery query = AuditQuery.ALL;
  private final PagedModel<AuditEntry> entries =
      new PagedModel<>(
          () -> Math.min(countMatching(), AuditSearch.COUNT_CAP),
          (offset, limit) -> named(currentSearch().rows(query, offset, limit)));
  private final Map<String, String> labels = new java.util.HashMap<>();
  private long lastCount;

  private String historyOf;
  private List<RecordChange> history = List.of();

  /** Applies the form's criteria; the table reloads from its first page. */
  public void apply() {
    Feedback.attempt(
        () ->
            query =
                new AuditQuery(
                    instant(from), instant(to), user, recordType, recordId, action, record),
        null);
  }

  public void reset() {
    from = null;
    to = null;
    user = null;
    recordType = null;
    recordId = null;
    record = null;
    action = null;
    apply();
  }

  public void showHistory(AuditEntry entry) {
    Feedback.attempt(
        () -> {
          history = search.historyInWords(entry.recordType(), entry.recordId());
          historyOf = words.of(entry.recordType()) + " " + recordLabel(entry);
        },
        null);
  }

  /** The download link of the current search in one format. */
  public String exportLink(String format) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("format", format);
    if (query.from() != null) {
      params.put("from", query.from().toString());
    }
    if (query.to() != null) {
      params.put("to", query.to().toString());
    }
    params.put("user", query.userId());
    params.put("recordType", query.recordType());
    params.put("recordId", query.recordId() == null ? null : query.recordId().toString());
    params.put("action", query.action());
    params.put("record", query.record());
    return "export?"
        + params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** Learns the business identifiers of a page of entries as the table loads it. */
  private List<AuditEntry> named(List<AuditEntry> rows) {
    labels.putAll(currentSearch().labels(rows));
    return rows;
  }

  /** The business identifier of an entry's record, e.g. "batch B-2026-0142 step 2". */
  public String recordLabel(AuditEntry entry) {
    return labels.getOrDefault(AuditSearch.key(entry.recordType(), entry.recordId()), "");
  }

  /**
   * The fields a revision changed that people read; the row's edit counter (optimistic locking) is
   * bookkeeping, in the exports only.
   */
  public List<com.batchtrace.compliance.audit.boundary.FieldChange> fields(RecordChange change) {
    return change.changes().stream().filter(f -> !f.field().equals("version")).toList();
  }

  private long countMatching() {
    lastCount = currentSearch().count(query);
    return lastCount;
  }

  /** True when more entries match than the table pages through (the count stops at the cap). */
  public boolean isMoreThanShown() {
    return lastCount > AuditSearch.COUNT_CAP;
  }

  public int getCountCap() {
    return AuditSearch.COUNT_CAP;
  }

  private AuditSearch currentSearch() {
    if (search == null) {
      search = jakarta.enterprise.inject.spi.CDI.current().select(AuditSearch.class).get();
    }
    return search;
  }

  private Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(siteTime.zoneId()).toInstant();
  }

  public List<String> getRecordTypes() {
    return search.recordTypes();
  }

  public PagedModel<AuditEntry> getEntries() {
    return entries;
  }

  public String getFilterDescription() {
    return query.describe();
  }

  public String getHistoryOf() {
    return historyOf;
  }

  public List<RecordChange> getHistory() {
    return history;
  }

  public String getRecord() {
    return record;
  }

  public void setRecord(String record) {
    this.record = record;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getRecordType() {
    return recordType;
  }

  public void setRecordType(String recordType) {
    this.recordType = recordType;
  }

  public Long getRecordId() {
    return recordId;
  }

  public void setRecordId(Long recordId) {
    this.recordId = recordId;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
