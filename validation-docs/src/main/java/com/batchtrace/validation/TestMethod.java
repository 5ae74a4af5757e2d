package com.batchtrace.validation;

import java.util.Comparator;
import java.util.Objects;

/**
 * A test method as the matrix names it.
 *
 * @param module the module folder under the repository root (e.g. {@code ejb})
 * @param className the binary class name, nested classes joined with {@code $}
 * @param methodName the method name without parameters
 */
public record TestMethod(String module, String className, String methodName)
    implements Comparable<TestMethod> {

  private static final Comparator<TestMethod> ORDER =
      Comparator.comparing(TestMethod::module)
          .thenComparing(TestMethod::className)
          .thenComparing(TestMethod::methodName);

  public TestMethod {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
  }

  /** {@code class#method}, the way the matrix shows the test next to its module. */
  public String qualifiedName() {
    return className + "#" + methodName;
  }

  @Override
  public int compareTo(TestMethod other) {
    return ORDER.compare(this, other);
  }
}
