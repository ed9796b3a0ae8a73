package org.custodian.oversight.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;
import org.junit.jupiter.api.Test;

/**
 * Focused audits (policies, INTERNAL AUDIT &amp; OVERSIGHT): the Information Technology Bureau
 * decides, never on a request one made oneself; a command asks about its own members only.
 */
class FocusedAuditPolicyTest {

  private final OversightPolicy policy = new OversightPolicy();

  private static Actor actor(String username, String command, String... roles) {
    return new Actor(username, Set.of(roles), Set.of(), command);
  }

  @Test
  void theBureauDecidesButNotOnItsOwnRequest() {
    Actor both = actor("itb.iab", null, Roles.ITB_ANALYST, Roles.IAB_INVESTIGATOR);
    ForbiddenException own =
        assertThrows(
            ForbiddenException.class, () -> policy.requireDecideFocusedAudit(both, "itb.iab"));
    assertEquals("Nobody approves their own request.", own.getMessage());
    assertDoesNotThrow(() -> policy.requireDecideFocusedAudit(both, "iab.santos"));
    assertThrows(
        ForbiddenException.class,
        () ->
            policy.requireDecideFocusedAudit(
                actor("iab.santos", null, Roles.IAB_INVESTIGATOR), "someone.else"));
  }

  @Test
  void aCommandAsksAboutItsOwnMembersOnly() {
    Actor co = actor("co.ramirez", "PCT-075", Roles.COMMANDING_OFFICER);
    assertDoesNotThrow(() -> policy.requireAuditMember(co, "931001", "PCT-075"));
    assertThrows(
        ForbiddenException.class, () -> policy.requireAuditMember(co, "940001", "PCT-040"));
    assertThrows(
        ForbiddenException.class,
        () -> policy.requireAuditMember(co, "999999", null),
        "a tax number no member has is not the command's");
    assertDoesNotThrow(
        () ->
            policy.requireAuditMember(
                actor("iab.santos", null, Roles.IAB_INVESTIGATOR), "940001", "PCT-040"));
  }
}
