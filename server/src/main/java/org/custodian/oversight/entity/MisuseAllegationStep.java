package org.custodian.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step an investigator recorded: an interview, a log reviewed, a record requested. */
@Entity
@Table(name = "misuse_allegation_step")
@NamedQuery(
    name = MisuseAllegationStep.OF_ALLEGATION,
    query = "select s from MisuseAllegationStep s where s.allegationId = :allegation order by s.id")
public class MisuseAllegationStep {

  public static final String OF_ALLEGATION = "MisuseAllegationStep.ofAllegation";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "allegation_id", nullable = false)
  private long allegationId;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false, length = 4000)
  private String text;

  protected MisuseAllegationStep() {}

  public MisuseAllegationStep(long allegationId, Instant at, String actor, String text) {
    this.allegationId = allegationId;
    this.at = at;
    this.actor = actor;
    this.text = text;
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String text() {
    return text;
  }
}
