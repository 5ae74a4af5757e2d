/**
 * The electronic batch record's domain: step runs and their entries, exceptions, equipment
 * allocations, and the rules of step order ({@link StepSequence}), charges and sign-off, testable
 * without a server.
 */
package com.batchtrace.execution.entity;
