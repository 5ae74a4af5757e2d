/**
 * Internal pieces of batch execution: the content a step's signatures are linked to, assembled from
 * the step, its entries and its charges.
 */
package com.batchtrace.execution.control;
