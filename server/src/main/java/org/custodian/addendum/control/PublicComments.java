package org.custodian.addendum.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.CommentResponse;
import org.custodian.addendum.entity.PublicComment;
import org.custodian.audit.control.AuditLog;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.TooManyRequestsException;
import org.custodian.platform.Validation;
import org.custodian.platform.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public comments on a proposed addendum (no sign-in) and the author's responses. A comment is
 * plain text, kept and shown as written. One client may send only so many comments on one addendum
 * in an hour; the client is kept only as a keyed hash of its address.
 */
@ApplicationScoped
public class PublicComments {

  public static final int MAX_TEXT = 5_000;
  public static final int MAX_NAME = 100;
  public static final int MAX_RESPONSE = 8_000;

  /** Who the audit log names for a comment from the public. */
  public static final String PUBLIC = "public";

  @PersistenceContext EntityManager em;

  @Inject Addenda addenda;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject AddendumPolicy policy;

  @Inject Validation validation;

  @Inject
  @ConfigProperty(name = "custodian.comments.per-client", defaultValue = "5")
  int perClient;

  @Inject
  @ConfigProperty(name = "custodian.comments.per-client-window", defaultValue = "PT1H")
  Duration perClientWindow;

  /**
   * The key of the client hash; without one configured, a new one each start (limits then restart
   * too).
   */
  @Inject
  @ConfigProperty(name = "custodian.comments.client-key")
  Optional<String> clientKey;

  private byte[] key;

  @PostConstruct
  void init() {
    key =
        clientKey
            .filter(k -> !k.isBlank())
            .map(k -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .orElseGet(
                () -> {
                  byte[] random = new byte[32];
                  new SecureRandom().nextBytes(random);
                  return random;
                });
  }

  /**
   * A comment is plain text, kept exactly as written (markup included, as characters: the pages and
   * the API show it as text, never as HTML); only line ends are made uniform and control characters
   * other than line breaks and tabs removed.
   */
  static String plain(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
  }

  private Addendum publishedForUpdate(Long id) {
    Addendum a =
        id == null
            ? null
            : em.find(Addendum.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (a == null || a.commentOpenedAt() == null) {
      throw new NotFoundException("There is no addendum " + id + " open to the public.");
    }
    return a;
  }

  /** The addendum as the public may see it: once it has been published for comment. */
  public Addendum published(Long id) {
    Addendum a = id == null ? null : em.find(Addendum.class, id);
    if (a == null || a.commentOpenedAt() == null) {
      throw new NotFoundException("There is no addendum " + id + " open to the public.");
    }
    return a;
  }

  @Transactional
  public PublicComment submit(Long addendumId, SubmitComment command, String clientAddress) {
    // Locked first: one client's parallel comments on one addendum queue here, so each counts the
    // ones committed before it and the limit holds (READ COMMITTED sees them once the lock is
    // free).
    Addendum a = publishedForUpdate(addendumId);
    Instant now = clock.now();
    if (a.status() == Addendum.Status.WITHDRAWN) {
      throw new ConflictException(
          a.businessKey() + " was withdrawn; comments are no longer accepted.");
    }
    if (!a.openForComments(now)) {
      throw new ConflictException(
          "The comment period for "
              + a.businessKey()
              + " closed on "
              + Pages.time(a.commentsEndAt())
              + "; comments are no longer accepted.");
    }
    validation.check(command);
    String body = plain(command.text());
    String commenter =
        command.name() == null ? null : plain(command.name()).replaceAll("\\s+", " ").strip();
    String client =
        new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex(addendumId + "|" + clientAddress);
    Duration window = perClientWindow;
    // how many this client sent within the window, and when the oldest of them came
    Object[] recentFromClient =
        em.createNamedQuery(PublicComment.RECENT_FROM_CLIENT, Object[].class)
            .setParameter("addendum", a.id())
            .setParameter("client", client)
            .setParameter("since", now.minus(window))
            .getSingleResult();
    long recent = ((Number) recentFromClient[0]).longValue();
    if (recent >= perClient) {
      Instant oldest = (Instant) recentFromClient[1];
      Duration wait = oldest == null ? window : Duration.between(now, oldest.plus(window));
      throw new TooManyRequestsException(
          "You have sent "
              + recent
              + " comments on "
              + a.businessKey()
              + " recently; please wait "
              + Math.max(1, wait.toMinutes())
              + " minute(s) before sending another.",
          wait);
    }
    PublicComment comment =
        new PublicComment(
            a.id(), commenter == null || commenter.isEmpty() ? null : commenter, body, now, client);
    em.persist(comment);
    em.flush();
    audit.record(
        PUBLIC,
        "PUBLIC_COMMENT_RECEIVED",
        "Addendum",
        a.id(),
        a.businessKey() + ": comment " + comment.id() + " (" + body.length() + " characters)");
    return comment;
  }

  public List<PublicComment> comments(Long addendumId) {
    return em.createNamedQuery(PublicComment.OF_ADDENDUM, PublicComment.class)
        .setParameter("addendum", addendumId)
        .getResultList();
  }

  /**
   * The author answers one comment or a group of them; answering a comment again replaces its
   * response.
   */
  @Transactional
  public CommentResponse respond(Actor actor, Long addendumId, RespondToComments command) {
    Addendum a = addenda.find(addendumId);
    policy.requireAuthor(actor, a);
    validation.check(command);
    List<Long> commentIds = command.commentIds();
    if (a.status() != Addendum.Status.RESPONDING) {
      throw new ConflictException(
          a.businessKey()
              + " is "
              + a.status()
              + ": comments are answered after the comment period, before the final text goes to review.");
    }
    List<FieldError> errors = new ArrayList<>();
    String body = plain(command.text()).strip();
    List<PublicComment> answered = new ArrayList<>();
    for (Long id : commentIds) {
      PublicComment c = em.find(PublicComment.class, id);
      if (c == null || !c.addendumId().equals(a.id())) {
        errors.add(
            new FieldError(
                "commentIds", "Comment " + id + " is not a comment on " + a.businessKey() + "."));
      } else {
        answered.add(c);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    CommentResponse response = new CommentResponse(a.id(), body, actor.username(), clock.now());
    em.persist(response);
    answered.forEach(c -> c.answeredBy(response));
    em.flush();
    audit.record(
        actor.username(),
        "COMMENTS_ANSWERED",
        "Addendum",
        a.id(),
        a.businessKey() + ": response " + response.id() + " to comment(s) " + commentIds);
    return response;
  }
}
