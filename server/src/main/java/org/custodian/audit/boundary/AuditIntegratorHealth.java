package org.custodian.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.custodian.audit.control.AuditIntegrator;
import org.custodian.audit.control.AuditMeters;
import org.custodian.audit.control.IntegratorSchedule;
import org.custodian.audit.control.Witnesses;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The audit integrator's health. Alive while this node's schedule keeps running (a schedule that
 * stopped will not come back: restart the node). Ready while, in addition, the oldest entry still
 * waiting for the tree is younger than {@code custodian.health.audit-lag-limit} (default five
 * minutes): past that, entries are not being proven, whichever node holds the lease.
 */
@ApplicationScoped
public class AuditIntegratorHealth {

  @Inject IntegratorSchedule schedule;

  @Inject AuditIntegrator integrator;

  @Inject AuditMeters meters;

  @Inject Witnesses witnesses;

  @Inject
  @ConfigProperty(name = "custodian.health.audit-lag-limit", defaultValue = "PT5M")
  String lagLimit;

  @Produces
  @Liveness
  HealthCheck integratorRuns() {
    return () -> {
      IntegratorSchedule.State state = schedule.state();
      Duration since =
          state.lastRun() == null ? null : Duration.between(state.lastRun(), Instant.now());
      // twenty missed runs, and never less than a minute (a batch of thousands may take seconds)
      Duration allowed = max(state.interval().multipliedBy(20), Duration.ofMinutes(1));
      boolean up = since == null || since.compareTo(allowed) <= 0;
      var response =
          HealthCheckResponse.named("audit-integrator-schedule")
              .status(up)
              .withData("leader", state.leader());
      if (since != null) {
        response.withData("lastRunSecondsAgo", since.toSeconds());
      }
      if (state.lastError() != null) {
        response.withData("lastError", state.lastError());
      }
      return response.build();
    };
  }

  @Produces
  @Readiness
  HealthCheck integratorKeepsUp() {
    return () -> {
      var response = HealthCheckResponse.named("audit-integrator");
      try {
        AuditIntegrator.Backlog backlog = integrator.backlog();
        long lag = meters.lagSeconds(backlog);
        response
            .status(lag <= Duration.parse(lagLimit).toSeconds())
            .withData("entriesWaiting", backlog.entries())
            .withData("lagSeconds", lag);
        // a refusal is for the auditors (GET /api/audit/verify), not a reason to take the node
        // out of the load balancer: data only, and a failure to read it is no reason either
        try {
          witnesses
              .refusal()
              .ifPresent(
                  r ->
                      response.withData(
                          "witnessRefused",
                          r.witness() + " refused size " + r.size() + ": " + r.reason()));
        } catch (RuntimeException e) {
          response.withData("witnessRefused", "not known: " + e.getMessage());
        }
        return response.build();
      } catch (RuntimeException e) {
        return response.down().withData("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
