package org.custodian.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A member of the department, assigned to one command. */
@Entity
@Table(name = "member")
@NamedQuery(
    name = Member.BY_COMMAND,
    query =
        "select m from Member m join fetch m.command where m.command.code = :command order by m.name")
@NamedQuery(
    name = Member.BY_TAX_NUMBER,
    query = "select count(m) from Member m where m.taxNumber = :tax")
@NamedQuery(
    name = Member.WITH_TAX_NUMBER,
    query = "select m from Member m join fetch m.command where m.taxNumber = :tax")
@NamedQuery(
    name = Member.WITH_IDS,
    query = "select m from Member m join fetch m.command where m.id in :ids")
@NamedQuery(
    name = Member.COMMAND_IDS,
    query = "select m.id, m.command.id from Member m where m.id in :ids")
public class Member {

  public static final String BY_COMMAND = "Member.byCommand";
  public static final String BY_TAX_NUMBER = "Member.byTaxNumber";
  public static final String WITH_TAX_NUMBER = "Member.withTaxNumber";
  public static final String COMMAND_IDS = "Member.commandIds";
  public static final String WITH_IDS = "Member.withIds";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tax_number", nullable = false, unique = true)
  private String taxNumber;

  @Column(nullable = false)
  private String name;

  @Column(name = "rank_title", nullable = false)
  private String rank;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "command_id")
  private Command command;

  @Column(nullable = false)
  private boolean active;

  protected Member() {}

  public Member(String taxNumber, String name, String rank, Command command) {
    this.taxNumber = Objects.requireNonNull(taxNumber, "tax number is required");
    this.name = Objects.requireNonNull(name, "name is required");
    this.rank = Objects.requireNonNull(rank, "rank is required");
    this.command = Objects.requireNonNull(command, "command is required");
    this.active = true;
  }

  /** The name or rank corrected, or a promotion recorded; the command moves only by an event. */
  public void correct(String name, String rank) {
    this.name = Objects.requireNonNull(name, "name is required");
    this.rank = Objects.requireNonNull(rank, "rank is required");
  }

  public void deactivate() {
    this.active = false;
  }

  /** Reassigned to another command (the assignment history is kept by Directory). */
  public void moveTo(Command newCommand) {
    this.command = Objects.requireNonNull(newCommand, "command is required");
  }

  public Long id() {
    return id;
  }

  public String taxNumber() {
    return taxNumber;
  }

  public String name() {
    return name;
  }

  public String rank() {
    return rank;
  }

  public Command command() {
    return command;
  }

  public boolean active() {
    return active;
  }
}
