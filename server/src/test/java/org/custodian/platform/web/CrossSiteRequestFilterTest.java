package org.custodian.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossSiteRequestFilterTest {

  private static FakeRequests.Response run(Map<String, String> request, FakeRequests.Chain chain)
      throws Exception {
    Map<String, String> values = new HashMap<>(Map.of("Host", "custodian.example:8443"));
    values.putAll(request);
    FakeRequests.Response response = new FakeRequests.Response();
    new CrossSiteRequestFilter()
        .doFilter(FakeRequests.request(values, null), response.proxy(), chain);
    return response;
  }

  @Test
  void ownPagesAndClientsWithoutBrowserHeadersPass() throws Exception {
    for (Map<String, String> request :
        new Map[] {
          Map.of(
              "Sec-Fetch-Site", "same-origin", "method", "POST", "uri", "/custodian/api/breaches"),
          Map.of("Sec-Fetch-Site", "none", "uri", "/custodian/inbox/index.xhtml"),
          Map.of("method", "POST", "uri", "/custodian/api/breaches"),
          Map.of(
              "Origin",
              "https://custodian.example:8443",
              "method",
              "POST",
              "uri",
              "/custodian/api/breaches"),
        }) {
      FakeRequests.Chain chain = new FakeRequests.Chain();
      run(request, chain);
      assertTrue(chain.passed, request.toString());
    }
  }

  @Test
  void anotherSitesPostOrScriptIsRefusedWithAProblemDocument() throws Exception {
    for (String site : new String[] {"cross-site", "same-site"}) {
      FakeRequests.Chain chain = new FakeRequests.Chain();
      FakeRequests.Response response =
          run(
              Map.of(
                  "Sec-Fetch-Site",
                  site,
                  "Sec-Fetch-Mode",
                  "navigate",
                  "method",
                  "POST",
                  "uri",
                  "/custodian/api/recertification-campaigns"),
              chain);
      assertFalse(chain.passed);
      assertEquals(403, response.status);
      assertEquals("application/problem+json", response.headers.get("Content-Type"));
    }
  }

  @Test
  void withoutFetchMetadataTheOriginDecides() throws Exception {
    FakeRequests.Chain chain = new FakeRequests.Chain();
    FakeRequests.Response response =
        run(
            Map.of(
                "Origin",
                "https://evil.example",
                "method",
                "POST",
                "uri",
                "/custodian/api/breaches"),
            chain);
    assertFalse(chain.passed);
    assertEquals(403, response.status);
    FakeRequests.Chain opaque = new FakeRequests.Chain();
    run(Map.of("Origin", "null", "method", "POST", "uri", "/custodian/api/breaches"), opaque);
    assertFalse(opaque.passed, "an opaque origin (a sandboxed frame) is another site");
  }

  @Test
  void aLinkFromAnotherSiteToAScreenGetsOnlyAPageToContinueFrom() throws Exception {
    FakeRequests.Chain chain = new FakeRequests.Chain();
    FakeRequests.Response response =
        run(
            Map.of(
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "navigate",
                "Sec-Fetch-Dest",
                "document",
                "uri",
                "/custodian/disclosure/ledger.xhtml",
                "query",
                "subject=\"><script>alert(1)</script>"),
            chain);
    assertFalse(chain.passed, "the screen is not opened");
    assertEquals(200, response.status);
    String page = response.body.toString();
    assertTrue(
        page.contains("href=\"/custodian/disclosure/ledger.xhtml?subject=&quot;&gt;&lt;script&gt;"),
        page);
    assertFalse(page.contains("<script>"), "what the link carries is escaped: " + page);
  }

  @Test
  void aLinkFromAnotherSiteIntoTheApiIsRefused() throws Exception {
    FakeRequests.Chain chain = new FakeRequests.Chain();
    FakeRequests.Response response =
        run(
            Map.of(
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "navigate",
                "Sec-Fetch-Dest",
                "document",
                "uri",
                "/custodian/api/disclosures"),
            chain);
    assertFalse(chain.passed);
    assertEquals(403, response.status);
  }

  @Test
  void thePublicPagesAreOpenToOtherSites() throws Exception {
    for (String uri :
        new String[] {
          "/custodian/public/index.xhtml",
          "/custodian/api/public/policies",
          "/custodian/jakarta.faces.resource/core.js.xhtml"
        }) {
      FakeRequests.Chain chain = new FakeRequests.Chain();
      run(Map.of("Sec-Fetch-Site", "cross-site", "uri", uri), chain);
      assertTrue(chain.passed, uri);
    }
  }
}
