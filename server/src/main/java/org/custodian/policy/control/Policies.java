package org.custodian.policy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.platform.NotFoundException;
import org.custodian.policy.entity.PolicyDocument;
import org.custodian.policy.entity.PolicyVersion;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;

/**
 * The published impact and use policies and their versions. A published version never changes, so
 * what the public pages show of it is kept in memory once read; only "which version is current" is
 * asked of the database each time.
 */
@ApplicationScoped
@Transactional
public class Policies {

  /** One version in a policy's history. */
  public record VersionInfo(int number, String label, Instant publishedAt, Long addendumId) {
    public int getNumber() {
      return number;
    }

    public String getLabel() {
      return label;
    }

    public Instant getPublishedAt() {
      return publishedAt;
    }

    public Long getAddendumId() {
      return addendumId;
    }
  }

  /** A version with its text and its policy's history up to it: immutable, cacheable. */
  public record PublishedText(
      String code,
      String title,
      int number,
      String label,
      Instant publishedAt,
      Long addendumId,
      List<Section> sections,
      List<VersionInfo> history) {
    public String getCode() {
      return code;
    }

    public String getTitle() {
      return title;
    }

    public int getNumber() {
      return number;
    }

    public String getLabel() {
      return label;
    }

    public Instant getPublishedAt() {
      return publishedAt;
    }

    public Long getAddendumId() {
      return addendumId;
    }

    public List<Section> getSections() {
      return sections;
    }

    public List<VersionInfo> getHistory() {
      return history;
    }
  }

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject org.custodian.audit.control.AuditLog audit;

  @jakarta.inject.Inject org.custodian.directory.control.Directory directory;

  @jakarta.inject.Inject PublicationPolicy publication;

  @jakarta.inject.Inject org.custodian.platform.Validation validation;

  @jakarta.inject.Inject org.custodian.platform.EngineClock clock;

  private final Map<Long, PublishedText> texts = new ConcurrentHashMap<>();

  public List<PolicyDocument> documents() {
    return em.createNamedQuery(PolicyDocument.ALL, PolicyDocument.class).getResultList();
  }

  public PolicyDocument document(String code) {
    return em.createNamedQuery(PolicyDocument.BY_CODE, PolicyDocument.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("There is no policy " + code + "."));
  }

  /**
   * The policy that covers a technology (the ERMS policy covers every record source), if any. The
   * directory says which technology the code names.
   */
  public java.util.Optional<PolicyDocument> coveringTechnology(String technologyCode) {
    var technology = directory.technology(technologyCode);
    if (technology.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<?> ids =
        em.createNativeQuery(
                "SELECT policy_document_id FROM policy_coverage WHERE technology_id = ?1")
            .setParameter(1, technology.get().id())
            .getResultList();
    return ids.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(em.find(PolicyDocument.class, ((Number) ids.get(0)).longValue()));
  }

  /** A technology some policy covers, with that policy's title. */
  public record Coverage(String technology, String name, String policyTitle) {}

  /** The technologies some policy covers, by the policy's title, then the technology's name. */
  public List<Coverage> coveredTechnologies() {
    Map<Long, String> titles = new java.util.HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT c.technology_id, d.title FROM policy_coverage c JOIN policy_document d ON d.id = c.policy_document_id")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      titles.put(((Number) columns[0]).longValue(), (String) columns[1]);
    }
    return directory.technologies().stream()
        .filter(t -> titles.containsKey(t.id()))
        .map(t -> new Coverage(t.code(), t.name(), titles.get(t.id())))
        .sorted(java.util.Comparator.comparing(Coverage::policyTitle).thenComparing(Coverage::name))
        .toList();
  }

  public List<VersionInfo> history(PolicyDocument policy) {
    return em
        .createNamedQuery(PolicyVersion.OF_POLICY, PolicyVersion.class)
        .setParameter("policy", policy.id())
        .getResultList()
        .stream()
        .map(Policies::info)
        .toList();
  }

  /** Every policy, by title, with its versions (the latest first): one query. */
  public Map<PolicyDocument, List<VersionInfo>> histories() {
    Map<PolicyDocument, List<VersionInfo>> histories = new java.util.LinkedHashMap<>();
    for (PolicyVersion v :
        em.createNamedQuery(PolicyVersion.ALL, PolicyVersion.class).getResultList()) {
      histories.computeIfAbsent(v.policy(), p -> new java.util.ArrayList<>()).add(info(v));
    }
    return histories;
  }

  private static VersionInfo info(PolicyVersion v) {
    return new VersionInfo(v.number(), v.label(), v.publishedAt(), v.addendumId());
  }

  /** A version by its id (an addendum names the version it started from and the one it became). */
  public PolicyVersion version(long id) {
    PolicyVersion version = em.find(PolicyVersion.class, id);
    if (version == null) {
      throw new org.custodian.platform.NotFoundException("There is no policy version " + id + ".");
    }
    return version;
  }

  /** The numbers of several versions by their ids, in one query. */
  public Map<Long, Integer> versionNumbers(java.util.Collection<Long> ids) {
    Map<Long, Integer> numbers = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      for (Object[] row :
          em.createQuery(
                  "select v.id, v.number from PolicyVersion v where v.id in :ids", Object[].class)
              .setParameter("ids", ids)
              .getResultList()) {
        numbers.put((Long) row[0], (Integer) row[1]);
      }
    }
    return numbers;
  }

  public PolicyVersion latest(PolicyDocument policy) {
    return em.createNamedQuery(PolicyVersion.OF_POLICY, PolicyVersion.class)
        .setParameter("policy", policy.id())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("Policy " + policy.code() + " has no published version."));
  }

  public PolicyVersion version(PolicyDocument policy, int number) {
    return em.createNamedQuery(PolicyVersion.NUMBERED, PolicyVersion.class)
        .setParameter("policy", policy.id())
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Policy " + policy.code() + " has no version " + number + "."));
  }

  /**
   * The current version's text ({@code number} null) or a given version's: one query for the
   * version's id, the text itself from memory once read.
   */
  public PublishedText text(String code, Integer number) {
    Long versionId =
        (number == null
                ? em.createNamedQuery(PolicyVersion.LATEST_ID_BY_CODE, Long.class)
                : em.createNamedQuery(PolicyVersion.NUMBERED_ID_BY_CODE, Long.class)
                    .setParameter("number", number))
            .setParameter("code", code)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (versionId == null) {
      PolicyDocument policy = document(code); // says which is missing: the policy, or the version
      throw new NotFoundException(
          number == null
              ? "Policy " + code + " has no published version."
              : "Policy " + policy.code() + " has no version " + number + ".");
    }
    return texts.computeIfAbsent(versionId, id -> read(em.find(PolicyVersion.class, id)));
  }

  private PublishedText read(PolicyVersion v) {
    PolicyDocument policy = v.policy();
    List<VersionInfo> history =
        history(policy).stream().filter(h -> h.number() <= v.number()).toList();
    return new PublishedText(
        policy.code(),
        policy.title(),
        v.number(),
        v.label(),
        v.publishedAt(),
        v.addendumId(),
        v.sections(),
        history);
  }

  /** Any two versions, section by section. */
  public List<PolicyDiff.SectionDiff> diff(String code, int from, int to) {
    return diff(text(code, from), text(code, to));
  }

  public static List<PolicyDiff.SectionDiff> diff(PublishedText from, PublishedText to) {
    return PolicyDiff.compare(from.sections(), to.sections());
  }

  /**
   * An administrator loads a published policy: its first version, from the policy's text (split
   * into the standard sections as the demo's are) or from the sections themselves, and the
   * technologies it covers. Every section must say something.
   */
  public PolicyDocument create(org.custodian.platform.Actor actor, LoadPolicy command) {
    publication.requireLoad(actor);
    validation.check(command);
    String code = command.code();
    String title = command.title().strip();
    String label = command.label().strip();
    Instant publishedAt = command.publishedAt() == null ? clock.now() : command.publishedAt();
    List<String> technologies =
        command.technologies() == null
            ? List.of()
            : command.technologies().stream().map(String::strip).distinct().toList();
    Map<SectionKey, String> sections = new java.util.EnumMap<>(SectionKey.class);
    if (command.text() != null) {
      PolicyText.parse(command.text())
          .forEach(section -> sections.put(section.key(), section.body()));
    } else {
      sections.putAll(command.sections());
    }
    List<org.custodian.platform.InvalidInputException.FieldError> errors =
        new java.util.ArrayList<>();
    List<Long> technologyIds = new java.util.ArrayList<>();
    for (int i = 0; i < technologies.size(); i++) {
      var technology = directory.technology(technologies.get(i));
      if (technology.isEmpty()) {
        errors.add(
            new org.custodian.platform.InvalidInputException.FieldError(
                "technologies[" + i + "]", "There is no technology " + technologies.get(i) + "."));
      } else {
        technologyIds.add(technology.get().id());
      }
    }
    List<Section> text = new java.util.ArrayList<>();
    for (SectionKey key : SectionKey.values()) {
      String body = PolicyHtml.sanitize(sections.getOrDefault(key, ""));
      if (PolicyHtml.isBlank(body)) {
        errors.add(
            new org.custodian.platform.InvalidInputException.FieldError(
                "sections." + key.name(), "The policy has no \"" + key.heading() + "\" section."));
      }
      text.add(new Section(key, body));
    }
    if (!errors.isEmpty()) {
      throw new org.custodian.platform.InvalidInputException(errors);
    }
    if (!em.createNamedQuery(PolicyDocument.BY_CODE, PolicyDocument.class)
        .setParameter("code", code)
        .getResultList()
        .isEmpty()) {
      throw new org.custodian.platform.ConflictException("There is already a policy " + code + ".");
    }
    for (String technology : technologies) {
      coveringTechnology(technology)
          .ifPresent(
              covering -> {
                throw new org.custodian.platform.ConflictException(
                    technology + " is already covered by the " + covering.title() + " policy.");
              });
    }
    PolicyDocument policy = new PolicyDocument(code, title);
    em.persist(policy);
    em.flush();
    for (Long technology : technologyIds) {
      em.createNativeQuery(
              "INSERT INTO policy_coverage (technology_id, policy_document_id) VALUES (?1, ?2)")
          .setParameter(1, technology)
          .setParameter(2, policy.id())
          .executeUpdate();
    }
    PolicyVersion version = new PolicyVersion(policy, 1, label, publishedAt, null, text);
    em.persist(version);
    em.flush();
    audit.record(
        actor.username(),
        "POLICY_LOADED",
        "PolicyDocument",
        policy.id(),
        code + " \"" + title + "\" version 1 (" + label + "), covering " + technologies);
    return policy;
  }

  /** Publishes the next version: numbered after the latest, never changed afterwards. */
  public PolicyVersion publish(
      PolicyDocument policy, String label, Instant now, Long addendumId, List<Section> sections) {
    Integer latest =
        (Integer)
            em.createQuery("select max(v.number) from PolicyVersion v where v.policy.id = :policy")
                .setParameter("policy", policy.id())
                .getSingleResult();
    PolicyVersion version =
        new PolicyVersion(
            policy, latest == null ? 1 : latest + 1, label, now, addendumId, sections);
    em.persist(version);
    return version;
  }
}
