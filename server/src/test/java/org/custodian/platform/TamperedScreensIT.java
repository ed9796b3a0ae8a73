package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.LedgerScenario;
import org.custodian.testing.Session;
import org.custodian.testing.Session.From;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Screens sent values their forms never offer (a tampered request: a paginator asking for a million
 * rows, a choice that is not among the options, a text longer than the box allows, a missing
 * security token): a message, never a 500, and nothing half-written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TamperedScreensIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static Map<String, String> ajax(String source, String execute, String render) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", source);
    fields.put("jakarta.faces.partial.execute", execute);
    fields.put("jakarta.faces.partial.render", render);
    return fields;
  }

  @Test
  void theInboxAnswersATamperedPaginatorAndScopeWithoutAnError() {
    Session reviewer = Session.signedIn(url, "rev.one");
    Session.Reply inbox = reviewer.get("inbox/index.xhtml", From.OWN_PAGE);
    assertEquals(200, inbox.status());

    Map<String, String> page = ajax("inbox:tasks", "inbox:tasks", "inbox:tasks");
    page.put("inbox:tasks_pagination", "true");
    page.put("inbox:tasks_first", "-5");
    page.put("inbox:tasks_rows", "1000000");
    page.put("inbox:tasks_skipChildren", "true");
    page.put("inbox:tasks_encodeFeature", "true");
    Session.Reply paged = reviewer.submit(inbox, "inbox", page, null);
    assertEquals(200, paged.status(), paged.body());
    assertFalse(paged.body().contains("<error>"), paged.body());

    Map<String, String> scope = ajax("inbox:scope", "inbox:scope", "inbox:tasks inbox:capNote");
    scope.put("jakarta.faces.behavior.event", "change");
    scope.put("inbox:scope", "EVERYTHING");
    Session.Reply scoped = reviewer.submit(inbox, "inbox", scope, null);
    assertEquals(200, scoped.status(), scoped.body());
    assertFalse(scoped.body().contains("<error>"), scoped.body());
  }

  @Test
  void theBreachCaseAnswersTamperedChoicesAndForgedStateWithoutAnErrorAndKeepsLongNotes() {
    LedgerScenario ledger = new LedgerScenario(url);
    long released =
        ledger
            .released("member.diaz", "Tamper Subject " + System.nanoTime(), "TS1")
            .getJsonNumber("id")
            .longValue();
    var breach = ledger.breach("member.diaz", released);
    String task =
        Api.as(url, "apo.legal").taskOf(breach.getString("businessKey"), "Task_AssessBreach");
    Session apo = Session.signedIn(url, "apo.legal");
    Session.Reply page = apo.get("breach/case.xhtml?task=" + task, From.OWN_PAGE);
    assertEquals(200, page.status(), page.body());

    Session.Reply badCause =
        apo.submit(
            page,
            "work",
            Map.of(
                "work:assessDecision",
                "CONFIRM",
                "work:cause_input",
                "BOGUS",
                "work:cause",
                "BOGUS"),
            "work:submit");
    assertEquals(200, badCause.status(), "a cause the menu never offered is a message on the page");
    Session.Reply noToken =
        apo.post(
            "breach/case.xhtml?task=" + task,
            "application/x-www-form-urlencoded",
            "work=work&work:assessDecision=CONFIRM&work:submit=work:submit&jakarta.faces.ViewState=forged",
            From.OWN_PAGE);
    assertTrue(noToken.status() < 500, "a forged view state and no nonce: " + noToken.status());
    assertEquals(
        "ASSESSING",
        Api.as(url, "apo.legal").get("breaches/" + breach.getInt("id")).json().getString("status"),
        "nothing was recorded");

    // notes as long as the box takes (the screen cuts anything longer): kept in full with the
    // assessment, the audit entry refers to them (they used to overflow it and fail with a 500)
    String notes =
        "Not a violation: the recipient was entitled to it under basis 3. "
            .repeat(130)
            .substring(0, 8_000);
    Session.Reply assessed =
        apo.submit(
            apo.get("breach/case.xhtml?task=" + task, From.OWN_PAGE),
            "work",
            Map.of("work:assessDecision", "NOT_A_VIOLATION", "work:text", notes),
            "work:submit");
    assertEquals(302, assessed.status(), assessed.body());
    var after = Api.as(url, "apo.legal").get("breaches/" + breach.getInt("id")).json();
    assertEquals("NOT_A_VIOLATION", after.getString("status"));
    assertEquals(notes, after.getString("assessmentNotes"));
  }
}
