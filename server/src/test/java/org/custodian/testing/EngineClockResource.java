package org.custodian.testing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Date;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;

/**
 * Test only (deployed with the tests that need it, never in the application's WAR): a case's timer
 * jobs as the engine holds them, and firing those due at a given instant by moving the engine
 * clock, as the async executor would when that instant comes.
 */
@Path("test-engine-clock")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class EngineClockResource {

  @Inject RuntimeService runtime;

  @Inject ManagementService management;

  @Inject ProcessEngineConfigurationImpl engine;

  @GET
  @Path("timers")
  public JsonObject timers(@QueryParam("businessKey") String businessKey) {
    ProcessInstance process =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    JsonArrayBuilder timers = Json.createArrayBuilder();
    if (process != null) {
      for (Job job : management.createTimerJobQuery().processInstanceId(process.getId()).list()) {
        timers.add(
            Json.createObjectBuilder()
                .add("elementId", job.getElementId())
                .add("dueDate", job.getDuedate().toInstant().toString()));
      }
    }
    return Json.createObjectBuilder().add("running", process != null).add("timers", timers).build();
  }

  /** A case's jobs beyond its timers: executable, and dead-lettered with their exception. */
  @GET
  @Path("jobs")
  public JsonObject jobs(@QueryParam("businessKey") String businessKey) {
    ProcessInstance process =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    JsonArrayBuilder jobs = Json.createArrayBuilder();
    if (process != null) {
      for (Job job : management.createJobQuery().processInstanceId(process.getId()).list()) {
        jobs.add(
            "executable "
                + job.getElementId()
                + " retries "
                + job.getRetries()
                + " "
                + job.getExceptionMessage());
      }
      for (Job job :
          management.createDeadLetterJobQuery().processInstanceId(process.getId()).list()) {
        jobs.add("dead " + job.getElementId() + " " + job.getExceptionMessage());
      }
    }
    return Json.createObjectBuilder().add("jobs", jobs).build();
  }

  @POST
  @Path("fire")
  public JsonObject fire(
      @QueryParam("businessKey") String businessKey, @QueryParam("at") String at) {
    Instant now = Instant.parse(at);
    ProcessInstance process =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    JsonArrayBuilder fired = Json.createArrayBuilder();
    // the executor would race this call for every job due at the moved clock (others' too)
    boolean executorWasActive = engine.getAsyncExecutor().isActive();
    engine.getAsyncExecutor().shutdown();
    engine.getClock().setCurrentTime(Date.from(now));
    try {
      for (Job job : management.createTimerJobQuery().processInstanceId(process.getId()).list()) {
        if (!job.getDuedate().toInstant().isAfter(now)) {
          management.executeJob(management.moveTimerToExecutableJob(job.getId()).getId());
          fired.add(job.getElementId());
        }
      }
    } finally {
      engine.getClock().reset();
      if (executorWasActive) {
        engine.getAsyncExecutor().start();
      }
    }
    return Json.createObjectBuilder().add("fired", fired).build();
  }
}
