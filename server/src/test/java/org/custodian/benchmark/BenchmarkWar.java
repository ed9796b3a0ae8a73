package org.custodian.benchmark;

import org.custodian.testing.Deployments;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application's WAR plus the benchmark's server side (seeders, in-server measurements). */
final class BenchmarkWar {

  private BenchmarkWar() {}

  static WebArchive war() {
    return Deployments.war()
        .addClasses(
            BenchmarkResource.class,
            Seeder.class,
            GrantSeeder.class,
            DisclosureSeeder.class,
            BreachSeeder.class,
            RawEngine.class,
            LockSampler.class,
            AuditLogProbe.class,
            Stats.class);
  }
}
