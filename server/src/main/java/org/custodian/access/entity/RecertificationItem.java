package org.custodian.access.entity;

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
import org.custodian.directory.entity.Command;

/** One grant to recertify in one campaign, and what its Commanding Officer decided. */
@Entity
@Table(name = "recertification_item")
@NamedQuery(
    name = RecertificationItem.OF_COMMAND,
    query =
        "select i from RecertificationItem i where i.campaign.id = :campaign and i.command.id = :command")
@NamedQuery(
    name = RecertificationItem.UNDECIDED,
    query =
        "select i from RecertificationItem i join fetch i.grant where i.campaign.id = :campaign and i.decision is null")
@NamedQuery(
    name = RecertificationItem.PROGRESS,
    query =
        "select i.command.id, i.decision, count(i) from RecertificationItem i where i.campaign.id = :campaign"
            + " group by i.command.id, i.decision")
@NamedQuery(
    name = RecertificationItem.COMMANDS,
    query =
        "select distinct i.command.id from RecertificationItem i where i.campaign.id = :campaign")
public class RecertificationItem {

  public static final String OF_COMMAND = "RecertificationItem.ofCommand";
  public static final String UNDECIDED = "RecertificationItem.undecided";
  public static final String PROGRESS = "RecertificationItem.progress";
  public static final String COMMANDS = "RecertificationItem.commands";

  public enum Decision {
    KEEP,
    END,
    /** Not certified by the deadline: the grant ended. */
    EXPIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id")
  private RecertificationCampaign campaign;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "command_id")
  private Command command;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "grant_id")
  private AccessGrant grant;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Decision decision;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected RecertificationItem() {}

  public RecertificationItem(RecertificationCampaign campaign, Command command, AccessGrant grant) {
    this.campaign = Objects.requireNonNull(campaign, "campaign is required");
    this.command = Objects.requireNonNull(command, "command is required");
    this.grant = Objects.requireNonNull(grant, "grant is required");
  }

  public void decide(Decision decision, String by, Instant at) {
    this.decision = Objects.requireNonNull(decision, "decision is required");
    this.decidedBy = Objects.requireNonNull(by, "decider is required");
    this.decidedAt = Objects.requireNonNull(at, "time is required");
  }

  public Long id() {
    return id;
  }

  public AccessGrant grant() {
    return grant;
  }

  public Decision decision() {
    return decision;
  }
}
