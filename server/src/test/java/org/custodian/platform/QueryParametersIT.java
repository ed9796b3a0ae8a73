package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A list's query parameters are read by one reader ({@code QueryParams}): a value that does not
 * parse or is out of range is a 400 problem document naming the parameter, never the 404 JAX-RS
 * answers for a number it cannot convert, and never a quietly clamped page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryParametersIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "rev.one, tasks?limit=abc, limit",
    "rev.one, tasks?limit=0, limit",
    "rev.one, tasks?limit=201, limit",
    "rev.one, tasks?offset=-1, offset",
    "rev.one, tasks?scope=everything, scope",
    "rev.one, tasks?sort=oldest, sort",
    "rev.one, tasks?overdue=maybe, overdue",
    "apo.legal, breaches?limit=abc, limit",
    "apo.legal, breaches?limit=500, limit",
    "apo.legal, breaches?offset=x, offset",
    "apo.legal, disclosures?limit=abc, limit",
    "apo.legal, disclosures?from=yesterday, from",
    "apo.legal, disclosures?basis=8, basis",
    "anyone, public/policies/CMS/diff?to=abc, to",
    "anyone, public/policies/CMS/diff?to=2&from=x, from",
    "anyone, public/policies/CMS/diff?to=0, to",
    "auditor.iab, audit/entries/abc, seq",
    "auditor.iab, audit/entries/-1, seq",
    "auditor.iab, audit/entries/0?treeSize=0, treeSize",
    "auditor.iab, audit/entries/0?treeSize=99999999999, treeSize",
    "auditor.iab, audit/entries/99999999999, seq",
    "auditor.iab, audit/consistency, from",
    "auditor.iab, audit/consistency?from=x, from",
    "auditor.iab, audit/consistency?from=1&to=99999999999, to",
    "auditor.iab, audit/consistency?from=5&to=3, from",
    "auditor.iab, audit/checkpoints?from=-5, from",
    "auditor.iab, audit/checkpoints?limit=1001, limit",
    "auditor.iab, audit/checkpoints/daily?date=yesterday, date",
    "auditor.iab, audit/export?from=x, from",
    "auditor.iab, audit/export?from=5&to=3, from",
  })
  void aBadQueryParameterIsA400NamingIt(String user, String path, String field) {
    Api api = user.equals("anyone") ? Api.anonymous(url) : Api.as(url, user);
    Api.Answer answer = api.get(path);
    assertEquals(400, answer.status(), path + ": " + answer.body());
    assertEquals(field, answer.field(), answer.body());
  }
}
