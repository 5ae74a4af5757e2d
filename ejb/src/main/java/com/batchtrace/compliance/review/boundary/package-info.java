/**
 * Audit trail reviews: an auditor or QA reviewer checks the chains, reads the period and signs the
 * review with the meaning "reviewed" through the signature service.
 */
package com.batchtrace.compliance.review.boundary;
