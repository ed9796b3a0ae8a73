package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.custodian.access.boundary.AccessRequestResource;
import org.custodian.disclosure.boundary.DisclosureApiIT;
import org.custodian.testing.AddendumScenario;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.LedgerScenario;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: every REST resource method of the application, for every role (one demo user
 * each) and for an anonymous caller, against the table below. Reading the table tells a newcomer
 * who may do what; a resource method without a row fails the build.
 *
 * <p>Each row names an endpoint as {@code METHOD /api/path/{param}}, the request that probes it (on
 * data the test made), and who is allowed. An allowed caller gets anything but 401 or 403 (the
 * probe's body is often incomplete on purpose, so the answer is a 400: the caller got past the
 * authorization and no state changed); everyone else 403, and an anonymous caller 401 (unless the
 * endpoint is public). Object-level rows add the users whose answer depends on the record: another
 * command's Commanding Officer, a reviewer of a layer the request does not reach.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationTableIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  // One demo user for each role (README), and an anonymous caller.
  static final String ANONYMOUS = "(anonymous)";
  static final String CO = "co.ramirez";
  static final String REVIEWER = "rev.one";
  static final String MEMBER = "member.diaz";
  static final String APO = "apo.legal";
  static final String CITY_CPO = "cpo.city";
  static final String AUTHOR = "author.policy";
  static final String COUNSEL = "counsel.legal";
  static final String COMMISSIONER = "commissioner";
  static final String AUDITOR = "auditor.iab";
  static final String ADMIN = "admin";
  static final String SYSTEM = "system.cms";
  static final String ICO = "ico.walsh";
  static final String IAB = "iab.santos";
  static final String ITB = "itb.kim";

  static final List<String> ROLES =
      List.of(
          CO,
          REVIEWER,
          MEMBER,
          APO,
          CITY_CPO,
          AUTHOR,
          COUNSEL,
          COMMISSIONER,
          AUDITOR,
          ADMIN,
          SYSTEM,
          ICO,
          IAB,
          ITB);

  /** Every signed-in role. */
  static final String[] SIGNED_IN = ROLES.toArray(String[]::new);

  /** Anyone, signed in or not: the public pages' API. */
  static final String[] EVERYONE =
      Stream.concat(ROLES.stream(), Stream.of(ANONYMOUS)).toArray(String[]::new);

  /**
   * Those who file disclosures: the department's members, not the City CPO, the Commissioner,
   * auditors or the admin.
   */
  static final String[] FILERS = {CO, REVIEWER, MEMBER, APO, AUTHOR, COUNSEL};

  /**
   * Those who report a suspected breach: the department's people, not auditors, the City CPO or the
   * admin.
   */
  static final String[] REPORTERS = {CO, REVIEWER, MEMBER, APO, AUTHOR, COUNSEL, COMMISSIONER};

  /** Those who read addenda. */
  static final String[] ADDENDUM_READERS = {AUTHOR, COUNSEL, APO, COMMISSIONER, AUDITOR};

  /** Those who read the quarterly breach reports. */
  static final String[] QUARTERLY_READERS = {CITY_CPO, APO, AUDITOR};

  /** What the probes run on: the test's own records, made through the API as their owners would. */
  record Fixtures(
      long member,
      long request,
      String reviewTask,
      long pendingDisclosure,
      long document,
      long releasedDisclosure,
      long breach,
      long reportedBreach,
      long addendum,
      long designation,
      long preApproval,
      long agreement,
      long campaign,
      long misuseAudit,
      long allegation,
      long focusedAudit) {}

  /** A probe: method, path (under /api/), and body (JSON, or a file for multipart uploads). */
  record Probe(String method, String path, String json, boolean upload) {}

  record Row(
      String endpoint,
      String what,
      Function<Fixtures, Probe> probe,
      Set<String> allowed,
      Map<String, Boolean> also) {
    /** An object-level cell: a user beyond the role columns whose answer depends on the record. */
    Row also(String user, boolean allowed) {
      Map<String, Boolean> more = new LinkedHashMap<>(also);
      more.put(user, allowed);
      return new Row(endpoint, what, probe, this.allowed, more);
    }
  }

  static Row row(String endpoint, Function<Fixtures, Probe> probe, String... allowed) {
    return new Row(endpoint, "", probe, new LinkedHashSet<>(List.of(allowed)), Map.of());
  }

  /** A second row for an endpoint, on other data: {@code what} says which. */
  static Row row(String endpoint, String what, Function<Fixtures, Probe> probe, String... allowed) {
    return new Row(endpoint, what, probe, new LinkedHashSet<>(List.of(allowed)), Map.of());
  }

  static Probe get(String path) {
    return new Probe("GET", path, null, false);
  }

  static Probe post(String path, String json) {
    return new Probe("POST", path, json, false);
  }

  static Probe put(String path, String json) {
    return new Probe("PUT", path, json, false);
  }

  static Probe upload(String path) {
    return new Probe("POST", path, null, true);
  }

  static final String NONE = "{}";

  /** A valid request for another command's member: refused for who asks, not for what. */
  static String accessRequestFor(long member) {
    return Scenario.request(member, "CMS", "VIEW").toString();
  }

  static final List<Row> TABLE =
      List.of(
          // who is signed in, and the directory
          row("GET /api/me", f -> get("me"), SIGNED_IN),
          // everyone's own mail: the preferences and what was sent
          row("GET /api/me/notifications", f -> get("me/notifications"), SIGNED_IN),
          row("PUT /api/me/notifications", f -> put("me/notifications", NONE), SIGNED_IN),
          row("GET /api/members", f -> get("members?command=PCT-075"), CO, AUDITOR, ADMIN)
              .also("co.okafor", false), // another command's roster, tax numbers and all
          row("POST /api/members", f -> post("members", NONE), ADMIN),
          row("PUT /api/members/{id}", f -> put("members/" + f.member(), NONE), ADMIN),
          row("POST /api/users", f -> post("users", NONE), ADMIN),
          row("GET /api/users", f -> get("users"), ADMIN),
          row("GET /api/users/{username}", f -> get("users/member.diaz"), ADMIN),
          row("PUT /api/users/{username}", f -> put("users/member.diaz", NONE), ADMIN),
          row(
              "POST /api/users/{username}/password-reset",
              f -> post("users/member.diaz/password-reset", NONE),
              ADMIN),
          row("POST /api/me/password", f -> post("me/password", NONE), SIGNED_IN),
          row("GET /api/commands/{code}", f -> get("commands/PCT-075"), SIGNED_IN),
          row("GET /api/technologies", f -> get("technologies"), SIGNED_IN),
          row("GET /api/commands", f -> get("commands"), SIGNED_IN),
          row(
              "PUT /api/commands/{code}/permitted-levels",
              f -> put("commands/PCT-040/permitted-levels", NONE),
              ADMIN),
          row("PUT /api/technologies/{code}", f -> put("technologies/CMS", NONE), ADMIN),
          row("POST /api/commands", f -> post("commands", NONE), ADMIN),
          row("POST /api/technologies", f -> post("technologies", NONE), ADMIN),
          row(
              "POST /api/technologies/{code}/access-levels",
              f -> post("technologies/CMS/access-levels", NONE),
              ADMIN),

          // access: requests, reviews, grants, personnel events, recertification
          row("POST /api/access-requests", f -> post("access-requests", NONE), CO),
          row(
                  "POST /api/access-requests",
                  "for a member of PCT-075",
                  f -> post("access-requests", accessRequestFor(f.member())),
                  CO)
              .also("co.okafor", false), // not their command
          row(
                  "GET /api/access-requests/{id}",
                  f -> get("access-requests/" + f.request()),
                  CO,
                  REVIEWER,
                  AUDITOR)
              .also("co.okafor", false) // another command
              .also("rev.two", true) // the request's layer 2
              .also("rev.three", false), // layer 3: this request has two
          row(
                  "GET /api/access-requests/{id}/diagram",
                  f -> get("access-requests/" + f.request() + "/diagram"),
                  CO,
                  REVIEWER,
                  AUDITOR)
              .also("co.okafor", false)
              .also("rev.three", false),
          row(
                  "GET /api/members/{id}/grants",
                  f -> get("members/" + f.member() + "/grants"),
                  CO,
                  REVIEWER,
                  AUDITOR,
                  ADMIN)
              .also("co.okafor", false)
              .also("rev.three", false), // reviews no open request of this member
          row("POST /api/personnel-events", f -> post("personnel-events", NONE), ADMIN),
          row("POST /api/members/import", f -> post("members/import", NONE), ADMIN),
          row(
              "POST /api/recertification-campaigns",
              f -> post("recertification-campaigns", ""),
              ADMIN),
          row(
              "GET /api/recertification-campaigns/{id}",
              f -> get("recertification-campaigns/" + f.campaign()),
              CO,
              AUDITOR,
              ADMIN),

          // disclosures and the ledger
          row("POST /api/disclosures", f -> post("disclosures", NONE), FILERS),
          row(
              "GET /api/disclosures/{id}",
              f -> get("disclosures/" + f.pendingDisclosure()),
              MEMBER,
              APO,
              AUDITOR),
          row(
              "GET /api/disclosures",
              f -> get("disclosures?subject=Nobody"),
              CO,
              REVIEWER,
              MEMBER,
              APO,
              AUTHOR,
              COUNSEL,
              AUDITOR),
          row(
              "POST /api/disclosures/{id}/release",
              f -> post("disclosures/" + f.pendingDisclosure() + "/release", NONE),
              MEMBER),
          row("POST /api/disclosures/documents", f -> upload("disclosures/documents"), FILERS),
          row(
              "POST /api/disclosures/{id}/documents",
              f -> upload("disclosures/" + f.pendingDisclosure() + "/documents"),
              MEMBER),
          row(
              "GET /api/disclosures/{id}/documents/{documentId}",
              f -> get("disclosures/" + f.pendingDisclosure() + "/documents/" + f.document()),
              MEMBER,
              APO,
              AUDITOR),
          row(
              "GET /api/disclosures/{id}/approval.pdf",
              f -> get("disclosures/" + f.releasedDisclosure() + "/approval.pdf"),
              MEMBER,
              APO,
              AUDITOR),
          row(
              "GET /api/routine-designations",
              f -> get("routine-designations"),
              CO,
              REVIEWER,
              MEMBER,
              APO,
              CITY_CPO,
              AUTHOR,
              COUNSEL,
              AUDITOR),
          row("POST /api/routine-designations", f -> post("routine-designations", NONE), APO),
          row(
              "POST /api/routine-designations/{id}/retire",
              f -> post("routine-designations/" + f.designation() + "/retire", NONE),
              APO),
          row(
              "GET /api/pre-approvals",
              f -> get("pre-approvals"),
              CO,
              REVIEWER,
              MEMBER,
              APO,
              CITY_CPO,
              AUTHOR,
              COUNSEL,
              AUDITOR),
          row("POST /api/pre-approvals", f -> post("pre-approvals", NONE), CITY_CPO),
          row(
              "POST /api/pre-approvals/{id}/retire",
              f -> post("pre-approvals/" + f.preApproval() + "/retire", NONE),
              CITY_CPO),
          row(
              "GET /api/agency-agreements",
              f -> get("agency-agreements"),
              CO,
              REVIEWER,
              MEMBER,
              APO,
              CITY_CPO,
              AUTHOR,
              COUNSEL,
              AUDITOR),
          row("POST /api/agency-agreements", f -> post("agency-agreements", NONE), APO),
          row(
              "POST /api/agency-agreements/{id}/retire",
              f -> post("agency-agreements/" + f.agreement() + "/retire", NONE),
              APO),

          // breaches and the quarterly report
          row("POST /api/breaches", f -> post("breaches", NONE), REPORTERS),
          row(
              "GET /api/breaches",
              f -> get("breaches"),
              CO,
              REVIEWER,
              MEMBER,
              APO,
              CITY_CPO,
              AUTHOR,
              COUNSEL,
              COMMISSIONER,
              AUDITOR),
          row(
              "GET /api/breaches/{id}",
              "not yet reported",
              f -> get("breaches/" + f.breach()),
              MEMBER,
              APO,
              AUDITOR),
          row(
              "GET /api/breaches/{id}",
              "reported to the City CPO",
              f -> get("breaches/" + f.reportedBreach()),
              MEMBER,
              APO,
              CITY_CPO,
              AUDITOR),
          row(
              "GET /api/breaches/{id}/evidence",
              "not yet reported",
              f -> get("breaches/" + f.breach() + "/evidence"),
              MEMBER,
              APO,
              AUDITOR),
          row(
              "GET /api/breaches/{id}/evidence",
              "reported to the City CPO",
              f -> get("breaches/" + f.reportedBreach() + "/evidence"),
              MEMBER,
              APO,
              CITY_CPO,
              AUDITOR),
          row(
              "POST /api/breaches/{id}/notifications/{notification}",
              f -> post("breaches/" + f.breach() + "/notifications/999999999", NONE),
              APO),
          row(
              "GET /api/breaches/{id}/notifications/{notification}/letter.pdf",
              f -> get("breaches/" + f.breach() + "/notifications/999999999/letter.pdf"),
              APO),
          row(
              "POST /api/breaches/{id}/aware-at",
              f -> post("breaches/" + f.breach() + "/aware-at", NONE),
              APO),
          row(
              "POST /api/breach-reports/quarterly",
              f -> post("breach-reports/quarterly", NONE),
              CITY_CPO),
          row(
              "GET /api/breach-reports/quarterly",
              f -> get("breach-reports/quarterly"),
              QUARTERLY_READERS),
          row(
              "GET /api/breach-reports/quarterly/preview",
              f -> get("breach-reports/quarterly/preview?quarter=2026-Q1"),
              QUARTERLY_READERS),
          row(
              "GET /api/breach-reports/quarterly/{id}",
              f -> get("breach-reports/quarterly/999999999"),
              QUARTERLY_READERS),
          row(
              "GET /api/breach-reports/quarterly/{id}.csv",
              f -> get("breach-reports/quarterly/999999999.csv"),
              QUARTERLY_READERS),
          row(
              "GET /api/breach-reports/quarterly/{id}.pdf",
              f -> get("breach-reports/quarterly/999999999.pdf"),
              QUARTERLY_READERS),

          // addenda, the published policies, public comments
          row("POST /api/addenda", f -> post("addenda", NONE), AUTHOR),
          row("GET /api/addenda", f -> get("addenda"), ADDENDUM_READERS),
          row("GET /api/addenda/{id}", f -> get("addenda/" + f.addendum()), ADDENDUM_READERS),
          row(
              "GET /api/addenda/{id}/drafts/{number}",
              f -> get("addenda/" + f.addendum() + "/drafts/1"),
              ADDENDUM_READERS),
          row(
              "POST /api/addenda/{id}/drafts",
              f -> post("addenda/" + f.addendum() + "/drafts", NONE),
              AUTHOR),
          row(
              "GET /api/addenda/{id}/diff",
              f -> get("addenda/" + f.addendum() + "/diff"),
              ADDENDUM_READERS),
          row(
              "POST /api/addenda/{id}/withdraw",
              f -> post("addenda/" + f.addendum() + "/withdraw", NONE),
              AUTHOR,
              COMMISSIONER),
          row(
              "POST /api/addenda/{id}/responses",
              f -> post("addenda/" + f.addendum() + "/responses", NONE),
              AUTHOR),
          row("POST /api/policies", f -> post("policies", NONE), ADMIN),
          row("GET /api/public/policies", f -> get("public/policies"), EVERYONE),
          row("GET /api/public/policies/{code}", f -> get("public/policies/CMS"), EVERYONE),
          row(
              "GET /api/public/policies/{code}/versions/{number}",
              f -> get("public/policies/CMS/versions/1"),
              EVERYONE),
          row(
              "GET /api/public/policies/{code}/versions/{number}/pdf",
              f -> get("public/policies/CMS/versions/1/pdf"),
              EVERYONE),
          row(
              "GET /api/public/policies/{code}/diff",
              f -> get("public/policies/CMS/diff?to=2"),
              EVERYONE),
          row("GET /api/public/addenda", f -> get("public/addenda"), EVERYONE),
          row("GET /api/public/addenda/{id}", f -> get("public/addenda/" + f.addendum()), EVERYONE),
          row(
              "POST /api/public/addenda/{id}/comments",
              f -> post("public/addenda/" + f.addendum() + "/comments", NONE),
              EVERYONE),

          // the inbox: a layer-1 review of the request above (claimed, handed back, then probed)
          row("GET /api/tasks", f -> get("tasks"), SIGNED_IN),
          row(
              "POST /api/tasks/{id}/claim",
              f -> post("tasks/" + f.reviewTask() + "/claim", ""),
              REVIEWER),
          row(
              "POST /api/tasks/{id}/unclaim",
              f -> post("tasks/" + f.reviewTask() + "/unclaim", ""),
              REVIEWER),
          row(
                  "POST /api/tasks/{id}/complete",
                  f -> post("tasks/" + f.reviewTask() + "/complete", NONE),
                  REVIEWER)
              .also("co.okafor", false)
              .also("rev.three", false),

          // the audit log
          row("GET /api/audit/verify", f -> get("audit/verify"), AUDITOR, ADMIN),
          row("GET /api/audit/public-key", f -> get("audit/public-key"), AUDITOR, ADMIN),
          row("GET /api/audit/checkpoint", f -> get("audit/checkpoint"), AUDITOR, ADMIN),
          row("GET /api/audit/checkpoints", f -> get("audit/checkpoints?limit=2"), AUDITOR, ADMIN),
          row(
              "GET /api/audit/checkpoints/daily",
              f -> get("audit/checkpoints/daily"),
              AUDITOR,
              ADMIN,
              CITY_CPO),
          row("GET /api/audit/entries/{seq}", f -> get("audit/entries/0"), AUDITOR, ADMIN),
          row("GET /api/audit/consistency", f -> get("audit/consistency?from=1"), AUDITOR, ADMIN),
          row("GET /api/audit/export", f -> get("audit/export?from=0&to=3"), AUDITOR, ADMIN),

          // the covered systems' access events and the findings raised at intake
          row(
              "POST /api/access-events",
              f ->
                  post(
                      "access-events",
                      "{\"events\": [{\"eventId\": \"table-"
                          + System.nanoTime()
                          + "\", \"at\": \"2026-12-05T10:00:00Z\", \"memberTaxNumber\": \"931001\","
                          + " \"action\": \"VIEW\"}]}"),
              SYSTEM),
          row(
              "POST /api/access-events/import",
              f -> post("access-events/import", "{\"not\": \"a file\"}"),
              SYSTEM),
          row("GET /api/access-findings", f -> get("access-findings"), CO, AUDITOR)
              .also("co.okafor", true),

          // the auditor's console: a Commanding Officer searches their own command's members
          row("GET /api/audit/search", f -> get("audit/search?limit=1"), AUDITOR, APO, CO)
              .also("co.okafor", true),
          // focused audits: the fixture is Internal Affairs' request, not yet decided (409 report)
          row(
                  "POST /api/focused-audits",
                  f ->
                      post(
                          "focused-audits",
                          "{\"members\": [\"931001\"], \"from\": \"2026-11-01T00:00:00Z\","
                              + " \"to\": \"2026-12-01T00:00:00Z\", \"reason\": \"Probed by"
                              + " the role table, for Ana Diaz.\"}"),
                  IAB,
                  AUDITOR,
                  CO,
                  ICO)
              .also("co.okafor", false),
          row("GET /api/focused-audits", f -> get("focused-audits"), IAB, AUDITOR, CO, ICO, ITB)
              .also("co.okafor", true),
          row(
              "GET /api/focused-audits/{id}",
              f -> get("focused-audits/" + f.focusedAudit()),
              IAB,
              AUDITOR,
              ITB),
          row(
              "GET /api/focused-audits/{id}/report",
              f -> get("focused-audits/" + f.focusedAudit() + "/report"),
              IAB,
              AUDITOR,
              ITB),

          // misuse allegations: the fixture's case was sent to PCT-075 (co.ramirez, ico.walsh)
          row(
                  "POST /api/misuse-allegations",
                  f ->
                      post(
                          "misuse-allegations",
                          "{\"memberTaxNumber\": \"931001\", \"summary\": \"Probed by the role"
                              + " table: a search with no case behind it.\"}"),
                  IAB,
                  APO,
                  CO,
                  ICO)
              .also("co.okafor", false),
          row(
                  "GET /api/misuse-allegations",
                  f -> get("misuse-allegations"),
                  IAB,
                  AUDITOR,
                  APO,
                  CO,
                  ICO)
              .also("co.okafor", true),
          row(
                  "GET /api/misuse-allegations/{id}",
                  f -> get("misuse-allegations/" + f.allegation()),
                  IAB,
                  AUDITOR,
                  CO,
                  ICO)
              .also("co.okafor", false),
          row(
                  "POST /api/misuse-allegations/{id}/steps",
                  f ->
                      post(
                          "misuse-allegations/" + f.allegation() + "/steps",
                          "{\"text\": \"A step the role table recorded.\"}"),
                  CO,
                  ICO)
              .also("co.okafor", false),

          // the Commanding Officers' periodic misuse audits
          row("GET /api/misuse-audits", f -> get("misuse-audits?period=2024-02"), AUDITOR, IAB),
          row(
              "POST /api/misuse-audits",
              f -> post("misuse-audits", "{\"period\": \"not a month\"}"),
              AUDITOR,
              IAB),
          row(
                  "GET /api/misuse-audits/{id}/items",
                  f -> get("misuse-audits/" + f.misuseAudit() + "/items"),
                  AUDITOR,
                  IAB,
                  CO)
              .also("co.okafor", false),
          row(
                  "GET /api/audit/search/export",
                  f -> get("audit/search/export?format=csv&subject=nobody"),
                  AUDITOR,
                  APO,
                  CO)
              .also("co.okafor", true));

  private static Fixtures fixtures;

  @BeforeEach
  void makeFixturesOnce() {
    if (fixtures == null) {
      fixtures = makeFixtures();
    }
  }

  private Api as(String user) {
    return user.equals(ANONYMOUS) ? Api.anonymous(url) : Api.as(url, user);
  }

  private Fixtures makeFixtures() {
    Scenario scenario = new Scenario(url);
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit(CO, member, "CMS", "VIEW");
    String reviewTask = scenario.taskOf(REVIEWER, request.getString("businessKey"));

    Api diaz = as(MEMBER);
    Api.Answer pending =
        diaz.post(
            "disclosures",
            DisclosureApiIT.filing("Table Subject " + System.nanoTime(), "TB1").build());
    assertEquals(201, pending.status(), pending.body());
    long pendingId = pending.json().getJsonNumber("id").longValue();
    Api.Answer document =
        diaz.upload(
            "disclosures/" + pendingId + "/documents", "authorization.png", "image/png", png());
    assertEquals(201, document.status(), document.body());

    LedgerScenario ledger = new LedgerScenario(url);
    long released =
        ledger
            .released(MEMBER, "Released Subject " + System.nanoTime(), "TB2")
            .getJsonNumber("id")
            .longValue();
    long breach = ledger.breach(MEMBER, released).getJsonNumber("id").longValue();
    long reported = ledger.breach(MEMBER, released).getJsonNumber("id").longValue();
    ledger.toCityCpo(reported);

    AddendumScenario addenda = new AddendumScenario(url);
    addenda.clear("PED");
    long addendum =
        addenda.open("PED", LocalDate.now().plusDays(300)).getJsonNumber("id").longValue();

    Api.Answer campaign = as(ADMIN).post("recertification-campaigns", "");
    assertEquals(201, campaign.status(), campaign.body());
    return new Fixtures(
        member,
        request.getJsonNumber("id").longValue(),
        reviewTask,
        pendingId,
        document.json().getJsonNumber("documentId").longValue(),
        released,
        breach,
        reported,
        addendum,
        first(APO, "routine-designations"),
        first(CITY_CPO, "pre-approvals"),
        first(APO, "agency-agreements"),
        campaign.json().getJsonNumber("id").longValue(),
        misuseAudit(),
        allegation(),
        focusedAudit());
  }

  /** Internal Affairs' request for a focused audit of Ana Diaz (931001), not yet decided. */
  private long focusedAudit() {
    Api.Answer asked =
        as(IAB)
            .post(
                "focused-audits",
                "{\"members\": [\"931001\"], \"from\": \"2026-11-01T00:00:00Z\", \"to\":"
                    + " \"2026-12-01T00:00:00Z\", \"reason\": \"The role table's focused audit"
                    + " request.\"}");
    assertEquals(201, asked.status(), asked.body());
    return asked.json().getJsonNumber("id").longValue();
  }

  /** An allegation against Ana Diaz (931001, PCT-075) that Internal Affairs sent to her command. */
  private long allegation() {
    Api.Answer filed =
        as(IAB)
            .post(
                "misuse-allegations",
                "{\"memberTaxNumber\": \"931001\", \"summary\": \"The role table's allegation, sent to"
                    + " the command.\"}");
    assertEquals(201, filed.status(), filed.body());
    String key = filed.json().getString("businessKey");
    String triage = as(IAB).taskOf(key, "Task_TriageAllegation");
    assertEquals(
        204, as(IAB).post("tasks/" + triage + "/complete", "{\"route\": \"COMMAND\"}").status());
    return filed.json().getJsonNumber("id").longValue();
  }

  /** The 75th Precinct's misuse audit of February 2024, for one event its member made then. */
  private long misuseAudit() {
    Api.Answer event =
        as(SYSTEM)
            .post(
                "access-events",
                "{\"events\": [{\"eventId\": \"table-audit-"
                    + System.nanoTime()
                    + "\", \"at\": \"2024-02-10T15:00:00Z\", \"memberTaxNumber\": \"931001\","
                    + " \"action\": \"VIEW\"}]}");
    assertEquals(200, event.status(), event.body());
    as(AUDITOR).post("misuse-audits", "{\"period\": \"2024-02\"}");
    return as(AUDITOR).get("misuse-audits?period=2024-02").array().stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(a -> a.getString("command").equals("PCT-075"))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /**
   * The smallest PNG there is: its signature and nothing else, enough for the upload's type check.
   */
  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
  }

  private long first(String user, String list) {
    Api.Answer answer = as(user).get(list);
    assertEquals(200, answer.status(), answer.body());
    assertTrue(!answer.array().isEmpty(), "the demo data has a " + list + " entry");
    return answer.array().getJsonObject(0).getJsonNumber("id").longValue();
  }

  private Api.Answer send(String user, Probe probe) {
    Api api = as(user);
    if (probe.method().equals("GET")) {
      return api.get(probe.path());
    }
    if (probe.upload()) {
      return api.upload(
          probe.path(),
          "note.txt",
          "text/plain",
          "not a PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (probe.method().equals("PUT")) {
      return api.put(probe.path(), probe.json());
    }
    return api.post(probe.path(), probe.json());
  }

  @Test
  void everyResourceMethodHasARowAndEveryRowAResourceMethod() {
    Set<String> endpoints = endpoints();
    Set<String> rows = new TreeSet<>();
    TABLE.forEach(r -> rows.add(r.endpoint()));
    Set<String> missing = new TreeSet<>(endpoints);
    missing.removeAll(rows);
    Set<String> unknown = new TreeSet<>(rows);
    unknown.removeAll(endpoints);
    assertTrue(
        missing.isEmpty(), "resource methods without a row in the authorization table: " + missing);
    assertTrue(unknown.isEmpty(), "rows for endpoints that do not exist: " + unknown);
  }

  @Test
  void everyCallerGetsWhatTheTableSays() {
    List<String> wrong = new ArrayList<>();
    for (Row row : TABLE) {
      Probe probe = row.probe().apply(fixtures);
      Map<String, Boolean> cells = new LinkedHashMap<>();
      for (String user : EVERYONE) {
        cells.put(user, row.allowed().contains(user));
      }
      cells.putAll(row.also());
      for (Map.Entry<String, Boolean> cell : cells.entrySet()) {
        Api.Answer answer = send(cell.getKey(), probe);
        int status = answer.status();
        boolean ok;
        String expected;
        if (cell.getValue()) {
          ok = status != 401 && status != 403 && status < 500;
          expected = "allowed (not 401/403, no 5xx)";
        } else if (cell.getKey().equals(ANONYMOUS)) {
          ok = status == 401;
          expected = "401";
        } else {
          ok = status == 403;
          expected = "403";
        }
        if (!ok) {
          wrong.add(
              row.endpoint()
                  + (row.what().isEmpty() ? "" : " (" + row.what() + ")")
                  + " as "
                  + cell.getKey()
                  + ": expected "
                  + expected
                  + ", got "
                  + status
                  + " "
                  + abbreviate(answer.body()));
        }
      }
    }
    assertTrue(
        wrong.isEmpty(),
        wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
  }

  @Test
  void aBodyNestedThousandsOfLevelsDeepIsA400OnEveryWriteEndpoint() {
    String deep = "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    List<String> wrong = new ArrayList<>();
    for (Row row : TABLE) {
      Probe probe = row.probe().apply(fixtures);
      if (!probe.method().equals("POST")
          || probe.upload()
          || probe.json() == null
          || probe.json().isEmpty()) {
        continue;
      }
      String caller = row.allowed().iterator().next();
      Api.Answer answer = send(caller, new Probe("POST", probe.path(), deep, false));
      if (answer.status() != 400 || !answer.body().contains("\"body\"")) {
        wrong.add(
            row.endpoint()
                + " as "
                + caller
                + ": "
                + answer.status()
                + " "
                + abbreviate(answer.body()));
      }
    }
    assertTrue(wrong.isEmpty(), "not a 400 naming the body:\n" + String.join("\n", wrong));
  }

  private static String abbreviate(String body) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }

  /** Every JAX-RS resource method the application has, as "METHOD /api/path". */
  static Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> type : applicationClasses()) {
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        String verb =
            method.isAnnotationPresent(GET.class)
                ? "GET"
                : method.isAnnotationPresent(POST.class) ? "POST" : null;
        if (verb == null) {
          for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
              verb =
                  annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class).value();
            }
          }
        }
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        endpoints.add(verb + " " + join("/api", base.value(), sub == null ? "" : sub.value()));
      }
    }
    return endpoints;
  }

  private static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      String p = part.replaceAll("^/+|/+$", "");
      if (!p.isEmpty()) {
        path.append('/').append(p);
      }
    }
    return path.toString();
  }

  /**
   * The application's classes, from the directory the build compiled them into (not the tests').
   */
  private static List<Class<?>> applicationClasses() {
    try {
      java.nio.file.Path root =
          java.nio.file.Path.of(
              AccessRequestResource.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      List<Class<?>> classes = new ArrayList<>();
      try (Stream<java.nio.file.Path> files = Files.walk(root)) {
        for (java.nio.file.Path file :
            files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name =
              root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
          classes.add(Class.forName(name, false, AuthorizationTableIT.class.getClassLoader()));
        }
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    // each row has at least one allowed caller, so the deep-body probe has someone to send it
    for (Row row : TABLE) {
      if (row.allowed().isEmpty()) {
        throw new IllegalStateException(row.endpoint() + " allows nobody");
      }
    }
  }
}
