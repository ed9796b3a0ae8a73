package org.custodian.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.custodian.notification.entity.Notice;
import org.custodian.platform.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a mail says. Only what the notice holds: a task's name, a case's business key, a due time
 * and a link; never a data subject's name or a case's details, which stay behind the sign-in.
 */
@ApplicationScoped
public class MailText {

  static final String PREFERENCES = "/custodian/me/notifications.xhtml";

  @Inject
  @ConfigProperty(name = "custodian.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  public String subject(Notice notice) {
    return "[Custodian] " + notice.headline();
  }

  public String body(String username, Notice notice) {
    return "Hello "
        + username
        + ",\n\n"
        + item(notice)
        + "\n\nYou receive this because "
        + reason(notice)
        + ".\n"
        + footer();
  }

  public String digestSubject(int items) {
    return "[Custodian] Your daily summary: " + items + (items == 1 ? " item" : " items");
  }

  public String digestBody(String username, List<Notice> notices) {
    StringBuilder body = new StringBuilder("Hello " + username + ",\n\nSince your last summary:\n");
    for (Notice notice : notices) {
      body.append("\n- ").append(item(notice).replace("\n", "\n  ")).append('\n');
    }
    return body.append('\n').append(footer()).toString();
  }

  private String item(Notice notice) {
    StringBuilder item = new StringBuilder(notice.headline());
    if (notice.dueAt() != null) {
      item.append("\nDue: ").append(Pages.time(notice.dueAt()));
    }
    return item.append("\nOpen it: ").append(url(notice.link())).toString();
  }

  private static String reason(Notice notice) {
    return switch (notice.kind()) {
      case REQUEST_DECIDED -> "you made this request";
      default ->
          notice.forGroups()
              ? "it waits for one of your work groups (" + String.join(", ", notice.groups()) + ")"
              : "it waits for you";
    };
  }

  private String footer() {
    return "This message names no one: sign in to Custodian to see the case.\n"
        + "Choose mail at once or a daily summary, or mute your groups' mail: "
        + url(PREFERENCES)
        + "\n";
  }

  private String url(String path) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + (path.startsWith("/") ? path : "/" + path);
  }
}
