/**
 * Running batches on the shop floor: starting and ending steps on equipment (the allocations that
 * put machine data into context). The operator terminal builds on this (issue 6).
 */
package com.batchtrace.execution.boundary;
