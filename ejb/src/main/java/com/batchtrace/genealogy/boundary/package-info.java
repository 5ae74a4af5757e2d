/**
 * Lots: receiving them into quarantine, QA releasing or rejecting them with a signature, and the
 * rules a lot must pass before it may be used (released, not expired, enough left); batches; and
 * the genealogy trace, whole or one step at a time, with its CSV and PDF export.
 */
package com.batchtrace.genealogy.boundary;
