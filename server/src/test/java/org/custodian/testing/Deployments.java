package org.custodian.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build made, as deployed in production; in-container tests add themselves to it. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    String path = System.getProperty("custodian.war", "target/custodian.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }

  /**
   * The WAR plus the test classes that run inside the server. Arquillian's test runner servlet is
   * opened in web.xml (every other path keeps its security constraint).
   */
  public static WebArchive warWith(Class<?>... classes) {
    WebArchive war = war();
    String webXml;
    try (InputStream in = war.get("/WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String open = "<url-pattern>/api/*</url-pattern>";
    if (!webXml.contains(open)) {
      throw new IllegalStateException("web.xml no longer opens /api/*; update Deployments");
    }
    webXml = webXml.replace(open, open + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>");
    war.delete("/WEB-INF/web.xml");
    war.setWebXML(new StringAsset(webXml));
    return war.addClasses(classes).addPackage(Deployments.class.getPackage());
  }
}
