/**
 * Generates the traceability matrix of the validation package: from the numbered user requirements
 * in {@code validation-docs/src/docs/URS.md}, through the tests that carry a requirement id
 * ({@code @Tag("URS-nnn")} on the test class or method), to each test's result in the last test run
 * (the JUnit XML reports under {@code target/surefire-reports} and {@code target/failsafe-reports}
 * of every module).
 *
 * <p>It exists so that nobody types the matrix: a requirement is "verified" only when it has tests
 * and all of them passed in the reports, "FAILED" as soon as one failed, "not run" when some have
 * no result (or were skipped) and "NOT COVERED" when no test names it; a test tagged with an id
 * that is not in the URS is listed as an unknown requirement and fails the generator, so a typo
 * cannot hide a gap. Plain Java with the JDK only (a small tokenizer instead of a Java parser, the
 * JDK's XML parser for the reports), run by the build in the {@code verify} phase of {@code
 * validation-docs}.
 *
 * <p>Start at {@link com.batchtrace.validation.TraceabilityMatrixGenerator}.
 */
package com.batchtrace.validation;
