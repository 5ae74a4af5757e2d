/**
 * Internal pieces of batch execution: loading a batch's record, equipment allocations, the content
 * a step's signatures are linked to, and the one place that decides what in the machine data is an
 * exception.
 */
package com.batchtrace.execution.control;
