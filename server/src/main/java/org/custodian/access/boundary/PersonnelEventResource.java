package org.custodian.access.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.custodian.access.control.PersonnelEventNotice;
import org.custodian.access.control.PersonnelEvents;
import org.custodian.access.control.Revocations;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.directory.control.SignedInUser;

/** Personnel events from the department's HR system (the admin role is its integration account). */
@Path("personnel-events")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class PersonnelEventResource {

  private static final Jsonb JSON = JsonbBuilder.create();

  public record PersonnelEventView(
      long id,
      String businessKey,
      long memberId,
      String type,
      String previousCommand,
      String newCommand,
      Instant effectiveAt,
      List<Long> endedGrants,
      List<Long> grantsToConfirm,
      List<Long> withdrawnRequests) {
    static PersonnelEventView of(PersonnelEvent e) {
      Revocations.Outcome outcome =
          e.outcome() == null
              ? new Revocations.Outcome(List.of(), List.of(), List.of())
              : JSON.fromJson(e.outcome(), Revocations.Outcome.class);
      return new PersonnelEventView(
          e.id(),
          e.businessKey(),
          e.member().id(),
          e.type().name(),
          e.previousCommand().code(),
          e.newCommand() == null ? null : e.newCommand().code(),
          e.effectiveAt(),
          outcome.endedGrants(),
          outcome.grantsToConfirm(),
          outcome.withdrawnRequests());
    }
  }

  @Inject PersonnelEvents events;

  @Inject SignedInUser signedIn;

  /** 201 with what the event did; the same event again answers 200 with the first result. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response receive(PersonnelEventNotice body) {
    PersonnelEvents.Received received = events.receive(signedIn.actor(), body);
    return Response.status(received.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(PersonnelEventView.of(received.event()))
        .build();
  }
}
