/**
 * The audit trail review (EU Annex 11 §9): a signed statement that the audit trail of a period was
 * read and its chains were intact (or not), pinned to the chain head at the time.
 */
package com.batchtrace.compliance.review.entity;
