package org.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The one clock: the process engine's. Our records and the engine's timers read the same time, so a
 * test that moves the engine clock moves everything.
 */
@ApplicationScoped
public class EngineClock {

  @Inject ProcessEngineConfigurationImpl configuration;

  public Instant now() {
    return configuration.getClock().getCurrentTime().toInstant();
  }
}
