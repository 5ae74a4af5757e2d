package com.batchtrace.web.audit;

import com.batchtrace.compliance.security.boundary.SecurityEventView;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.web.shell.PagedModel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backing bean of audit/security-events.xhtml: the security event log, newest first. */
@Named
@ViewScoped
public class SecurityEventsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private String user;
  private SecurityEventKind kind;
  private String appliedUser;
  private SecurityEventKind appliedKind;

  private final PagedModel<SecurityEventView> events =
      new PagedModel<>(
          () -> log().count(appliedUser, appliedKind),
          (offset, limit) -> log().rows(appliedUser, appliedKind, offset, limit));

  private static SecurityLog log() {
    return CDI.current().select(SecurityLog.class).get();
  }

  public void apply() {
    appliedUser = user;
    appliedKind = kind;
  }

  public List<SecurityEventKind> getKinds() {
    return List.of(SecurityEventKind.values());
  }

  public PagedModel<SecurityEventView> getEvents() {
    return events;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public SecurityEventKind getKind() {
    return kind;
  }

  public void setKind(SecurityEventKind kind) {
    this.kind = kind;
  }
}
