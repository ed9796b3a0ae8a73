package org.custodian.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.AppUser;
import org.custodian.directory.entity.Assignment;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Roles;

/** Who and what the department has: commands, members, technologies, users. */
@ApplicationScoped
public class Directory {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Directory.class.getName());

  /** Ids per IN list: well under what MariaDB and H2 parse quickly. */
  private static final int IN_LIST = 1000;

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  @Inject org.custodian.platform.EngineClock clock;

  @Inject DirectoryPolicy policy;

  @Inject org.custodian.platform.Validation validation;

  /** An admin adds a member to a command (the department's HR system may do so through the API). */
  @Transactional
  public Member addMember(Actor actor, AddMember command) {
    policy.requireKeep(actor);
    validation.check(command);
    Command unit =
        command(command.command())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "command", "There is no command " + command.command() + "."));
    if (em.createNamedQuery(Member.BY_TAX_NUMBER, Long.class)
            .setParameter("tax", command.taxNumber())
            .getSingleResult()
        > 0) {
      throw new ConflictException(
          "A member with tax number " + command.taxNumber() + " exists already.");
    }
    Member member =
        new Member(command.taxNumber(), command.name().strip(), command.rank().strip(), unit);
    if (Boolean.FALSE.equals(command.active())) {
      member.deactivate();
    }
    em.persist(member);
    em.persist(new Assignment(member, member.command(), clock.now()));
    em.flush();
    audit.record(
        actor.username(),
        "MEMBER_ADDED",
        "Member",
        member.id(),
        "member " + member.id() + " to " + unit.code());
    return member;
  }

  /**
   * An admin adds a user who can sign in at once: the Elytron jdbc-realm reads the same tables, so
   * the server's configuration is not touched. The password is stored as a SHA-512-crypt hash.
   * Roles that defeat oversight together ({@link DirectoryPolicy#incompatible}) are refused.
   */
  @Transactional
  public AppUser addUser(Actor actor, AddUser user) {
    policy.requireKeep(actor);
    validation.check(user);
    Account account = account(user.roles(), user.command(), user.technology());
    Optional<Command> command = Optional.ofNullable(account.command());
    Optional<Technology> technology = Optional.ofNullable(account.technology());
    if (em.find(AppUser.class, user.username()) != null) {
      throw new ConflictException("The user " + user.username() + " exists already.");
    }
    String hash = PasswordHash.of(user.password());
    String displayName =
        user.displayName() == null || user.displayName().isBlank()
            ? user.username()
            : user.displayName().strip();
    AppUser created = new AppUser(user.username(), hash, displayName, command.orElse(null));
    user.roles().forEach(created::grantRole);
    technology.ifPresent(created::bindTo);
    if (user.groups() != null) {
      user.groups().forEach(created::joinGroup);
    }
    if (user.email() != null && !user.email().isBlank()) {
      created.changeEmail(user.email().strip());
    }
    em.persist(created);
    em.flush();
    audit.record(
        actor.username(),
        "USER_ADDED",
        "User",
        created.username(),
        "roles "
            + new java.util.TreeSet<>(user.roles())
            + (user.groups() == null ? "" : ", groups " + new java.util.TreeSet<>(user.groups())));
    return created;
  }

  /** The signed-in user's own choice of how to hear of their work; audited. */
  @Transactional
  public AppUser preferMail(Actor actor, MailPreferences preferences) {
    validation.check(preferences);
    AppUser user =
        user(actor.username())
            .orElseThrow(() -> new ConflictException("No user " + actor.username() + "."));
    user.preferMail(preferences.mode(), preferences.muteGroupMail());
    audit.record(
        actor.username(),
        "MAIL_PREFERENCES_CHANGED",
        "User",
        actor.username(),
        preferences.mode() + (preferences.muteGroupMail() ? ", group mail muted" : ""));
    return user;
  }

  /** The member's current assignment: when it started decides which personnel events are stale. */
  public Optional<Assignment> currentAssignment(long memberId) {
    return em.createNamedQuery(Assignment.CURRENT, Assignment.class)
        .setParameter("member", memberId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<Assignment> assignments(long memberId) {
    return em.createNamedQuery(Assignment.HISTORY, Assignment.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  /**
   * Reassigns the member: the current assignment ends and a new one starts at the effective
   * instant.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reassign(Member member, Command newCommand, Instant effectiveAt) {
    currentAssignment(member.id()).ifPresent(a -> a.end(effectiveAt));
    member.moveTo(newCommand);
    em.persist(new Assignment(member, newCommand, effectiveAt));
  }

  /** Separates the member from the department: no current assignment, no longer active. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void separate(Member member, Instant effectiveAt) {
    currentAssignment(member.id()).ifPresent(a -> a.end(effectiveAt));
    member.deactivate();
  }

  /** Members of a command, for those who may see them; a search, so it is audited. */
  @Transactional
  public List<Member> searchMembers(Actor actor, String commandCode) {
    policy.requireListMembers(actor, commandCode);
    command(commandCode)
        .orElseThrow(
            () -> new org.custodian.platform.NotFoundException("No command " + commandCode + "."));
    List<Member> members = membersOf(commandCode);
    audit.record(
        actor.username(), "MEMBERS_LISTED", "Command", commandCode, members.size() + " member(s)");
    return members;
  }

  /** The access levels a command's functions justify, as "TECH:LEVEL" codes. */
  @Transactional
  public java.util.Set<String> permittedLevelCodes(String commandCode) {
    return command(commandCode)
        .map(
            c ->
                c.permittedLevels().stream()
                    .map(AccessLevel::qualifiedCode)
                    .collect(java.util.stream.Collectors.toSet()))
        .orElse(java.util.Set.of());
  }

  /**
   * The command each of the given members belongs to now, by member id (for the capabilities that
   * group their records by command without reading the roster themselves).
   */
  public java.util.Map<Long, Long> commandIdsOf(java.util.Collection<Long> memberIds) {
    java.util.Map<Long, Long> commands = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(new java.util.TreeSet<>(memberIds));
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      for (Object[] row :
          em.createNamedQuery(Member.COMMAND_IDS, Object[].class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
              .getResultList()) {
        commands.put((Long) row[0], (Long) row[1]);
      }
    }
    return commands;
  }

  /** The given members, with their commands, by id. */
  public java.util.Map<Long, Member> membersById(java.util.Collection<Long> memberIds) {
    java.util.Map<Long, Member> members = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(new java.util.TreeSet<>(memberIds));
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      for (Member m :
          em.createNamedQuery(Member.WITH_IDS, Member.class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
              .getResultList()) {
        members.put(m.id(), m);
      }
    }
    return members;
  }

  public List<Command> commands() {
    return em.createNamedQuery(Command.ALL, Command.class).getResultList();
  }

  public Optional<Member> memberWithTaxNumber(String taxNumber) {
    return em.createNamedQuery(Member.WITH_TAX_NUMBER, Member.class)
        .setParameter("tax", taxNumber)
        .getResultStream()
        .findFirst();
  }

  public Optional<Member> member(long id) {
    return Optional.ofNullable(em.find(Member.class, id));
  }

  /**
   * The member, row-locked until the transaction ends: changes to one member's assignment queue
   * behind each other, and each sees what the one before it committed.
   */
  public Optional<Member> memberForUpdate(long id) {
    return Optional.ofNullable(
        em.find(Member.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  public List<Member> membersOf(String commandCode) {
    return em.createNamedQuery(Member.BY_COMMAND, Member.class)
        .setParameter("command", commandCode)
        .getResultList();
  }

  public Optional<Command> command(String code) {
    return em.createNamedQuery(Command.BY_CODE, Command.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  public List<Technology> technologies() {
    return em.createNamedQuery(Technology.ALL, Technology.class).getResultList();
  }

  public Optional<Technology> technology(String code) {
    return em.createNamedQuery(Technology.BY_CODE, Technology.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  public Optional<AccessLevel> accessLevel(long id) {
    return Optional.ofNullable(em.find(AccessLevel.class, id));
  }

  /** What a user's roles, command and technology resolve to, once they pass the rules. */
  private record Account(Command command, Technology technology) {}

  /**
   * The rules of every account, whether added or changed: known roles, none that oversee each
   * other, a command that exists, and a technology for a covered system's account only.
   */
  private Account account(Set<String> roles, String commandCode, String technologyCode) {
    List<FieldError> errors = new ArrayList<>();
    if (!Roles.ALL.containsAll(roles)) {
      errors.add(
          new FieldError(
              "roles", "Give one or more of " + new java.util.TreeSet<>(Roles.ALL) + "."));
    }
    List<String> incompatible = policy.incompatible(roles);
    if (!incompatible.isEmpty()) {
      errors.add(
          new FieldError(
              "roles",
              "One person may not hold "
                  + String.join(", nor ", incompatible)
                  + ": each oversees the other."));
    }
    Optional<Command> command =
        commandCode == null || commandCode.isBlank() ? Optional.empty() : command(commandCode);
    if (commandCode != null && !commandCode.isBlank() && command.isEmpty()) {
      errors.add(new FieldError("command", "There is no command " + commandCode + "."));
    }
    Optional<Technology> technology =
        technologyCode == null ? Optional.empty() : technology(technologyCode);
    boolean system = roles.contains(Roles.COVERED_SYSTEM);
    if (technologyCode != null && technology.isEmpty()) {
      errors.add(new FieldError("technology", "There is no technology " + technologyCode + "."));
    } else if (system && technology.isEmpty()) {
      errors.add(
          new FieldError(
              "technology", "A covered system's account names the technology it reports for."));
    } else if (!system && technology.isPresent()) {
      errors.add(
          new FieldError("technology", "Only a covered system's account names a technology."));
    }
    if (system && roles.size() > 1) {
      errors.add(
          new FieldError(
              "roles", "A covered system's account holds no other role than covered-system."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Account(command.orElse(null), technology.orElse(null));
  }

  /**
   * An administrator sets the levels a command's functions justify; audited with before and after.
   * An intelligence-only level is for the Intelligence Division alone (Revised Handschu
   * Guidelines). Grants already held at a level no longer permitted are not ended here: each use is
   * a finding at intake (OUTSIDE_FUNCTIONS), and the next recertification ends what the CO does not
   * keep.
   */
  @Transactional
  public Command permitLevels(Actor actor, String code, PermitLevels form) {
    policy.requireKeep(actor);
    validation.check(form);
    Command command =
        command(code).orElseThrow(() -> new NotFoundException("No command " + code + "."));
    Set<AccessLevel> levels = new java.util.HashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (String qualified : new java.util.TreeSet<>(form.levels())) {
      String[] parts = qualified.split(":");
      Optional<AccessLevel> level = technology(parts[0]).flatMap(t -> t.level(parts[1]));
      if (level.isEmpty()) {
        errors.add(new FieldError("levels", "There is no level " + qualified + "."));
      } else if (level.get().intelligenceOnly() && !command.isIntelligenceDivision()) {
        errors.add(
            new FieldError(
                "levels",
                qualified
                    + " is for the Intelligence Division alone: it conducts investigations"
                    + " involving political activity (Revised Handschu Guidelines)."));
      } else {
        levels.add(level.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String before = qualified(command.permittedLevels());
    command.permitOnly(levels);
    String after = qualified(levels);
    if (!before.equals(after)) {
      audit.record(
          actor.username(),
          "COMMAND_LEVELS_CHANGED",
          "Command",
          command.code(),
          before + " -> " + after);
    }
    return command;
  }

  private static String qualified(Set<AccessLevel> levels) {
    return levels.stream().map(AccessLevel::qualifiedCode).sorted().toList().toString();
  }

  /**
   * An administrator adds a command; audited. There is one Intelligence Division: "The Intelligence
   * Division is the sole entity in the NYPD that may conduct investigations involving political
   * activity" (Revised Handschu Guidelines), so a second command of that kind is refused.
   */
  @Transactional
  public Command addCommand(Actor actor, AddCommand form) {
    policy.requireKeep(actor);
    validation.check(form);
    if (command(form.code()).isPresent()) {
      throw new ConflictException("A command " + form.code() + " exists already.");
    }
    Command.Kind kind = Command.Kind.valueOf(form.kind());
    if (kind == Command.Kind.INTELLIGENCE_DIVISION) {
      commands().stream()
          .filter(Command::isIntelligenceDivision)
          .findFirst()
          .ifPresent(
              division -> {
                throw new InvalidInputException(
                    "kind",
                    division.code()
                        + " is the Intelligence Division, the sole entity that may conduct"
                        + " investigations involving political activity (Revised Handschu"
                        + " Guidelines): there is no second one.");
              });
    }
    Command command = new Command(form.code(), form.name().strip(), kind);
    em.persist(command);
    em.flush();
    audit.record(
        actor.username(),
        "COMMAND_ADDED",
        "Command",
        command.code(),
        command.code() + " (" + kind + "): " + command.name());
    return command;
  }

  /** An administrator adds a technology the policies cover; audited. */
  @Transactional
  public Technology addTechnology(Actor actor, AddTechnology form) {
    policy.requireKeep(actor);
    validation.check(form);
    if (technology(form.code()).isPresent()) {
      throw new ConflictException("A technology " + form.code() + " exists already.");
    }
    Technology technology =
        new Technology(form.code(), form.name().strip(), form.category(), form.reviewLayers());
    em.persist(technology);
    em.flush();
    audit.record(
        actor.username(),
        "TECHNOLOGY_ADDED",
        "Technology",
        technology.code(),
        technology.code()
            + " ("
            + technology.category()
            + ", "
            + technology.reviewLayers()
            + " review layer(s)): "
            + technology.name());
    return technology;
  }

  /**
   * An administrator adds an access level to a technology; audited. No command permits it yet: the
   * administrator ticks it for the commands whose functions justify it.
   */
  @Transactional
  public Technology addAccessLevel(Actor actor, String technologyCode, AddAccessLevel form) {
    policy.requireKeep(actor);
    validation.check(form);
    Technology technology =
        technology(technologyCode)
            .orElseThrow(() -> new NotFoundException("No technology " + technologyCode + "."));
    if (technology.level(form.code()).isPresent()) {
      throw new ConflictException(technologyCode + " has a level " + form.code() + " already.");
    }
    AccessLevel level =
        technology.addLevel(
            form.code(), form.name().strip(), Boolean.TRUE.equals(form.intelligenceOnly()));
    em.persist(level);
    em.flush();
    audit.record(
        actor.username(),
        "ACCESS_LEVEL_ADDED",
        "Technology",
        technology.code(),
        level.qualifiedCode()
            + (level.intelligenceOnly() ? " (Intelligence Division only)" : "")
            + ": "
            + level.name());
    return technology;
  }

  /**
   * An administrator corrects a member's name or rank; audited with the rank before and after (the
   * name is personal data: the entry says that it changed, not what it was).
   */
  @Transactional
  public Member changeMember(Actor actor, long id, ChangeMember form) {
    policy.requireKeep(actor);
    validation.check(form);
    Member member =
        memberForUpdate(id).orElseThrow(() -> new NotFoundException("No member " + id + "."));
    String commandCode = member.command().code(); // loaded here: callers show the member after
    String name = form.name().strip();
    String rank = form.rank().strip();
    List<String> changes = new ArrayList<>();
    if (!member.name().equals(name)) {
      changes.add("name changed");
    }
    if (!member.rank().equals(rank)) {
      changes.add("rank " + member.rank() + " -> " + rank);
    }
    if (!changes.isEmpty()) {
      member.correct(name, rank);
      audit.record(
          actor.username(),
          "MEMBER_CHANGED",
          "Member",
          member.id(),
          "member " + member.id() + " of " + commandCode + ": " + String.join(", ", changes));
    }
    return member;
  }

  /** An administrator changes a technology's review layers; audited. */
  @Transactional
  public Technology changeTechnology(Actor actor, String code, ChangeTechnology form) {
    policy.requireKeep(actor);
    validation.check(form);
    Technology technology =
        technology(code).orElseThrow(() -> new NotFoundException("No technology " + code + "."));
    int before = technology.reviewLayers();
    technology.changeReviewLayers(form.reviewLayers());
    if (before != form.reviewLayers()) {
      audit.record(
          actor.username(),
          "TECHNOLOGY_CHANGED",
          "Technology",
          code,
          "review layers " + before + " -> " + form.reviewLayers());
    }
    return technology;
  }

  /**
   * One page of the users, by name; admin only, and audited: names, addresses, roles and commands
   * are personal data (policies, INTERNAL AUDIT &amp; OVERSIGHT).
   */
  @Transactional
  public List<AppUser> users(Actor actor, int offset, int limit) {
    policy.requireKeep(actor);
    List<AppUser> page =
        em.createNamedQuery(AppUser.ALL, AppUser.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    audit.record(
        actor.username(), "USERS_LISTED", "User", "all", page.size() + " user(s) from " + offset);
    return page;
  }

  public long countUsers(Actor actor) {
    policy.requireKeep(actor);
    return em.createNamedQuery(AppUser.COUNT, Long.class).getSingleResult();
  }

  /** One user, as an administrator opens them; audited. */
  @Transactional
  public AppUser user(Actor actor, String username) {
    AppUser user = administered(actor, username);
    audit.record(actor.username(), "USER_VIEWED", "User", username, null);
    return user;
  }

  /** One user with their command and technology, for an administrator. */
  public AppUser administered(Actor actor, String username) {
    policy.requireKeep(actor);
    return em.createNamedQuery(AppUser.BY_NAME, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No user " + username + "."));
  }

  /** An administrator changes a user; audited with what changed. Nobody disables themselves. */
  @Transactional
  public AppUser updateUser(Actor actor, String username, UpdateUser change) {
    policy.requireKeep(actor);
    validation.check(change);
    AppUser user = administered(actor, username);
    if (!change.enabled() && actor.username().equals(username)) {
      throw new InvalidInputException("enabled", "You cannot disable your own account.");
    }
    String before = describe(user);
    if (user.signsInAgainstDirectory()) {
      // roles, groups and command come from the directory at each sign-in
      user.enable(change.enabled());
    } else {
      Account account =
          account(
              change.roles(),
              change.command(),
              user.technology() == null ? null : user.technology().code());
      user.administer(
          change.displayName() == null || change.displayName().isBlank()
              ? user.displayName()
              : change.displayName().strip(),
          change.roles(),
          change.groups() == null ? Set.of() : change.groups(),
          account.command(),
          change.email() == null || change.email().isBlank() ? null : change.email().strip());
      user.enable(change.enabled());
    }
    String after = describe(user);
    if (!before.equals(after)) {
      audit.record(actor.username(), "USER_CHANGED", "User", username, before + " -> " + after);
    }
    return user;
  }

  private static String describe(AppUser u) {
    return "roles "
        + new java.util.TreeSet<>(u.roles())
        + ", groups "
        + new java.util.TreeSet<>(u.groups())
        + ", command "
        + (u.command() == null ? "none" : u.command().code())
        + ", email "
        + (u.email() == null ? "none" : u.email())
        + (u.enabled() ? ", enabled" : ", disabled");
  }

  /**
   * An administrator gives a user a temporary password, to be changed at their next sign-in. Not
   * for a user the directory signs in, nor for the administrator themselves (they change theirs).
   */
  @Transactional
  public void resetPassword(Actor actor, String username, ResetPassword reset) {
    policy.requireKeep(actor);
    validation.check(reset);
    AppUser user = administered(actor, username);
    if (user.signsInAgainstDirectory()) {
      throw new ConflictException(
          username + " signs in against the directory: reset the password there.");
    }
    if (actor.username().equals(username)) {
      throw new ConflictException("Change your own password on the Password screen.");
    }
    user.resetPassword(PasswordHash.of(reset.temporaryPassword()));
    audit.record(
        actor.username(),
        "USER_PASSWORD_RESET",
        "User",
        username,
        "temporary password set; to be changed at the next sign-in");
  }

  /** The signed-in user sets their own password, giving the current one. */
  @Transactional
  public void changePassword(String username, ChangePassword change) {
    validation.check(change);
    AppUser user = user(username).orElseThrow(() -> new ForbiddenException("Sign in first."));
    if (user.signsInAgainstDirectory()) {
      throw new ConflictException("You sign in against the directory: change your password there.");
    }
    if (!PasswordHash.matches(change.currentPassword(), user.passwordHash())) {
      throw new InvalidInputException("currentPassword", "is not your current password");
    }
    if (change.newPassword().equals(change.currentPassword())) {
      throw new InvalidInputException("newPassword", "must differ from the current one");
    }
    user.changePassword(PasswordHash.of(change.newPassword()));
    audit.record(username, "USER_PASSWORD_CHANGED", "User", username, "by the user");
  }

  /**
   * A user the directory signed in, as Custodian's own user: created at their first sign-in (with
   * no password: the directory checks it), and brought up to date with what the directory says of
   * them at each sign-in, the change audited. A user an administrator disabled in Custodian stays
   * disabled.
   */
  @Transactional
  public Optional<Actor> actorFromDirectory(DirectoryAccounts.Account account) {
    // the rules every account keeps hold for the directory's accounts too
    List<String> incompatible = policy.incompatible(account.roles());
    if (!incompatible.isEmpty()
        || (account.roles().contains(Roles.COVERED_SYSTEM) && account.roles().size() > 1)) {
      String problem =
          incompatible.isEmpty()
              ? "covered-system with other roles"
              : String.join(", nor ", incompatible);
      LOG.warning(
          () ->
              "The directory gives "
                  + account.username()
                  + " roles one account may not hold ("
                  + problem
                  + "): not signed in");
      throw new ForbiddenException(
          "The directory gives you roles one person may not hold ("
              + problem
              + "): ask its administrators to correct your groups.");
    }
    Command command = account.command() == null ? null : command(account.command()).orElse(null);
    AppUser user = em.find(AppUser.class, account.username());
    boolean created = user == null;
    if (created) {
      user =
          new AppUser(
              account.username(),
              NO_LOCAL_PASSWORD,
              account.displayName() == null ? account.username() : account.displayName(),
              command);
      em.persist(user);
    }
    if (user.takeFromDirectory(
            account.roles(), account.groups(), command, account.displayName(), account.email())
        || created) {
      audit.record(
          account.username(),
          created ? "USER_ADDED_FROM_DIRECTORY" : "USER_UPDATED_FROM_DIRECTORY",
          "User",
          account.username(),
          "roles "
              + account.roles()
              + ", groups "
              + account.groups()
              + ", command "
              + (command == null ? "none" : command.code())
              + (account.command() != null && command == null
                  ? " (the directory's " + account.command() + " is no command here)"
                  : ""));
    }
    return Optional.of(user).filter(AppUser::enabled).map(Directory::actorOf);
  }

  /**
   * The password hash of a user the directory signs in: no password a modular-crypt check can
   * match, so the database realm never signs them in ("Passwords are never stored locally").
   */
  static final String NO_LOCAL_PASSWORD = "!directory";

  /**
   * The enabled user as an Actor, and whether they must change their password before anything else:
   * read in one transaction, the one read each request makes of the user.
   */
  @Transactional
  public Optional<SignedIn> signedIn(String username) {
    return em.createNamedQuery(AppUser.SIGNED_IN, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .filter(AppUser::enabled)
        .map(u -> new SignedIn(actorOf(u), u.mustChangePassword(), u.credentialsChangedAt()));
  }

  /** A signed-in user: who they are, and whether a reset password still waits to be changed. */
  public record SignedIn(
      Actor actor, boolean mustChangePassword, java.time.Instant credentialsChangedAt) {

    /**
     * Whether a sign-in at {@code signedInAt} predates a change of password, roles or state (none
     * recorded: no change since the account was made, or a directory account).
     */
    public boolean credentialsChangedSince(java.time.Instant signedInAt) {
      return credentialsChangedAt != null && credentialsChangedAt.isAfter(signedInAt);
    }
  }

  /** The enabled user as an Actor: roles, work groups and command read in one transaction. */
  @Transactional
  public Optional<Actor> actor(String username) {
    return user(username).filter(AppUser::enabled).map(Directory::actorOf);
  }

  /** The work groups every holder of a role is in. */
  private static final Map<String, String> ROLE_GROUPS =
      Map.of(
          Roles.ITB_ANALYST, Groups.ITB_ANALYSTS,
          Roles.IAB_INVESTIGATOR, Groups.IAB_INVESTIGATORS,
          Roles.PRIVACY_OFFICER, Groups.PRIVACY_OFFICERS,
          Roles.CHIEF_PRIVACY_OFFICER, Groups.CHIEF_PRIVACY_OFFICERS,
          Roles.POLICY_AUTHOR, Groups.POLICY_AUTHORS,
          Roles.LEGAL_REVIEWER, Groups.LEGAL_REVIEWERS,
          Roles.COMMISSIONER, Groups.COMMISSIONERS);

  /** The work groups every holder of a role is in for their own command, by the group's name. */
  private static final Map<String, Function<String, String>> COMMAND_ROLE_GROUPS =
      Map.of(
          Roles.COMMANDING_OFFICER, Groups::commandingOfficers,
          Roles.INTEGRITY_CONTROL_OFFICER, Groups::integrityControlOfficers);

  /**
   * A user's work groups: those an admin put them in, those of their roles, and for a Commanding
   * Officer or Integrity Control Officer their command's (e.g. commanding-officer@CODE).
   */
  private static Actor actorOf(AppUser u) {
    String command = u.command() == null ? null : u.command().code();
    Set<String> groups = new java.util.HashSet<>(u.groups());
    for (String role : u.roles()) {
      Optional.ofNullable(ROLE_GROUPS.get(role)).ifPresent(groups::add);
      if (command != null && COMMAND_ROLE_GROUPS.containsKey(role)) {
        groups.add(COMMAND_ROLE_GROUPS.get(role).apply(command));
      }
    }
    return new Actor(u.username(), u.roles(), groups, command);
  }

  /** Someone mail may go to: their address (none: no mail) and how they want it. */
  public record Recipient(
      String username, String email, AppUser.MailMode mode, boolean muteGroupMail) {
    static Recipient of(AppUser u) {
      return new Recipient(u.username(), u.email(), u.mailMode(), u.muteGroupMail());
    }
  }

  /** An enabled user, as a recipient. */
  public Optional<Recipient> recipient(String username) {
    return user(username).filter(AppUser::enabled).map(Recipient::of);
  }

  /**
   * The enabled users in any of the groups, the inverse of {@link #actorOf}: the groups an admin
   * put users in, and the groups their roles (and commands) put them in.
   */
  public List<Recipient> recipients(java.util.Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    // One query for everyone who might be in one of the groups: put there by an administrator,
    // or holding a role whose group it is, or a command role in one of the groups' commands.
    // Then exactly those whose groups (as actorOf gives them) include one of the groups.
    Set<String> roles = new java.util.HashSet<>();
    ROLE_GROUPS.forEach(
        (role, group) -> {
          if (groups.contains(group)) {
            roles.add(role);
          }
        });
    Set<String> commandCodes = new java.util.HashSet<>();
    for (String group : groups) {
      int at = group.indexOf('@');
      if (at > 0) {
        commandCodes.add(group.substring(at + 1));
      }
    }
    Map<String, Recipient> found = new java.util.TreeMap<>();
    em.createNamedQuery(AppUser.ENABLED_MAYBE_IN_GROUPS, AppUser.class)
        .setParameter("groups", groups)
        .setParameter("roles", roles.isEmpty() ? Set.of("") : roles)
        .setParameter("codes", commandCodes.isEmpty() ? Set.of("") : commandCodes)
        .setParameter("commandRoles", COMMAND_ROLE_GROUPS.keySet())
        .getResultStream()
        .filter(u -> actorOf(u).groups().stream().anyMatch(groups::contains))
        .forEach(u -> found.put(u.username(), Recipient.of(u)));
    return List.copyOf(found.values());
  }

  /** The enabled users holding a role. */
  @SuppressWarnings("unchecked")
  public List<String> usersWithRole(String role) {
    return em.createNativeQuery(
            "SELECT u.username FROM app_user u JOIN app_user_role r ON r.username = u.username WHERE r.role_name = ?1 AND u.enabled = TRUE ORDER BY u.username")
        .setParameter(1, role)
        .getResultList();
  }

  public Optional<AppUser> user(String username) {
    return Optional.ofNullable(em.find(AppUser.class, username));
  }
}
