package org.custodian.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A system the policies cover, its access levels, and how many executive review layers it needs.
 */
@Entity
@Table(name = "technology")
@NamedQuery(
    name = Technology.ALL,
    query = "select distinct t from Technology t left join fetch t.accessLevels order by t.name")
@NamedQuery(
    name = Technology.BY_CODE,
    query = "select t from Technology t left join fetch t.accessLevels where t.code = :code")
public class Technology {

  public static final String ALL = "Technology.all";
  public static final String BY_CODE = "Technology.byCode";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String category;

  /** Policies: "Authorization requests receive several layers of executive review." */
  @Column(name = "review_layers", nullable = false)
  private int reviewLayers;

  @OneToMany(mappedBy = "technology")
  @OrderBy("id")
  private List<AccessLevel> accessLevels = new ArrayList<>();

  protected Technology() {}

  public Technology(String code, String name, String category, int reviewLayers) {
    this.code = Objects.requireNonNull(code, "code is required");
    this.name = Objects.requireNonNull(name, "name is required");
    this.category = Objects.requireNonNull(category, "category is required");
    changeReviewLayers(reviewLayers);
  }

  /** A new level of access to this technology, to persist. */
  public AccessLevel addLevel(String levelCode, String levelName, boolean intelligenceOnly) {
    if (level(levelCode).isPresent()) {
      throw new IllegalStateException(code + " has a level " + levelCode + " already");
    }
    AccessLevel level = new AccessLevel(this, levelCode, levelName, intelligenceOnly);
    accessLevels.add(level);
    return level;
  }

  /** The ids of this technology's access levels. */
  public java.util.List<Long> levelIds() {
    return accessLevels.stream().map(AccessLevel::id).toList();
  }

  public Optional<AccessLevel> level(String levelCode) {
    return accessLevels.stream().filter(l -> l.code().equals(levelCode)).findFirst();
  }

  public void changeReviewLayers(int layers) {
    if (layers < 1 || layers > 9) {
      throw new IllegalArgumentException("review layers must be between 1 and 9");
    }
    this.reviewLayers = layers;
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

  public String category() {
    return category;
  }

  public int reviewLayers() {
    return reviewLayers;
  }

  public List<AccessLevel> accessLevels() {
    return List.copyOf(accessLevels);
  }
}
