package org.custodian.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.custodian.access.control.AccessPolicy;
import org.custodian.access.control.RosterImport;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/** The HR roster upload: the same import as {@code POST /api/members/import}. Admin only. */
@Named
@RequestScoped
public class RosterPage {

  @Inject RosterImport roster;

  @Inject AccessPolicy policy;

  @Inject SignedInUser signedIn;

  private Part file;
  private RosterImport.Outcome outcome;

  public void load() {
    policy.requireRecordPersonnelEvent(signedIn.actor());
  }

  public String upload() {
    if (file == null || file.getSize() == 0) {
      Pages.show("roster", new InvalidInputException("file", "Choose the roster file."));
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      outcome = roster.importFile(signedIn.actor(), RosterImport.CSV, in);
    } catch (InvalidInputException e) {
      Pages.show("roster", new InvalidInputException("file", e.getMessage()));
    } catch (IOException e) {
      Pages.show("roster", new InvalidInputException("file", "The file could not be read."));
    }
    return null;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public RosterImport.Outcome getOutcome() {
    return outcome;
  }
}
