package org.custodian.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.custodian.audit.control.AuditLog;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDocument;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evidence documents (basis 1: the written authorization): PDF, PNG or JPEG, checked by their
 * content's signature, not by the name or the declared type; at most {@code
 * custodian.disclosure.max-document-bytes} (default 10 MiB).
 */
@ApplicationScoped
public class DisclosureDocuments {

  /** The types accepted, each with the bytes every such file starts with. */
  enum Type {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    final String mediaType;
    final byte[] signature;

    Type(String mediaType, byte[] signature) {
      this.mediaType = mediaType;
      this.signature = signature;
    }

    static Optional<Type> of(byte[] content) {
      return Arrays.stream(values())
          .filter(
              t ->
                  content.length >= t.signature.length
                      && Arrays.equals(
                          content, 0, t.signature.length, t.signature, 0, t.signature.length))
          .findFirst();
    }
  }

  /** A document's description, without its content. */
  public record Info(
      long id,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      java.time.Instant uploadedAt) {
    static Info of(DisclosureDocument d) {
      return new Info(
          d.id(),
          d.fileName(),
          d.contentType(),
          d.sizeBytes(),
          d.sha256(),
          d.uploadedBy(),
          d.uploadedAt());
    }
  }

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject Disclosures disclosures;

  @Inject DisclosurePolicy policy;

  @Inject
  @ConfigProperty(name = "custodian.disclosure.max-document-bytes", defaultValue = "10485760")
  long maxBytes;

  /** Uploaded before filing: the member names it in the request's evidence. */
  @Transactional
  public Info upload(Actor actor, String fileName, String declaredType, InputStream content) {
    policy.requireFile(actor);
    DisclosureDocument document = store(actor, fileName, declaredType, content);
    audit.record(
        actor.username(),
        "DISCLOSURE_DOCUMENT_UPLOADED",
        "DisclosureDocument",
        document.id(),
        describe(document));
    return Info.of(document);
  }

  /**
   * Attached to a filed request by its requester, while it waits for the Agency Privacy Officer's
   * decision: evidence added after approval would change what was approved.
   */
  @Transactional
  public Info attach(
      Actor actor, long disclosureId, String fileName, String declaredType, InputStream content) {
    Disclosure disclosure = disclosures.find(disclosureId);
    policy.requireRequester(actor, disclosure, "adds documents to it");
    if (disclosure.status() != Disclosure.Status.PENDING_APPROVAL) {
      throw new ConflictException(
          disclosure.businessKey()
              + " is "
              + disclosure.status()
              + "; evidence is added only while it waits for approval.");
    }
    DisclosureDocument document = store(actor, fileName, declaredType, content);
    document.attachTo(disclosure);
    audit.record(
        actor.username(),
        "DISCLOSURE_DOCUMENT_ATTACHED",
        "Disclosure",
        disclosure.id(),
        disclosure.businessKey() + ": " + describe(document));
    return Info.of(document);
  }

  private DisclosureDocument store(
      Actor actor, String fileName, String declaredType, InputStream content) {
    String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").strip();
    if (name.isEmpty() || name.length() > 255) {
      throw new InvalidInputException("file", "The file needs a name of 1 to 255 characters.");
    }
    byte[] bytes;
    try {
      bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "The file is empty.");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(
          "file", "The file is larger than " + maxBytes / (1024 * 1024) + " MiB.");
    }
    Type type =
        Type.of(bytes)
            .orElseThrow(
                () -> new InvalidInputException("file", name + " is not a PDF, PNG or JPEG file."));
    String declared =
        declaredType == null
            ? ""
            : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!declared.isEmpty()
        && !declared.equals("application/octet-stream")
        && !declared.equals(type.mediaType)) {
      throw new InvalidInputException(
          "file",
          name + " was sent as " + declared + " but its content is " + type.mediaType + ".");
    }
    DisclosureDocument document =
        new DisclosureDocument(
            name,
            type.mediaType,
            bytes,
            DigestUtils.sha256Hex(bytes),
            actor.username(),
            clock.now());
    em.persist(document);
    em.flush();
    return document;
  }

  private static String describe(DisclosureDocument d) {
    return d.fileName()
        + " ("
        + d.contentType()
        + ", "
        + d.sizeBytes()
        + " bytes, sha256 "
        + d.sha256()
        + ")";
  }

  /**
   * A document, for the requester of its disclosure, the uploader, the APO and auditors; audited.
   */
  @Transactional
  public DisclosureDocument read(Actor actor, long id) {
    DisclosureDocument document = em.find(DisclosureDocument.class, id);
    if (document == null) {
      throw new NotFoundException("There is no document " + id + ".");
    }
    policy.requireReadDocument(actor, document);
    audit.record(
        actor.username(),
        "DISCLOSURE_DOCUMENT_VIEWED",
        "DisclosureDocument",
        id,
        document.fileName());
    return document;
  }

  /** The documents of a disclosure, without loading their content. */
  public List<Info> of(Disclosure disclosure) {
    return of(List.of(disclosure.id())).getOrDefault(disclosure.id(), List.of());
  }

  /** The documents of several disclosures (a ledger page) in one query, by disclosure id. */
  public java.util.Map<Long, List<Info>> of(java.util.Collection<Long> disclosureIds) {
    if (disclosureIds.isEmpty()) {
      return java.util.Map.of();
    }
    return em.createQuery(
            "select d.disclosure.id, d.id, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt from DisclosureDocument d"
                + " where d.disclosure.id in :ids order by d.uploadedAt",
            Object[].class)
        .setParameter("ids", disclosureIds)
        .getResultStream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                r -> (Long) r[0],
                java.util.stream.Collectors.mapping(
                    r ->
                        new Info(
                            (Long) r[1],
                            (String) r[2],
                            (String) r[3],
                            (Long) r[4],
                            (String) r[5],
                            (String) r[6],
                            (java.time.Instant) r[7]),
                    java.util.stream.Collectors.toList())));
  }
}
