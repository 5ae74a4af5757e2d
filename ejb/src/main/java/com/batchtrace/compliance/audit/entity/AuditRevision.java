package com.batchtrace.compliance.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One audited transaction. Filled by {@link AuditRevisionListener}; never changed afterwards. */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
  @SequenceGenerator(
      name = "audit_revision_seq",
      sequenceName = "audit_revision_seq",
      allocationSize = 50)
  @RevisionNumber
  private Long id;

  @RevisionTimestamp
  @Column(name = "revision_time", nullable = false)
  private Instant revisionTime;

  @Column(name = "user_id", nullable = false)
  private String userId;

  /** The identity provider's immutable id of the person's account; null for the system. */
  @Column(name = "user_subject", length = 64)
  private String userSubject;

  @Column(name = "user_name", nullable = false)
  private String userName;

  @Column(name = "reason", nullable = false, length = 2000)
  private String reason;

  @Column(name = "client_address")
  private String clientAddress;

  public Long getId() {
    return id;
  }

  public Instant getRevisionTime() {
    return revisionTime;
  }

  public String getUserId() {
    return userId;
  }

  public String getUserName() {
    return userName;
  }

  public String getUserSubject() {
    return userSubject;
  }

  public String getReason() {
    return reason;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  /** Called once, by the revision listener, before the row is inserted. */
  public void stamp(
      Instant time,
      String userId,
      String userSubject,
      String userName,
      String reason,
      String clientAddress) {
    this.revisionTime = time;
    this.userId = userId;
    this.userSubject = userSubject;
    this.userName = userName;
    this.reason = reason;
    this.clientAddress = clientAddress;
  }
}
