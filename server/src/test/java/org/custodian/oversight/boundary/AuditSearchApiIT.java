package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auditor's console over the API: who accessed a subject or a record, a member's use, a user's
 * actions, each entry with its place in the log; a Commanding Officer sees only their command's
 * members; the City Chief Privacy Officer and reviewers see nothing; bad criteria are refused by
 * field; searches and exports (CSV, PDF) are themselves audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditSearchApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A new member of the command, by tax number. */
  private String member(String command, String name) {
    return new Scenario(url).added(command, name).taxNumber();
  }

  private static JsonObject event(
      String id, String at, String tax, String action, String subject, String record) {
    return Json.createObjectBuilder()
        .add("eventId", id)
        .add("at", at)
        .add("memberTaxNumber", tax)
        .add("action", action)
        .add("subject", subject)
        .add("record", record)
        .add("purpose", "case follow-up")
        .build();
  }

  private void report(JsonObject... events) {
    new Scenario(url).reported(events);
  }

  private static List<JsonObject> entries(Api.Answer answer) {
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
  }

  @Test
  void whoAccessedASubjectIsAnsweredForTheWholeLogAndForACommandingOfficersOwnMembersOnly()
      throws Exception {
    String run = "s" + System.nanoTime();
    String subject = "Robin Search " + run;
    String ours = member("PCT-075", "Officer Near " + run);
    String theirs = member("PCT-040", "Officer Far " + run);
    report(
        event(run + "-1", "2026-12-01T10:00:00Z", ours, "SEARCH", subject, "NYSID-" + run),
        event(run + "-2", "2026-12-02T11:00:00Z", theirs, "VIEW", subject, "CMS-" + run),
        event(run + "-3", "2026-12-03T12:00:00Z", theirs, "PRINT", "Someone Else", "CMS-" + run));
    long mark = AuditTrail.mark();

    List<JsonObject> all =
        entries(Api.as(url, "auditor.iab").get("audit/search?subject=" + q(subject)));
    assertEquals(2, all.size(), all.toString());
    JsonObject newest = all.get(0);
    assertEquals("VIEW", newest.getString("eventAction"), "newest first");
    assertEquals("CMS", newest.getString("system"));
    assertEquals(theirs, newest.getString("memberTaxNumber"));
    assertEquals("Officer Far " + run, newest.getString("memberName"));
    assertEquals("PCT-040", newest.getString("command"));
    assertEquals("system.cms", newest.getString("user"), "the covered system's account wrote it");
    assertEquals("ACCESS_EVENT_VIEW", newest.getString("action"));
    assertTrue(
        newest.getString("inclusion").startsWith("entry ")
            || newest.getString("inclusion").startsWith("not yet"));

    // the Agency Privacy Officer searches the whole log too
    assertEquals(
        2, entries(Api.as(url, "apo.legal").get("audit/search?subject=" + q(subject))).size());

    // a Commanding Officer: their own command's members only, whatever they ask for
    List<JsonObject> mine =
        entries(Api.as(url, "co.ramirez").get("audit/search?subject=" + q(subject)));
    assertEquals(1, mine.size(), mine.toString());
    assertEquals(ours, mine.get(0).getString("memberTaxNumber"));
    assertTrue(
        entries(Api.as(url, "co.ramirez").get("audit/search?member=" + theirs)).isEmpty(),
        "another command's member is not the CO's to search");
    assertTrue(
        entries(Api.as(url, "co.ramirez").get("audit/search?user=auditor.iab")).isEmpty(),
        "a CO's search covers their members' events, never Custodian's own entries");

    // by record, and by member
    assertEquals(
        2,
        entries(Api.as(url, "auditor.iab").get("audit/search?record=" + q("CMS-" + run))).size());
    List<JsonObject> byMember =
        entries(Api.as(url, "auditor.iab").get("audit/search?member=" + theirs + "&action=print"));
    assertEquals(1, byMember.size());
    assertEquals("Someone Else", byMember.get(0).getString("subject"));
    // by time: from is inclusive, to exclusive
    assertEquals(
        1,
        entries(
                Api.as(url, "auditor.iab")
                    .get(
                        "audit/search?record="
                            + q("CMS-" + run)
                            + "&from=2026-12-03T00:00:00Z&to=2026-12-04T00:00:00Z"))
            .size());

    // every search is an entry of the log, naming what was searched, not what was found
    List<AuditTrail.Entry> searches = AuditTrail.since(mark, "co.ramirez");
    assertTrue(
        searches.stream()
            .anyMatch(e -> e.action().equals("AUDIT_SEARCHED") && e.details().contains(subject)),
        searches.toString());

    // in time each entry is included in a signed checkpoint
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    String inclusion = "";
    while (Instant.now().isBefore(deadline)) {
      inclusion =
          entries(Api.as(url, "auditor.iab").get("audit/search?subject=" + q(subject)))
              .get(0)
              .getString("inclusion");
      if (inclusion.contains("included in checkpoint")) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(inclusion.matches("entry \\d+, included in checkpoint \\d+"), inclusion);
  }

  @Test
  void custodiansOwnEntriesAreSearchedByUserAndActionWithAPagedCount() {
    long mark = AuditTrail.mark();
    Api.as(url, "auditor.iab").get("audit/search?subject=nobody-" + System.nanoTime());
    Api.Answer page =
        Api.as(url, "auditor.iab")
            .get("audit/search?user=auditor.iab&action=AUDIT_SEARCHED&limit=1");
    List<JsonObject> found = entries(page);
    assertEquals(1, found.size());
    assertEquals("AUDIT_SEARCHED", found.get(0).getString("action"));
    assertEquals("auditor.iab", found.get(0).getString("user"));
    assertEquals("AuditLog", found.get(0).getString("objectType"));
    assertTrue(page.json().getInt("total") >= 1);
    assertEquals(1, page.json().getInt("limit"));
    assertFalse(AuditTrail.since(mark, "auditor.iab").isEmpty());
  }

  @Test
  void onlyAuditorsThePrivacyOfficerAndCommandingOfficersSearch() {
    for (String user : List.of("cpo.city", "rev.one", "admin", "system.cms", "author.policy")) {
      assertEquals(
          403, Api.as(url, user).get("audit/search?subject=x").status(), user + " may not search");
      assertEquals(
          403,
          Api.as(url, user).get("audit/search/export?format=csv&subject=x").status(),
          user + " may not export");
    }
    assertEquals(401, Api.anonymous(url).get("audit/search").status());
  }

  @Test
  void badCriteriaAreRefusedNamingTheField() {
    Api auditor = Api.as(url, "auditor.iab");
    assertEquals("from", problemField(auditor.get("audit/search?from=yesterday")));
    assertEquals(
        "to",
        problemField(
            auditor.get("audit/search?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")));
    assertEquals("limit", problemField(auditor.get("audit/search?limit=0")));
    assertEquals("limit", problemField(auditor.get("audit/search?limit=201")));
    assertEquals("system", problemField(auditor.get("audit/search?system=NOPE")));
    assertEquals("action", problemField(auditor.get("audit/search?system=CMS&action=DELETE")));
    assertEquals("action", problemField(auditor.get("audit/search?action=" + q("x'; drop"))));
    assertEquals("subject", problemField(auditor.get("audit/search?subject=" + "x".repeat(201))));
    assertEquals("format", problemField(auditor.get("audit/search/export?format=xls")));
  }

  private static String problemField(Api.Answer answer) {
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
    return answer.field();
  }

  @Test
  void exportsAreCsvAndPdfAndEachIsAudited() {
    String run = "x" + System.nanoTime();
    String tax = member("PCT-075", "Officer Export " + run);
    report(
        event(
            run + "-1",
            "2026-12-01T10:00:00Z",
            tax,
            "EXPORT",
            "=HYPERLINK(\"http://evil\")",
            "R-" + run),
        event(run + "-2", "2026-12-01T11:00:00Z", tax, "VIEW", "Plain Name", "R-" + run));
    long mark = AuditTrail.mark();
    Api auditor = Api.as(url, "auditor.iab");

    Api.Download csv = auditor.download("audit/search/export?format=csv&record=" + q("R-" + run));
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertTrue(
        lines[0].startsWith("at,user,action,object_type,object_id,seq,checkpoint,system"),
        lines[0]);
    assertEquals(3, lines.length, text);
    assertTrue(lines[1].contains("Plain Name") && lines[1].contains(tax), lines[1]);
    assertTrue(
        lines[2].contains("'=HYPERLINK"),
        "a cell that starts like a formula is neutralized: " + lines[2]);

    Api.Download pdf = auditor.download("audit/search/export?format=pdf&record=" + q("R-" + run));
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.contentType());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

    List<AuditTrail.Entry> exports =
        AuditTrail.since(mark, "auditor.iab").stream()
            .filter(e -> e.action().equals("AUDIT_SEARCH_EXPORTED"))
            .toList();
    assertEquals(2, exports.size(), exports.toString());
    assertTrue(exports.get(0).details().startsWith("CSV of 2 entries"), exports.get(0).details());
    assertTrue(exports.get(1).details().startsWith("PDF of 2 entries"), exports.get(1).details());
    assertNotNull(exports.get(1).details());
  }
}
