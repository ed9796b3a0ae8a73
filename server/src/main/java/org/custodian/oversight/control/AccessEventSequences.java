package org.custodian.oversight.control;

import jakarta.enterprise.context.Dependent;
import org.custodian.platform.SchemaJavaMigration;
import org.custodian.platform.Sequences;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;

/**
 * Access events and findings take their ids from sequences, so that a batch of a thousand events is
 * inserted in JDBC batches.
 */
@Dependent
public class AccessEventSequences implements SchemaJavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("20");
  }

  @Override
  public String getDescription() {
    return "access event and finding ids from sequences";
  }

  @Override
  public Integer getChecksum() {
    return 20;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Sequences.createAfter(context.getConnection(), "access_event_seq", "access_event");
    Sequences.createAfter(context.getConnection(), "access_finding_seq", "access_finding");
  }
}
