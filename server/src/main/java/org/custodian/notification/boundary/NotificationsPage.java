package org.custodian.notification.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.directory.control.MailPreferences;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.AppUser;
import org.custodian.notification.control.MyMail;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/** The signed-in user's mail preferences and latest mail: the same record as the API's PUT. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MyMail myMail;

  @Inject SignedInUser signedIn;

  private String email;
  private String mode;
  private boolean muteGroupMail;
  private List<MyMail.Item> mail = List.of();

  public void load() {
    show(myMail.of(signedIn.actor()));
  }

  public String save() {
    try {
      MailPreferences preferences =
          new MailPreferences(Pages.choice("mode", AppUser.MailMode.class, mode), muteGroupMail);
      show(myMail.prefer(signedIn.actor(), preferences));
      Pages.info("Saved: " + describe(preferences) + ".");
    } catch (InvalidInputException e) {
      Pages.show("preferences", e);
    }
    return null;
  }

  private static String describe(MailPreferences p) {
    return (p.mode() == AppUser.MailMode.DAILY_DIGEST ? "one summary a day" : "a mail for each")
        + (p.muteGroupMail() ? ", none for your groups' tasks" : "");
  }

  private void show(MyMail.View view) {
    email = view.email();
    mode = view.mode().name();
    muteGroupMail = view.muteGroupMail();
    mail = view.mail();
  }

  public String getEmail() {
    return email;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public boolean isMuteGroupMail() {
    return muteGroupMail;
  }

  public void setMuteGroupMail(boolean muteGroupMail) {
    this.muteGroupMail = muteGroupMail;
  }

  public List<MyMail.Item> getMail() {
    return mail;
  }
}
