package org.custodian.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryPolicyTest {

  private final DirectoryPolicy policy = new DirectoryPolicy();

  @Test
  void rolesThatOverseeEachOtherMayNotBeHeldTogether() {
    assertEquals(List.of("admin and auditor"), policy.incompatible(Set.of("admin", "auditor")));
    assertEquals(
        List.of("admin and privacy-officer"),
        policy.incompatible(Set.of("admin", "privacy-officer", "member")));
    assertEquals(
        List.of("chief-privacy-officer and privacy-officer"),
        policy.incompatible(Set.of("privacy-officer", "chief-privacy-officer")));
    assertEquals(List.of(), policy.incompatible(Set.of("auditor", "member")));
    assertEquals(
        List.of(), policy.incompatible(Set.of("commanding-officer", "executive-reviewer")));
  }
}
