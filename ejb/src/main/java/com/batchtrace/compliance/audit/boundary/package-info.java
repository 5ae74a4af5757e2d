/**
 * The one audited write path. A service that changes a GxP record first tells {@link
 * com.batchtrace.compliance.audit.boundary.AuditTrail} why (a reason is required for any change to
 * an existing record), then writes through JPA; Envers records the old and new state in the same
 * transaction. The same boundary reads a record's history back.
 */
package com.batchtrace.compliance.audit.boundary;
