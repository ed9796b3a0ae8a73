package org.custodian.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.AppUser;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import jakarta.inject.Inject;
import org.custodian.audit.control.AuditLog;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.Roles;

/** Who and what the department has: commands, members, technologies, users. */
@ApplicationScoped
public class Directory {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  /** An admin adds a member to a command (the department's HR system may do so through the API). */
  @Transactional
  public Member addMember(Actor actor, String taxNumber, String name, String rank, String commandCode, boolean active) {
    actor.requireRole(Roles.ADMIN);
    List<FieldError> errors = new ArrayList<>();
    Optional<Command> command = commandCode == null ? Optional.empty() : command(commandCode);
    if (commandCode != null && command.isEmpty()) {
      errors.add(new FieldError("command", "There is no command " + commandCode + "."));
    }
    if (taxNumber != null && !taxNumber.matches("[0-9]{6,9}")) {
      errors.add(new FieldError("taxNumber", "The tax number is 6 to 9 digits."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (em.createNamedQuery(Member.BY_TAX_NUMBER, Long.class).setParameter("tax", taxNumber).getSingleResult() > 0) {
      throw new ConflictException("A member with tax number " + taxNumber + " exists already.");
    }
    Member member = new Member(taxNumber, name, rank, command.orElseThrow());
    if (!active) {
      member.deactivate();
    }
    em.persist(member);
    em.flush();
    audit.record(actor.username(), "MEMBER_ADDED", "Member", member.id(), taxNumber + " " + name + " to " + commandCode);
    return member;
  }

  /** Members of a command, for those who may see them; a search, so it is audited. */
  @Transactional
  public List<Member> searchMembers(Actor actor, String commandCode) {
    List<Member> members = membersOf(commandCode);
    audit.record(actor.username(), "MEMBERS_LISTED", "Command", commandCode, members.size() + " member(s)");
    return members;
  }

  /** The access levels a command's functions justify, as "TECH:LEVEL" codes. */
  @Transactional
  public java.util.Set<String> permittedLevelCodes(String commandCode) {
    return command(commandCode)
        .map(c -> c.permittedLevels().stream().map(AccessLevel::qualifiedCode).collect(java.util.stream.Collectors.toSet()))
        .orElse(java.util.Set.of());
  }

  public Optional<Member> member(long id) {
    return Optional.ofNullable(em.find(Member.class, id));
  }

  public List<Member> membersOf(String commandCode) {
    return em.createNamedQuery(Member.BY_COMMAND, Member.class).setParameter("command", commandCode).getResultList();
  }

  public Optional<Command> command(String code) {
    return em.createNamedQuery(Command.BY_CODE, Command.class).setParameter("code", code).getResultStream().findFirst();
  }

  public List<Technology> technologies() {
    return em.createNamedQuery(Technology.ALL, Technology.class).getResultList();
  }

  public Optional<Technology> technology(String code) {
    return em.createNamedQuery(Technology.BY_CODE, Technology.class).setParameter("code", code).getResultStream().findFirst();
  }

  public Optional<AccessLevel> accessLevel(long id) {
    return Optional.ofNullable(em.find(AccessLevel.class, id));
  }

  /** The enabled user as an Actor: roles, work groups and command read in one transaction. */
  @Transactional
  public Optional<Actor> actor(String username) {
    return user(username)
        .filter(AppUser::enabled)
        .map(u -> new Actor(u.username(), u.roles(), u.groups(), u.command() == null ? null : u.command().code()));
  }

  public Optional<AppUser> user(String username) {
    return Optional.ofNullable(em.find(AppUser.class, username));
  }
}
