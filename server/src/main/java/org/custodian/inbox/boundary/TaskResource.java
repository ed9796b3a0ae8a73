package org.custodian.inbox.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.rest.JsonCommands;
import org.custodian.platform.rest.QueryParams;

@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class TaskResource {

  public record TaskView(
      String id,
      String name,
      String taskKey,
      String processKey,
      String businessKey,
      Long caseId,
      String subject,
      Instant createdAt,
      Instant dueAt,
      String assignee,
      boolean overdue) {
    static TaskView of(InboxTask t) {
      return new TaskView(
          t.taskId(),
          t.name(),
          t.taskKey(),
          t.processKey(),
          t.businessKey(),
          t.caseId(),
          t.subject(),
          t.createdAt(),
          t.dueAt(),
          t.assignee(),
          t.overdue());
    }
  }

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  /** One page of the inbox: scope mine | candidate | all, newest first or by due time. */
  @GET
  public List<TaskView> list(
      @QueryParam("scope") @DefaultValue("all") String scope,
      @QueryParam("overdue") @DefaultValue("false") String overdueParam,
      @QueryParam("sort") @DefaultValue("newest") String sort,
      @QueryParam("offset") @DefaultValue("0") String offsetParam,
      @QueryParam("limit") @DefaultValue("50") String limitParam) {
    QueryParams q = new QueryParams();
    Inbox.Scope s = q.choice("scope", Inbox.Scope.class, scope, Inbox.Scope.ALL);
    Inbox.Sort order = q.choice("sort", Inbox.Sort.class, sort, Inbox.Sort.NEWEST);
    boolean overdue = q.flag("overdue", overdueParam, false);
    int offset = q.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = q.number("limit", limitParam, 1, 200, 50);
    q.check();
    return inbox.page(signedIn.actor(), new Inbox.Query(s, overdue, order, offset, limit)).stream()
        .map(TaskView::of)
        .toList();
  }

  @POST
  @Path("{id}/claim")
  public Response claim(@PathParam("id") String id) {
    inbox.claim(signedIn.actor(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/unclaim")
  public Response unclaim(@PathParam("id") String id) {
    inbox.unclaim(signedIn.actor(), id);
    return Response.noContent().build();
  }

  /**
   * Completes the task with its form, whose fields depend on the task ({@code decision}, {@code
   * comment}, ...; docs/api.md): the caller's right to act is checked first, then the body is read
   * as that task's command.
   */
  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response complete(@PathParam("id") String id, InputStream body) {
    Actor actor = signedIn.actor();
    Record form = JsonCommands.read(body, inbox.formOf(actor, id), JsonCommands.DEFAULT_MAX_BYTES);
    inbox.complete(actor, id, form);
    return Response.noContent().build();
  }
}
