package org.custodian.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build made, as deployed in production; in-container tests add themselves to it. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    String path = System.getProperty("custodian.war", "target/custodian.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }

  /** The WAR plus the test classes that run inside the server. */
  public static WebArchive warWith(Class<?>... classes) {
    return war().addClasses(classes).addPackage(Deployments.class.getPackage());
  }
}
