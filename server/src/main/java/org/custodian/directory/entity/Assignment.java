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
import java.time.Instant;
import java.util.Objects;

/** A member's assignment to a command, from when to when: the history that access follows. */
@Entity
@Table(name = "member_assignment")
@NamedQuery(
    name = Assignment.CURRENT,
    query =
        "select a from Assignment a where a.member.id = :member and a.endedAt is null order by a.startedAt desc")
@NamedQuery(
    name = Assignment.HISTORY,
    query =
        "select a from Assignment a join fetch a.command where a.member.id = :member order by a.startedAt desc")
public class Assignment {

  public static final String CURRENT = "Assignment.current";
  public static final String HISTORY = "Assignment.history";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "member_id")
  private Member member;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "command_id")
  private Command command;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected Assignment() {}

  public Assignment(Member member, Command command, Instant startedAt) {
    this.member = Objects.requireNonNull(member, "member is required");
    this.command = Objects.requireNonNull(command, "command is required");
    this.startedAt = Objects.requireNonNull(startedAt, "start is required");
  }

  public void end(Instant at) {
    this.endedAt = Objects.requireNonNull(at, "end is required");
  }

  public Command command() {
    return command;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
