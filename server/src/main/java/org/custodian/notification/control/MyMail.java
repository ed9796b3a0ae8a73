package org.custodian.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.MailPreferences;
import org.custodian.directory.entity.AppUser;
import org.custodian.notification.entity.MailMessage;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;

/**
 * A user's own mail: how they want it, and what Custodian sent them, holds for their summary or
 * could not send. The screen and the API ({@code /api/me/notifications}) both read and write it
 * here; every user reads and sets only their own.
 */
@ApplicationScoped
public class MyMail {

  /** Their address (set by an administrator), their choice, and their latest 50 messages. */
  public record View(String email, AppUser.MailMode mode, boolean muteGroupMail, List<Item> mail) {}

  public record Item(
      long id,
      String kind,
      String headline,
      String businessKey,
      Instant noticedAt,
      boolean digest,
      String status,
      int attempts,
      Instant sentAt,
      String lastError) {
    static Item of(MailMessage m) {
      return new Item(
          m.id(),
          m.notice().kind().name(),
          m.notice().headline(),
          m.notice().businessKey(),
          m.notice().createdAt(),
          m.digest(),
          m.status().name(),
          m.attempts(),
          m.sentAt(),
          m.lastError());
    }
  }

  @Inject Directory directory;

  @Inject Notices notices;

  @Transactional
  public View of(Actor actor) {
    return view(
        directory
            .user(actor.username())
            .orElseThrow(() -> new ConflictException("No user " + actor.username() + ".")));
  }

  @Transactional
  public View prefer(Actor actor, MailPreferences preferences) {
    return view(directory.preferMail(actor, preferences));
  }

  private View view(AppUser user) {
    return new View(
        user.email(),
        user.mailMode(),
        user.muteGroupMail(),
        notices.mailOf(user.username(), 50).stream().map(Item::of).toList());
  }
}
