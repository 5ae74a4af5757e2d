/**
 * The auditor's pages: audit trail search with field-level record history and exports, the
 * signature register, the security event log, the integrity check and signed audit trail reviews.
 */
package com.batchtrace.web.audit;
