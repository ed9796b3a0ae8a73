package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Session;
import org.custodian.testing.Session.From;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The response headers of screens and API: a Content-Security-Policy with a nonce and no inline
 * script on every screen, no framing, no sniffing, no referrer, no powerful features; over HTTPS,
 * Strict-Transport-Security and Secure cookies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static void common(java.net.http.HttpHeaders headers, String what) {
    assertEquals(List.of("DENY"), headers.allValues("X-Frame-Options"), what);
    assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), what);
    assertEquals(List.of("no-referrer"), headers.allValues("Referrer-Policy"), what);
    assertTrue(headers.firstValue("Permissions-Policy").orElse("").contains("camera=()"), what);
    assertTrue(
        headers.allValues("Content-Security-Policy").stream()
            .anyMatch(p -> p.contains("frame-ancestors 'none'")),
        what);
  }

  @Test
  void everyScreenHasAPolicyWithANonceAndNoInlineScript() {
    Session admin = Session.signedIn(url, "co.ramirez");
    for (String screen :
        new String[] {
          "index.xhtml",
          "inbox/index.xhtml",
          "access/new.xhtml",
          "breach/new.xhtml",
          "disclosure/new.xhtml"
        }) {
      Session.Reply page = admin.get(screen, From.OWN_PAGE);
      assertEquals(200, page.status(), screen);
      common(page.headers(), screen);
      String policy =
          page.headers().allValues("Content-Security-Policy").stream()
              .filter(p -> p.contains("script-src"))
              .findFirst()
              .orElseThrow();
      assertFalse(
          policy.contains("'unsafe-inline'")
              && policy.matches(".*script-src[^;]*'unsafe-inline'.*"),
          policy);
      assertFalse(policy.contains("'unsafe-eval'"), policy);
      Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
      assertTrue(nonce.find(), policy);
      Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
      int count = 0;
      while (scripts.find()) {
        count++;
        assertTrue(
            scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""),
            screen + ": a script without the page's nonce: " + scripts.group());
      }
      assertTrue(count > 0, screen);
      assertFalse(
          Pattern.compile("\\son[a-z]+=\"").matcher(page.body()).find(),
          screen + " has an inline event handler");
      assertFalse(page.body().contains("javascript:"), screen);
    }
  }

  @Test
  void thePublicPagesAndTheSignInPageHaveTheirPolicyToo() {
    Session anyone = Session.anonymous(url);
    for (String page :
        new String[] {
          "login.xhtml", "index.xhtml", "public/index.xhtml", "public/policy.xhtml?policy=CMS"
        }) {
      Session.Reply reply = anyone.get(page, From.OWN_PAGE);
      assertEquals(200, reply.status(), page);
      common(reply.headers(), page);
      assertTrue(
          reply.headers().allValues("Content-Security-Policy").stream()
              .anyMatch(p -> p.contains("'nonce-")),
          page);
    }
  }

  @Test
  void theApiAnswersAreDataThatRunNothing() {
    Api.Answer me = Api.as(url, "co.ramirez").get("me");
    assertEquals(200, me.status());
    java.net.http.HttpHeaders headers =
        Session.anonymous(url).get("api/public/policies", null).headers();
    common(headers, "the API");
    assertTrue(
        headers.firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"),
        headers.toString());
  }

  /**
   * Over HTTPS (the server's https listener, with the self-signed certificate it makes for a test
   * host), the browser is told to use HTTPS only, and the session cookie is Secure.
   */
  @Test
  void overHttpsTheBrowserIsToldToStayOnHttpsAndTheSessionCookieIsSecure() throws Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    // a screen that needs a sign-in: the sign-in form keeps where the visitor was going in a
    // session
    URL page = new URL("https://" + url.getHost() + ":8443" + url.getPath() + "index.xhtml");
    HttpsURLConnection https = (HttpsURLConnection) page.openConnection();
    https.setSSLSocketFactory(trustAll.getSocketFactory());
    https.setHostnameVerifier((host, session) -> true); // the server's self-signed test certificate
    https.setInstanceFollowRedirects(false);
    assertEquals(200, https.getResponseCode());
    assertTrue(
        https.getHeaderField("Strict-Transport-Security") != null
            && https.getHeaderField("Strict-Transport-Security").contains("max-age="));
    String cookie =
        https.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
            .filter(c -> c.startsWith("JSESSIONID"))
            .findFirst()
            .orElseThrow();
    String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(attributes.contains("; secure"), cookie);
    assertTrue(attributes.contains("httponly"), cookie);
    assertTrue(attributes.contains("samesite=lax"), cookie);
    https.disconnect();

    HttpResponse<String> plain =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(
        plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "not over plain HTTP");
  }
}
