/**
 * The integrity check of the tamper-evident chains (revisions, signatures, security events): runs
 * the database's chain walk, names the first broken link of each chain, and records the check as a
 * security event.
 */
package com.batchtrace.compliance.integrity.boundary;
