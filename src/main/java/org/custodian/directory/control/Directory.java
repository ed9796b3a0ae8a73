package org.custodian.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.AppUser;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.platform.Actor;

/** Who and what the department has: commands, members, technologies, users. */
@ApplicationScoped
public class Directory {

  @PersistenceContext EntityManager em;

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
