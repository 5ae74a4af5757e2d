/**
 * The electronic batch record's one door: {@link BatchCommands} (start and end steps, charge lots,
 * complete) and {@link StepRecording} (entries, corrections, notes, "performed" and "verified"
 * signatures) for the terminal, an MES over REST and machine events ({@link MachineDataEvents});
 * {@link BatchRecords} and {@link BatchRecord}, the read model pages and quality read.
 */
package com.batchtrace.execution.boundary;
