/**
 * What pages and the REST API call to read and maintain master data. Every write declares its
 * reason to the audit trail first; entities never leave this package: callers get views.
 */
package com.batchtrace.masterdata.boundary;
