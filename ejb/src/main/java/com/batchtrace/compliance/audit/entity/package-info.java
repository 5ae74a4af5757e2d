/**
 * The Envers revision entity: one row per audited transaction, saying when (UTC), who (user id and
 * printed name), why (reason for change) and from which client. Rows are append-only: the runtime
 * database role may insert but never update or delete them.
 */
package com.batchtrace.compliance.audit.entity;
