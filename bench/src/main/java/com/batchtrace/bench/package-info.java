/**
 * Benchmarks: each prints its own figures and the reference it is compared with, measured in the
 * same run on the same data. Run them with {@code ./batchtrace bench}.
 */
package com.batchtrace.bench;
