/**
 * Internal work of the genealogy context: the recursive trace queries (the one place for them) and
 * the demo lots.
 */
package com.batchtrace.genealogy.control;
