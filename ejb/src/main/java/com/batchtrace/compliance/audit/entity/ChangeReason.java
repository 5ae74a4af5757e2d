package com.batchtrace.compliance.audit.entity;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;

/**
 * The reason for change of the current transaction. Transaction-scoped because an Envers revision
 * is one per transaction: whatever the transaction writes shares this reason.
 */
@TransactionScoped
public class ChangeReason implements Serializable {

  private static final long serialVersionUID = 1L;

  private String text;

  public void set(String text) {
    this.text = text;
  }

  public String get() {
    return text;
  }
}
