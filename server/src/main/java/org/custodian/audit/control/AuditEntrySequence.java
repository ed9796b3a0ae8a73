package org.custodian.audit.control;

import jakarta.enterprise.context.Dependent;
import org.custodian.platform.SchemaJavaMigration;
import org.custodian.platform.Sequences;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit entries take their ids from a sequence (after the ids already used), so that a thousand
 * entries written in one transaction (a covered system's batch of access events) are inserted in
 * JDBC batches rather than one round trip each.
 */
@Dependent
public class AuditEntrySequence implements SchemaJavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("19");
  }

  @Override
  public String getDescription() {
    return "audit entry ids from a sequence";
  }

  @Override
  public Integer getChecksum() {
    return 19;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Sequences.createAfter(context.getConnection(), "audit_entry_seq", "audit_entry");
  }
}
