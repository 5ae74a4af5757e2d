/**
 * Records and reads signed installation qualification records: QA signs ("performed") the record of
 * the IQ they executed; QA and auditors read them back with their checked signatures.
 */
package com.batchtrace.compliance.qualification.boundary;
