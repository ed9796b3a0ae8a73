package org.custodian.addendum.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/AddendumDraftingProcess.bpmn20.xml on an in-memory engine, the clock
 * moved by the test. The dates lie between May and September, where no time zone changes its
 * offset, so the engine's calendar days (P45D, P30D) are exactly 24-hour days wherever the test
 * runs.
 */
class AddendumDraftingProcessTest {

  private static InMemoryEngine processes;
  private static ProcessEngine engine;
  private static final List<String> calls = new ArrayList<>();

  /**
   * What publishAddendumForComment reports: is the planned first use less than 90 days after
   * publication?
   */
  private static boolean firstUseTooSoon;

  private static final Instant OPENED = Instant.parse("2026-05-04T09:00:00Z");
  private static final Instant PUBLISHED = Instant.parse("2026-05-11T14:30:00Z");
  private static final Instant CLOSED = PUBLISHED.plus(Duration.ofDays(45));

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    // as Addenda does: the configured durations become the instants the timers wait for
    beans.put(
        "publishAddendumForComment",
        (JavaDelegate)
            execution -> {
              calls.add("publishForComment");
              execution.setVariable("firstUseTooSoon", firstUseTooSoon);
              execution.setVariable(
                  "commentClosesAt", Date.from(processes.now().plus(Duration.ofDays(45))));
            });
    beans.put(
        "closeAddendumComments",
        (JavaDelegate)
            execution -> {
              calls.add("closeComments");
              execution.setVariable(
                  "finalReminderAt", Date.from(processes.now().plus(Duration.ofDays(30))));
              execution.setVariable(
                  "finalDueAt", Date.from(processes.now().plus(Duration.ofDays(45))));
            });
    beans.put("remindAddendumFinal", (JavaDelegate) execution -> calls.add("remindFinal"));
    beans.put("markAddendumOverdue", (JavaDelegate) execution -> calls.add("overdue"));
    beans.put("publishAddendum", (JavaDelegate) execution -> calls.add("publish"));
    processes = InMemoryEngine.start("AddendumDraftingProcess", beans);
    engine = processes.engine();
  }

  @AfterAll
  static void stopEngine() {
    processes.close();
  }

  @AfterEach
  void reset() {
    processes.reset();
    calls.clear();
    firstUseTooSoon = false;
  }

  private ProcessInstance open() {
    processes.at(OPENED);
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", 1L);
    variables.put("businessKey", "AD-1");
    variables.put("author", "author.policy");
    variables.put("legalReviewers", "legal-reviewers");
    variables.put("privacyOfficers", "privacy-officers");
    variables.put("commissioners", "commissioners");
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey("AddendumDraftingProcess", "AD-1", variables);
  }

  /** The open tasks' definition keys, sorted. */
  private List<String> keys(ProcessInstance process) {
    return processes.tasks(process).stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  private void complete(ProcessInstance process, String key) {
    engine.getTaskService().complete(processes.task(process, key).getId());
  }

  private void complete(ProcessInstance process, String key, String variable, boolean value) {
    engine.getTaskService().complete(processes.task(process, key).getId(), Map.of(variable, value));
  }

  private String endActivity(ProcessInstance process) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(process.getId())
        .singleResult()
        .getEndActivityId();
  }

  /** The proposed text drafted and reviewed: legal and privacy decide, in that order. */
  private void draftAndReview(
      ProcessInstance process, boolean legalReturned, boolean privacyReturned) {
    complete(process, "Task_DraftAddendum");
    complete(process, "Task_LegalReview", "legalReturned", legalReturned);
    complete(process, "Task_PrivacyReview", "privacyReturned", privacyReturned);
  }

  /** Drafted, reviewed and approved at PUBLISHED: the comment period runs. */
  private ProcessInstance publishedForComment() {
    ProcessInstance process = open();
    draftAndReview(process, false, false);
    processes.at(PUBLISHED);
    complete(process, "Task_ApprovePublication", "approved", true);
    return process;
  }

  /** The comment period closed at CLOSED: the final version is being written. */
  private ProcessInstance commentsClosed() {
    ProcessInstance process = publishedForComment();
    processes.passTime(process, CLOSED);
    return process;
  }

  /** The final text written, reviewed by both and approved by the Commissioner. */
  private void finishFinal(ProcessInstance process) {
    complete(process, "Task_RespondToComments");
    complete(process, "Task_FinalLegalReview", "legalReturned", false);
    complete(process, "Task_FinalPrivacyReview", "privacyReturned", false);
    complete(process, "Task_ApproveFinal", "approved", true);
  }

  @Test
  void draftedReviewedApprovedCommentedOnForFortyFiveDaysThenPublished() {
    ProcessInstance process = open();
    Task draft = processes.task(process);
    assertEquals("Task_DraftAddendum", draft.getTaskDefinitionKey());
    assertEquals("author.policy", draft.getAssignee());
    engine.getTaskService().complete(draft.getId());

    assertEquals(
        List.of("Task_LegalReview", "Task_PrivacyReview"), keys(process), "reviewed in parallel");
    assertEquals(
        Set.of("legal-reviewers"), processes.groups(processes.task(process, "Task_LegalReview")));
    assertEquals(
        Set.of("privacy-officers"),
        processes.groups(processes.task(process, "Task_PrivacyReview")));
    complete(process, "Task_LegalReview", "legalReturned", false);
    complete(process, "Task_PrivacyReview", "privacyReturned", false);

    Task approve = processes.task(process);
    assertEquals("Task_ApprovePublication", approve.getTaskDefinitionKey());
    assertEquals(Set.of("commissioners"), processes.groups(approve));
    assertEquals(List.of(), calls, "nothing published before the Commissioner approves");
    processes.at(PUBLISHED);
    engine.getTaskService().complete(approve.getId(), Map.of("approved", true));

    assertEquals(List.of("publishForComment"), calls);
    assertEquals(
        List.of(),
        keys(process),
        "first use far enough away: no warning, nothing to do while comments come in");
    assertEquals(
        Map.of("Timer_CommentWindow", PUBLISHED.plus(Duration.ofDays(45))),
        processes.due(process),
        "the window closes exactly 45 days after publication");

    processes.passTime(process, PUBLISHED.plus(Duration.ofDays(44)).plus(Duration.ofHours(23)));
    assertEquals(
        List.of("publishForComment"), calls, "at 44 days 23 hours the window is still open");
    assertEquals(List.of(), keys(process));
    processes.passTime(process, CLOSED);
    assertEquals(
        List.of("publishForComment", "closeComments"), calls, "at 45 days the window closes");

    Task respond = processes.task(process);
    assertEquals("Task_RespondToComments", respond.getTaskDefinitionKey());
    assertEquals("author.policy", respond.getAssignee());
    assertEquals(
        Map.of(
            "Timer_FinalReminder",
            CLOSED.plus(Duration.ofDays(30)),
            "Timer_FinalDeadline",
            CLOSED.plus(Duration.ofDays(45))),
        processes.due(process),
        "the final version is due 45 days after the close, with a reminder at 30");
    engine.getTaskService().complete(respond.getId());

    assertEquals(
        List.of("Task_FinalLegalReview", "Task_FinalPrivacyReview"),
        keys(process),
        "the final text reviewed in parallel");
    assertEquals(
        Set.of("legal-reviewers"),
        processes.groups(processes.task(process, "Task_FinalLegalReview")));
    assertEquals(
        Set.of("privacy-officers"),
        processes.groups(processes.task(process, "Task_FinalPrivacyReview")));
    complete(process, "Task_FinalLegalReview", "legalReturned", false);
    complete(process, "Task_FinalPrivacyReview", "privacyReturned", false);

    Task approveFinal = processes.task(process);
    assertEquals("Task_ApproveFinal", approveFinal.getTaskDefinitionKey());
    assertEquals(Set.of("commissioners"), processes.groups(approveFinal));
    engine.getTaskService().complete(approveFinal.getId(), Map.of("approved", true));

    assertEquals(List.of("publishForComment", "closeComments", "publish"), calls);
    assertTrue(processes.ended(process));
    assertEquals("EndEvent_Published", endActivity(process));
    assertEquals(0, engine.getTaskService().createTaskQuery().count(), "no task left");
    assertEquals(0, engine.getManagementService().createTimerJobQuery().count(), "no timer left");
  }

  @Test
  void legalReturnsTheDraftOnlyOnceBothReviewsAreIn() {
    ProcessInstance process = open();
    complete(process, "Task_DraftAddendum");
    complete(process, "Task_LegalReview", "legalReturned", true);
    assertEquals(
        List.of("Task_PrivacyReview"),
        keys(process),
        "one review in: the author waits for the other");
    complete(process, "Task_PrivacyReview", "privacyReturned", false);

    Task draft = processes.task(process);
    assertEquals(
        "Task_DraftAddendum",
        draft.getTaskDefinitionKey(),
        "legal returned it: back to the author with every comment");
    assertEquals("author.policy", draft.getAssignee());

    draftAndReview(process, false, false);
    assertEquals(
        "Task_ApprovePublication",
        processes.task(process).getTaskDefinitionKey(),
        "the revised draft passes both");
    assertEquals(List.of(), calls);
  }

  @Test
  void privacyReturnsTheDraftOnlyOnceBothReviewsAreIn() {
    ProcessInstance process = open();
    complete(process, "Task_DraftAddendum");
    complete(process, "Task_PrivacyReview", "privacyReturned", true);
    assertEquals(
        List.of("Task_LegalReview"),
        keys(process),
        "one review in: the author waits for the other");
    complete(process, "Task_LegalReview", "legalReturned", false);

    assertEquals(
        List.of("Task_DraftAddendum"), keys(process), "privacy returned it: back to the author");
    draftAndReview(process, false, false);
    assertEquals(List.of("Task_ApprovePublication"), keys(process));
  }

  @Test
  void bothReturningSendsTheDraftBackOnce() {
    ProcessInstance process = open();
    draftAndReview(process, true, true);
    assertEquals(
        List.of("Task_DraftAddendum"), keys(process), "one draft task, not one per review");
  }

  @Test
  void theCommissionerReturnsTheDraftToTheAuthor() {
    ProcessInstance process = open();
    draftAndReview(process, false, false);
    complete(process, "Task_ApprovePublication", "approved", false);

    Task draft = processes.task(process);
    assertEquals("Task_DraftAddendum", draft.getTaskDefinitionKey());
    assertEquals("author.policy", draft.getAssignee());
    assertEquals(List.of(), calls, "not published");
    assertEquals(Map.of(), processes.due(process), "no comment period");

    draftAndReview(process, false, false);
    processes.at(PUBLISHED);
    complete(process, "Task_ApprovePublication", "approved", true);
    assertEquals(
        List.of("publishForComment"), calls, "reviewed again and approved: published for comment");
  }

  @Test
  void aReturnInTheFinalStageByLegalPrivacyOrTheCommissionerGoesBackToRespondingToComments() {
    ProcessInstance process = commentsClosed();
    Map<String, Instant> deadlines = processes.due(process);

    complete(process, "Task_RespondToComments");
    complete(process, "Task_FinalLegalReview", "legalReturned", true);
    assertEquals(
        List.of("Task_FinalPrivacyReview"),
        keys(process),
        "one review in: the author waits for the other");
    complete(process, "Task_FinalPrivacyReview", "privacyReturned", false);
    Task respond = processes.task(process);
    assertEquals("Task_RespondToComments", respond.getTaskDefinitionKey(), "returned by legal");
    assertEquals("author.policy", respond.getAssignee());

    complete(process, "Task_RespondToComments");
    complete(process, "Task_FinalLegalReview", "legalReturned", false);
    complete(process, "Task_FinalPrivacyReview", "privacyReturned", true);
    assertEquals(List.of("Task_RespondToComments"), keys(process), "returned by privacy");

    complete(process, "Task_RespondToComments");
    complete(process, "Task_FinalLegalReview", "legalReturned", false);
    complete(process, "Task_FinalPrivacyReview", "privacyReturned", false);
    complete(process, "Task_ApproveFinal", "approved", false);
    assertEquals(List.of("Task_RespondToComments"), keys(process), "returned by the Commissioner");

    assertEquals(
        deadlines,
        processes.due(process),
        "the returns stay inside the 45 days: the deadline does not restart");
    assertEquals(List.of("publishForComment", "closeComments"), calls, "nothing published yet");

    finishFinal(process);
    assertEquals(List.of("publishForComment", "closeComments", "publish"), calls);
    assertTrue(processes.ended(process));
  }

  @Test
  void remindedThirtyDaysAfterTheCloseOverdueAtFortyFiveAndTheWorkStaysOpen() {
    ProcessInstance process = commentsClosed();
    String respond = processes.task(process).getId();

    processes.passTime(process, CLOSED.plus(Duration.ofDays(29)).plus(Duration.ofHours(23)));
    assertEquals(
        List.of("publishForComment", "closeComments"),
        calls,
        "at 29 days 23 hours: no reminder yet");
    processes.passTime(process, CLOSED.plus(Duration.ofDays(30)));
    assertEquals(
        List.of("publishForComment", "closeComments", "remindFinal"),
        calls,
        "at 30 days: reminded, not overdue");
    assertEquals(Set.of("Timer_FinalDeadline"), processes.due(process).keySet());
    assertEquals(
        respond, processes.task(process).getId(), "the reminder does not interrupt the work");

    processes.passTime(process, CLOSED.plus(Duration.ofDays(44)).plus(Duration.ofHours(23)));
    assertFalse(calls.contains("overdue"), "at 44 days 23 hours: not overdue yet");
    processes.passTime(process, CLOSED.plus(Duration.ofDays(45)));
    assertEquals(
        List.of("publishForComment", "closeComments", "remindFinal", "overdue"),
        calls,
        "at 45 days: overdue");
    assertEquals(
        respond,
        processes.task(process).getId(),
        "overdue, not dropped: the same task is still open");
    assertEquals(Map.of(), processes.due(process));

    finishFinal(process);
    assertEquals(
        List.of("publishForComment", "closeComments", "remindFinal", "overdue", "publish"),
        calls,
        "published late");
    assertTrue(processes.ended(process));
  }

  @Test
  void publishingWithinThirtyDaysCancelsTheReminderAndTheDeadline() {
    ProcessInstance process = commentsClosed();
    processes.at(CLOSED.plus(Duration.ofDays(20)));
    finishFinal(process);
    assertTrue(processes.ended(process));
    assertEquals(
        0, engine.getManagementService().createTimerJobQuery().count(), "both timers cancelled");
    assertEquals(
        List.of("publishForComment", "closeComments", "publish"),
        calls,
        "never reminded, never overdue");
  }

  @Test
  void publishingAfterTheReminderButWithinFortyFiveDaysIsNeverOverdue() {
    ProcessInstance process = commentsClosed();
    processes.passTime(process, CLOSED.plus(Duration.ofDays(31)));
    finishFinal(process);
    assertTrue(processes.ended(process));
    assertEquals(
        0, engine.getManagementService().createTimerJobQuery().count(), "the deadline cancelled");
    assertEquals(List.of("publishForComment", "closeComments", "remindFinal", "publish"), calls);
  }

  @Test
  void firstUseUnderNinetyDaysAwayWarnsTheAuthorAndTheCommissionerWhileCommentsComeIn() {
    firstUseTooSoon = true;
    ProcessInstance process = publishedForComment();
    assertEquals(
        List.of("Task_FirstUseWarningAuthor", "Task_FirstUseWarningCommissioner"), keys(process));
    Task author = processes.task(process, "Task_FirstUseWarningAuthor");
    assertEquals("author.policy", author.getAssignee());
    Task commissioner = processes.task(process, "Task_FirstUseWarningCommissioner");
    assertNull(commissioner.getAssignee());
    assertEquals(Set.of("commissioners"), processes.groups(commissioner));
    assertEquals(
        Map.of("Timer_CommentWindow", CLOSED),
        processes.due(process),
        "the comment period runs alongside the warnings");

    engine.getTaskService().complete(author.getId());
    engine.getTaskService().complete(commissioner.getId());
    assertEquals(List.of(), keys(process), "acknowledged");
    assertFalse(processes.ended(process), "the comment period still runs");
    processes.passTime(process, CLOSED);
    assertEquals(List.of("Task_RespondToComments"), keys(process));
  }

  @Test
  void firstUseFarEnoughAwayWarnsNobody() {
    firstUseTooSoon = false;
    ProcessInstance process = publishedForComment();
    assertEquals(List.of(), keys(process), "no warning task");
    assertEquals(Set.of("Timer_CommentWindow"), processes.due(process).keySet());
  }

  @Test
  void anUnacknowledgedWarningDoesNotOutliveTheFinalPublication() {
    firstUseTooSoon = true;
    ProcessInstance process = commentsClosed();
    assertEquals(
        List.of(
            "Task_FirstUseWarningAuthor",
            "Task_FirstUseWarningCommissioner",
            "Task_RespondToComments"),
        keys(process));
    finishFinal(process);
    assertEquals(List.of("publishForComment", "closeComments", "publish"), calls);
    assertTrue(processes.ended(process), "published: the process ends, warnings and all");
    assertEquals("EndEvent_Published", endActivity(process));
    assertEquals(
        0, engine.getTaskService().createTaskQuery().count(), "no warning task left behind");
  }
}
