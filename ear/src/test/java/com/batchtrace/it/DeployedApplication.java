package com.batchtrace.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the EAR this build produced, unchanged, so every test exercises what ships. The tests are
 * clients (testable=false): they talk HTTP, SQL and browser to the running stack.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApplication {

  private static boolean operatorsOnEveryLine;

  /**
   * The demo operators work on every line in the test run: the tests make their own plants (each
   * with its own UNS path), and one login per role keeps them short. The demo realm assigns them to
   * the demo plant's lines only; tests of line assignment use users of their own.
   */
  @BeforeAll
  static synchronized void demoOperatorsOnEveryLine() {
    if (!operatorsOnEveryLine) {
      TestStack.assignLine(DemoUser.OPERATOR1.username, "");
      TestStack.assignLine(DemoUser.OPERATOR2.username, "");
      operatorsOnEveryLine = true;
    }
  }

  @Deployment(testable = false)
  public static EnterpriseArchive batchtrace() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(TestStack.property("batchtrace.ear")));
  }
}
