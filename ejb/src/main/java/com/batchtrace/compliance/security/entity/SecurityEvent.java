package com.batchtrace.compliance.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One security event. Immutable: there are no setters, and the database refuses UPDATE. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

  static final int MAX_DETAIL = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "security_event_seq")
  @SequenceGenerator(
      name = "security_event_seq",
      sequenceName = "security_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 32)
  private SecurityEventKind kind;

  @Column(name = "user_id", nullable = false)
  private String userId;

  /** The identity provider's immutable id of the person's account, when known. */
  @Column(name = "user_subject", length = 64)
  private String userSubject;

  @Column(name = "user_name", nullable = false)
  private String userName;

  @Column(name = "client_address")
  private String clientAddress;

  @Column(name = "detail", nullable = false, length = MAX_DETAIL)
  private String detail;

  protected SecurityEvent() {}

  public SecurityEvent(
      Instant occurredAt,
      SecurityEventKind kind,
      String userId,
      String userSubject,
      String userName,
      String clientAddress,
      String detail) {
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.userSubject = userSubject;
    this.userName = Objects.requireNonNull(userName, "userName");
    this.clientAddress = clientAddress;
    String text = Objects.requireNonNull(detail, "detail");
    this.detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 1) + "…" : text;
  }

  public String getUserSubject() {
    return userSubject;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public SecurityEventKind getKind() {
    return kind;
  }

  public String getUserId() {
    return userId;
  }

  public String getUserName() {
    return userName;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getDetail() {
    return detail;
  }
}
