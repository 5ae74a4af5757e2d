/**
 * The security event log: the one place that records a security event, in a transaction of its own
 * so a refused action still leaves its trace, and reads the log back for auditors.
 */
package com.batchtrace.compliance.security.boundary;
