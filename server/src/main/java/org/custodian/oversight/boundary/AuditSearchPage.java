package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Technology;
import org.custodian.oversight.control.AuditSearch;
import org.custodian.oversight.control.AuditSearchExport;
import org.custodian.oversight.control.OversightPolicy;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The auditor's console: the same search as {@code GET /api/audit/search}, paged on the server,
 * with CSV and PDF exports. A case page links here with its subject or record filled in ("who
 * accessed this subject"); such a link searches at once.
 */
@Named
@ViewScoped
public class AuditSearchPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditSearch search;

  @Inject SignedInUser signedIn;

  @Inject OversightPolicy policy;

  @Inject Directory directory;

  @Inject EngineClock clock;

  private String member;
  private String user;
  private String system;
  private String action;
  private String subject;
  private String record;
  private LocalDate from;
  private LocalDate to;
  private boolean searched;
  private boolean capped;
  private String command;
  private final LazyDataModel<AuditSearch.Hit> entries = new Entries();

  private final class Entries extends LazyDataModel<AuditSearch.Hit> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        long count = search.count(signedIn.actor(), criteria(0, 1));
        capped = count > AuditSearch.COUNT_CAP;
        return (int) Math.min(count, AuditSearch.COUNT_CAP);
      } catch (InvalidInputException e) {
        Pages.show("search", e);
        return 0;
      }
    }

    @Override
    public List<AuditSearch.Hit> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      // the paginator's numbers come from the browser: kept within what a page may ask for
      int offset = Math.min(Math.max(0, first), 1_000_000);
      int size = Math.min(Math.max(1, pageSize), 200);
      try {
        return search.hits(signedIn.actor(), criteria(offset, size));
      } catch (InvalidInputException e) {
        Pages.show("search", e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(AuditSearch.Hit hit) {
      return hit.objectType() + "#" + hit.objectId() + "#" + hit.entryId();
    }

    @Override
    public AuditSearch.Hit getRowData(String rowKey) {
      return null;
    }
  }

  /** Refuses anyone who may not search; a link with criteria searches at once. */
  public void load() {
    policy.requireSearch(signedIn.actor());
    command = policy.searchCommand(signedIn.actor());
    searched = member != null || subject != null || record != null || user != null;
  }

  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      Pages.show(
          "search", new InvalidInputException("to", "The end date is before the start date."));
      searched = false;
      return;
    }
    searched = true;
  }

  public StreamedContent getCsv() {
    return export(AuditSearchResource.Format.CSV);
  }

  public StreamedContent getPdf() {
    return export(AuditSearchResource.Format.PDF);
  }

  private StreamedContent export(AuditSearchResource.Format format) {
    try {
      AuditSearch.Criteria criteria = criteria(0, AuditSearch.EXPORT_MAX);
      List<AuditSearch.Hit> hits = search.export(signedIn.actor(), criteria, format.name());
      byte[] bytes =
          format == AuditSearchResource.Format.PDF
              ? AuditSearchExport.pdf(
                  hits, criteria.describe(), signedIn.actor().username(), clock.now())
              : AuditSearchExport.csv(hits);
      String name = "audit-search-" + clock.now().getEpochSecond();
      return DefaultStreamedContent.builder()
          .name(name + (format == AuditSearchResource.Format.PDF ? ".pdf" : ".csv"))
          .contentType(format == AuditSearchResource.Format.PDF ? "application/pdf" : "text/csv")
          .stream(() -> new ByteArrayInputStream(bytes))
          .build();
    } catch (InvalidInputException e) {
      Pages.show("search", e);
      return null;
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
      return null;
    }
  }

  private AuditSearch.Criteria criteria(int offset, int limit) {
    return new AuditSearch.Criteria(
        member,
        user,
        system,
        action,
        subject,
        record,
        from == null ? null : from.atStartOfDay(Pages.NEW_YORK).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(Pages.NEW_YORK).toInstant(),
        offset,
        limit);
  }

  public List<String> getSystems() {
    return directory.technologies().stream().map(Technology::code).sorted().toList();
  }

  /** The command a Commanding Officer's search is limited to; null for the whole log. */
  public String getCommand() {
    return command;
  }

  public boolean isSearched() {
    return searched;
  }

  public boolean isCapped() {
    return capped;
  }

  public LazyDataModel<AuditSearch.Hit> getEntries() {
    return entries;
  }

  public String getMember() {
    return member;
  }

  public void setMember(String member) {
    this.member = member;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getSystem() {
    return system;
  }

  public void setSystem(String system) {
    this.system = system;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getRecord() {
    return record;
  }

  public void setRecord(String record) {
    this.record = record;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
