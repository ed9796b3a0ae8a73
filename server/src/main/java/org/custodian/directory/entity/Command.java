package org.custodian.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A precinct, bureau or division, and the access levels its functions justify. */
@Entity
@Table(name = "command")
@NamedQuery(name = Command.BY_CODE, query = "select c from Command c where c.code = :code")
@NamedQuery(name = Command.ALL, query = "select c from Command c order by c.code")
public class Command {

  public static final String BY_CODE = "Command.byCode";
  public static final String ALL = "Command.all";

  public enum Kind {
    PRECINCT,
    BUREAU,
    INTELLIGENCE_DIVISION,
    UNIT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "command_permitted_level",
      joinColumns = @JoinColumn(name = "command_id"),
      inverseJoinColumns = @JoinColumn(name = "access_level_id"))
  private Set<AccessLevel> permittedLevels = new HashSet<>();

  protected Command() {}

  public Command(String code, String name, Kind kind) {
    this.code = Objects.requireNonNull(code, "code is required");
    this.name = Objects.requireNonNull(name, "name is required");
    this.kind = Objects.requireNonNull(kind, "kind is required");
  }

  /**
   * Policies: "Access levels are only granted for functions and abilities relevant to individual
   * commands."
   */
  public boolean permits(AccessLevel level) {
    return permittedLevels.contains(level);
  }

  /**
   * Revised Handschu Guidelines: "The Intelligence Division is the sole entity in the NYPD that may
   * conduct investigations involving political activity".
   */
  public boolean isIntelligenceDivision() {
    return kind == Kind.INTELLIGENCE_DIVISION;
  }

  public void permit(AccessLevel level) {
    permittedLevels.add(level);
  }

  /** The levels the command's functions justify, from now on. */
  public void permitOnly(Set<AccessLevel> levels) {
    permittedLevels.clear();
    permittedLevels.addAll(levels);
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public Set<AccessLevel> permittedLevels() {
    return Set.copyOf(permittedLevels);
  }
}
