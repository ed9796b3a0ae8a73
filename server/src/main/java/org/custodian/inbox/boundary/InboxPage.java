package org.custodian.inbox.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.control.InboxPolicy;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The task inbox: a server-side paged table of my tasks and my groups' tasks. */
@Named
@ViewScoped
public class InboxPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @Inject InboxPolicy policy;

  private Inbox.Scope scope = Inbox.Scope.ALL;
  private boolean overdueOnly;
  private boolean capped;
  private final LazyDataModel<InboxTask> tasks = new Tasks();

  private final class Tasks extends LazyDataModel<InboxTask> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      long count = inbox.count(signedIn.actor(), scope, overdueOnly);
      capped = count > Inbox.COUNT_CAP;
      return (int) count;
    }

    @Override
    public List<InboxTask> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Inbox.Sort sort = Inbox.Sort.NEWEST;
      for (SortMeta meta : sortBy.values()) {
        if ("dueAt".equals(meta.getField()) && meta.getOrder() != SortOrder.UNSORTED) {
          sort = Inbox.Sort.DUE;
        }
      }
      // the paginator's numbers come from the browser: kept within what a page may ask for
      int from = Math.max(0, first);
      int size = Math.min(Math.max(1, pageSize), Inbox.Query.MAX_LIMIT);
      return inbox.page(signedIn.actor(), new Inbox.Query(scope, overdueOnly, sort, from, size));
    }

    @Override
    public String getRowKey(InboxTask task) {
      return task.taskId();
    }

    @Override
    public InboxTask getRowData(String rowKey) {
      return null;
    }
  }

  public void claim(String taskId) {
    try {
      inbox.claim(signedIn.actor(), taskId);
      Pages.info("Claimed: the task is now in your own list.");
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
  }

  public void unclaim(String taskId) {
    try {
      inbox.unclaim(signedIn.actor(), taskId);
      Pages.info("Handed back to the group.");
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
  }

  public String open(InboxTask task) {
    return inbox.page(task);
  }

  public boolean mine(InboxTask task) {
    return policy.holds(signedIn.actor(), task);
  }

  public Instant now() {
    return clock.now();
  }

  /**
   * More than a thousand tasks wait: the paginator shows the first thousand, newest (or due) first.
   */
  public boolean isCapped() {
    return capped;
  }

  public LazyDataModel<InboxTask> getTasks() {
    return tasks;
  }

  public Inbox.Scope getScope() {
    return scope;
  }

  public void setScope(Inbox.Scope scope) {
    this.scope = scope == null ? Inbox.Scope.ALL : scope;
  }

  public boolean isOverdueOnly() {
    return overdueOnly;
  }

  public void setOverdueOnly(boolean overdueOnly) {
    this.overdueOnly = overdueOnly;
  }
}
