/**
 * Installation qualification records (EU Annex 11 §4): the IQ run against an installation ({@code
 * ./batchtrace iq}) is kept here as executed, with every check, and signed by the QA person who
 * performed it through the one signature service.
 */
package com.batchtrace.compliance.qualification;
