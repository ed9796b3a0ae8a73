package org.custodian.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Someone who signs in. The password hash is read by the server's Elytron jdbc-realm
 * (wildfly-config/security.cli); the application never sees a clear-text password.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = AppUser.ENABLED_MAYBE_IN_GROUPS,
    query =
        "select distinct u from AppUser u left join fetch u.command left join fetch u.roles"
            + " left join fetch u.groups left join u.command c"
            + " where u.enabled = true and ("
            + " exists (select 1 from AppUser x join x.groups g where x = u and g in :groups)"
            + " or exists (select 1 from AppUser y join y.roles r where y = u and r in :roles)"
            + " or (c.code in :codes"
            + " and exists (select 1 from AppUser z join z.roles r2 where z = u and r2 in :commandRoles)))")
@NamedQuery(
    name = AppUser.SIGNED_IN,
    query =
        "select u from AppUser u left join fetch u.command left join fetch u.roles"
            + " left join fetch u.groups where u.username = :username")
@NamedQuery(
    name = AppUser.ALL,
    query =
        "select u from AppUser u left join fetch u.command left join fetch u.technology"
            + " order by u.username")
@NamedQuery(
    name = AppUser.BY_NAME,
    query =
        "select u from AppUser u left join fetch u.command left join fetch u.technology"
            + " where u.username = :username")
@NamedQuery(name = AppUser.COUNT, query = "select count(u) from AppUser u")
public class AppUser {

  public static final String ALL = "AppUser.all";

  /** A user with their command, roles and groups: the one read each request makes. */
  public static final String SIGNED_IN = "AppUser.signedIn";

  public static final String COUNT = "AppUser.count";
  public static final String BY_NAME = "AppUser.byName";

  /**
   * The enabled users who may be in one of the groups: put there, or holding one of the roles, or
   * one of the command roles in one of the commands (the caller keeps those who are).
   */
  public static final String ENABLED_MAYBE_IN_GROUPS = "AppUser.enabledMaybeInGroups";

  /** How a user wants to hear of their work. */
  public enum MailMode {
    /** A message for each task, reminder and decision, as it happens. */
    IMMEDIATE,
    /** One message a day listing them. */
    DAILY_DIGEST
  }

  @Id private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "command_id")
  private Command command;

  @Column(name = "email")
  private String email;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "mail_mode", nullable = false)
  private MailMode mailMode = MailMode.IMMEDIATE;

  @Column(name = "mute_group_mail", nullable = false)
  private boolean muteGroupMail;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  /**
   * When the password, the roles or the account's state last changed (the server's own clock, as
   * the sign-in that it is compared with): a client signed in before then signs in again.
   */
  @Column(name = "credentials_changed_at")
  private java.time.Instant credentialsChangedAt;

  /** For a covered system's account: the technology whose access events it reports. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "technology_id")
  private Technology technology;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
  @Column(name = "role_name")
  private Set<String> roles = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_group", joinColumns = @JoinColumn(name = "username"))
  @Column(name = "group_name")
  private Set<String> groups = new HashSet<>();

  protected AppUser() {}

  public AppUser(String username, String passwordHash, String displayName, Command command) {
    this.username = Objects.requireNonNull(username, "username is required");
    this.passwordHash = Objects.requireNonNull(passwordHash, "password hash is required");
    this.displayName = Objects.requireNonNull(displayName, "display name is required");
    this.command = command;
    this.enabled = true;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public Command command() {
    return command;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The technology a covered system's account reports for; none for a person. */
  public Technology technology() {
    return technology;
  }

  public void bindTo(Technology technology) {
    this.technology = technology;
  }

  /** An administrator reset the password: the user changes it before anything else. */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** Whether the directory (Active Directory) checks this user's password, not Custodian. */
  public boolean signsInAgainstDirectory() {
    return passwordHash.startsWith("!");
  }

  public String passwordHash() {
    return passwordHash;
  }

  /** An administrator set a temporary password: the user must change it at the next sign-in. */
  public void resetPassword(String hash) {
    this.passwordHash = Objects.requireNonNull(hash);
    this.mustChangePassword = true;
    credentialsChanged();
  }

  /** The user chose their own password. */
  public void changePassword(String hash) {
    this.passwordHash = Objects.requireNonNull(hash);
    this.mustChangePassword = false;
    credentialsChanged();
  }

  public void enable(boolean enabled) {
    if (this.enabled != enabled) {
      credentialsChanged();
    }
    this.enabled = enabled;
  }

  /** When the password, the roles or the account's state last changed; null: never since made. */
  public java.time.Instant credentialsChangedAt() {
    return credentialsChangedAt;
  }

  private void credentialsChanged() {
    this.credentialsChangedAt = java.time.Instant.now();
  }

  /** What an administrator sets: name, roles, work groups, command, address. */
  public void administer(
      String displayName, Set<String> roles, Set<String> groups, Command command, String email) {
    this.displayName = Objects.requireNonNull(displayName);
    if (!this.roles.equals(roles)) {
      credentialsChanged();
    }
    this.roles.clear();
    this.roles.addAll(roles);
    this.groups.clear();
    this.groups.addAll(groups);
    this.command = command;
    this.email = email;
  }

  /** Where their mail goes; none: they get no mail. */
  public String email() {
    return email;
  }

  public MailMode mailMode() {
    return mailMode;
  }

  /** Whether mail for their groups' tasks is muted (their own tasks and requests still mail). */
  public boolean muteGroupMail() {
    return muteGroupMail;
  }

  public void changeEmail(String email) {
    this.email = email;
  }

  public void preferMail(MailMode mode, boolean muteGroupMail) {
    this.mailMode = java.util.Objects.requireNonNull(mode);
    this.muteGroupMail = muteGroupMail;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  public Set<String> groups() {
    return Set.copyOf(groups);
  }

  /**
   * Takes what the directory (Active Directory / LDAP) says of the user at sign-in: their roles,
   * groups, command, name and address. Whether anything changed.
   */
  public boolean takeFromDirectory(
      Set<String> roles, Set<String> groups, Command command, String displayName, String email) {
    boolean changed =
        !this.roles.equals(roles)
            || !this.groups.equals(groups)
            || !Objects.equals(id(this.command), id(command))
            || (displayName != null && !displayName.equals(this.displayName))
            || !Objects.equals(this.email, email);
    if (changed) {
      this.roles.clear();
      this.roles.addAll(roles);
      this.groups.clear();
      this.groups.addAll(groups);
      this.command = command;
      if (displayName != null) {
        this.displayName = displayName;
      }
      this.email = email;
    }
    return changed;
  }

  private static Long id(Command command) {
    return command == null ? null : command.id();
  }

  public void grantRole(String role) {
    roles.add(role);
  }

  public void joinGroup(String group) {
    groups.add(group);
  }
}
