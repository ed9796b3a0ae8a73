package org.custodian.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodian.directory.control.Directory;
import org.custodian.notification.entity.Notice;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Working out the recipients of notices from several runs at once (two here, and the server's own
 * mail sender besides, as several nodes would): every notice is resolved by exactly one of them, so
 * each recipient gets each message once, on MariaDB.
 */
@ExtendWith(ArquillianExtension.class)
class NoticesIT {

  private static final String GROUP = "access-review-1";
  private static final int NOTICES = 120;

  @Deployment
  static WebArchive deployment() {
    return Deployments.warWith(NoticesIT.class);
  }

  @Inject Notices notices;

  @Inject Directory directory;

  @PersistenceContext EntityManager em;

  @Inject UserTransaction tx;

  @Resource ManagedExecutorService executor;

  @Test
  void concurrentRunsResolveEachNoticeOnce() throws Exception {
    String key = "NT-" + System.nanoTime();
    List<Long> ids = new ArrayList<>();
    tx.begin();
    for (int i = 0; i < NOTICES; i++) {
      Notice notice =
          new Notice(
              Notice.Kind.TASK_ASSIGNED,
              Instant.now(),
              null,
              List.of(GROUP),
              key + "-" + i,
              "Review access request " + key + "-" + i,
              "/custodian/inbox/index.xhtml",
              null);
      em.persist(notice);
      em.flush();
      ids.add(notice.id());
    }
    tx.commit();

    Callable<Integer> drain =
        () -> {
          int resolved = 0;
          int n;
          while ((n = notices.resolve(7)) > 0) {
            resolved += n;
          }
          return resolved;
        };
    List<Future<Integer>> runs = List.of(executor.submit(drain), executor.submit(drain));
    for (Future<Integer> run : runs) {
      run.get();
    }
    // the server's own sender may still hold the last notices it took (the runs skipped them):
    // they are done when it commits, their messages with them
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (unresolved(ids) > 0 && System.nanoTime() < deadline) {
      notices.resolve(7);
    }
    assertEquals(0, unresolved(ids), "every notice resolved");

    long recipients =
        directory.recipients(List.of(GROUP)).stream().filter(r -> !r.muteGroupMail()).count();
    assertFalse(recipients == 0, "the group has members to mail");
    Map<Long, Long> messages = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select m.notice.id, count(m) from MailMessage m where m.notice.id in :ids"
                    + " group by m.notice.id",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      messages.put((Long) row[0], (Long) row[1]);
    }
    for (Long id : ids) {
      assertEquals(
          recipients,
          messages.getOrDefault(id, 0L),
          "notice " + id + ": one message per recipient, none twice");
    }
  }

  private long unresolved(List<Long> ids) {
    return em.createQuery(
            "select count(n) from Notice n where n.id in :ids and n.resolvedAt is null", Long.class)
        .setParameter("ids", ids)
        .getSingleResult();
  }
}
