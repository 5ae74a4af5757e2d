/**
 * Lots: receiving them into quarantine, QA releasing or rejecting them with a signature, and the
 * rules a lot must pass before it may be used (released, not expired, enough left).
 */
package com.batchtrace.genealogy.boundary;
