package com.batchtrace.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the EAR this build produced, unchanged, so every test exercises what ships. The tests are
 * clients (testable=false): they talk HTTP, SQL and browser to the running stack.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApplication {

  @Deployment(testable = false)
  public static EnterpriseArchive batchtrace() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(TestStack.property("batchtrace.ear")));
  }
}
