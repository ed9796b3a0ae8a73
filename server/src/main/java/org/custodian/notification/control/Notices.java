package org.custodian.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.AppUser;
import org.custodian.notification.entity.MailMessage;
import org.custodian.notification.entity.Notice;
import org.custodian.platform.EngineClock;
import org.custodian.platform.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockOptions;
import org.hibernate.jpa.AvailableHints;

/**
 * What users should hear of. A capability records a notice in its own transaction (one insert), so
 * it commits or rolls back with the decision that caused it; once it commits, the {@link
 * MailSender} is woken to work out the recipients and send, outside that transaction, so an
 * unreachable mail server never delays or undoes a decision.
 */
@ApplicationScoped
public class Notices {

  @PersistenceContext EntityManager em;

  @Inject EngineClock clock;

  @Inject Directory directory;

  @Inject MailSender sender;

  // the server-wide name: a bean first made on a process engine job thread has no java:comp
  @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "custodian.mail.digest-time", defaultValue = "07:00")
  String digestTime;

  /**
   * Something happened to a task, for its assignee or else its candidate groups: it landed ({@code
   * TASK_ASSIGNED}), its reminder fired ({@code TASK_REMINDER}) or it passed its due time and was
   * escalated ({@code TASK_OVERDUE}, the groups then include the escalation group).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void task(
      Notice.Kind kind,
      String assignee,
      Collection<String> groups,
      String businessKey,
      String taskName,
      String link,
      Instant dueAt) {
    String prefix =
        switch (kind) {
          case TASK_REMINDER -> "Reminder: ";
          case TASK_OVERDUE -> "Overdue: ";
          default -> "";
        };
    record(
        kind, assignee, groups, businessKey, prefix + headline(taskName, businessKey), link, dueAt);
  }

  /**
   * The user's own request was decided: {@code outcome} says how, in words that name nobody (e.g.
   * "Access request AR-2026-000012 was approved").
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requestDecided(String requester, String businessKey, String outcome, String link) {
    record(Notice.Kind.REQUEST_DECIDED, requester, List.of(), businessKey, outcome, link, null);
  }

  private static String headline(String taskName, String businessKey) {
    return businessKey == null ? taskName : taskName + " " + businessKey;
  }

  private void record(
      Notice.Kind kind,
      String username,
      Collection<String> groups,
      String businessKey,
      String headline,
      String link,
      Instant dueAt) {
    if (username == null && (groups == null || groups.isEmpty())) {
      return;
    }
    em.persist(new Notice(kind, clock.now(), username, groups, businessKey, headline, link, dueAt));
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              sender.wake();
            }
          }
        });
  }

  /**
   * Works out who gets mail for the notices not yet resolved: the user, or the groups' members
   * (less those who muted group mail), each as they chose, at once or in their next digest. A
   * notice is taken by one node only: the batch is read {@code FOR UPDATE SKIP LOCKED} (on MariaDB;
   * H2, single-node, waits instead), so another node's run passes over the notices this one holds,
   * and they are marked resolved in the same transaction. Notices for the same groups (a burst of
   * tasks for one review layer) share one lookup of the members.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resolve(int limit) {
    Instant now = clock.now();
    List<Notice> batch =
        em.createNamedQuery(Notice.UNRESOLVED, Notice.class)
            .setMaxResults(limit)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(AvailableHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
            .getResultList();
    Map<Set<String>, List<Directory.Recipient>> members = new HashMap<>();
    for (Notice notice : batch) {
      notice.resolved(now);
      List<Directory.Recipient> recipients =
          notice.username() != null
              ? directory.recipient(notice.username()).map(List::of).orElse(List.of())
              : members.computeIfAbsent(Set.copyOf(notice.groups()), directory::recipients);
      for (Directory.Recipient r : recipients) {
        if (notice.forGroups() && r.muteGroupMail()) {
          continue;
        }
        boolean digest = r.mode() == AppUser.MailMode.DAILY_DIGEST;
        em.persist(
            new MailMessage(
                notice, r.username(), r.email(), digest, digest ? nextDigest(now) : now));
      }
    }
    return batch.size();
  }

  /** The next digest time (New York) after {@code now}. */
  Instant nextDigest(Instant now) {
    ZonedDateTime local = now.atZone(Pages.NEW_YORK);
    ZonedDateTime at = local.with(LocalTime.parse(digestTime));
    return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
  }

  /** A user's mail, newest first: what was sent, what waits, what failed. */
  public List<MailMessage> mailOf(String username, int limit) {
    return em.createNamedQuery(MailMessage.OF_USER, MailMessage.class)
        .setParameter("username", username)
        .setMaxResults(limit)
        .getResultList();
  }
}
