package org.custodian.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.platform.Actor;
import org.custodian.platform.Groups;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who a group's mail goes to is exactly who is in the group: for every enabled user of the demo
 * directory and each kind of group (one an administrator puts users in, one a role gives, one a
 * command role gives for one command), the user is among the group's recipients if and only if
 * their own groups, as a request sees them, include it. The recipients come from one query.
 */
@ExtendWith(ArquillianExtension.class)
class RecipientsIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(RecipientsIT.class);
  }

  @Inject Directory directory;

  @PersistenceContext EntityManager em;

  private static final List<String> GROUPS =
      List.of(
          "access-review-1",
          Groups.PRIVACY_OFFICERS,
          Groups.commandingOfficers("PCT-075"),
          Groups.integrityControlOfficers("PCT-075"),
          Groups.commandingOfficers("NOWHERE"));

  @Test
  void aGroupsRecipientsAreExactlyItsMembers() {
    List<String> users =
        em.createQuery(
                "select u.username from AppUser u where u.enabled = true order by u.username",
                String.class)
            .getResultList();
    for (String group : GROUPS) {
      Set<String> expected = new TreeSet<>();
      for (String username : users) {
        Actor actor = directory.actor(username).orElseThrow();
        if (actor.inGroup(group)) {
          expected.add(username);
        }
      }
      Set<String> recipients = new TreeSet<>();
      directory.recipients(List.of(group)).forEach(r -> recipients.add(r.username()));
      assertEquals(expected, recipients, group);
    }
    Set<String> together = new TreeSet<>();
    directory.recipients(GROUPS).forEach(r -> together.add(r.username()));
    assertTrue(together.contains("co.ramirez"), together.toString());
    assertTrue(together.contains("rev.one"), together.toString());
    assertTrue(together.contains("apo.legal"), together.toString());
    assertTrue(directory.recipients(List.of()).isEmpty());
  }
}
