/**
 * The signed IQ record: what was executed against which release and schema, on which host, with
 * which outcome, and the record itself as it was produced. Never changed once written.
 */
package com.batchtrace.compliance.qualification.entity;
