package org.custodian.platform;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration a capability writes in code (data that SQL cannot carry over, such as a
 * recomputed hash chain), run with the SQL migrations of db/migration in version order. A CDI bean,
 * so the platform finds it without knowing the capability. Other {@link JavaMigration} beans are
 * demo data.
 */
public interface SchemaJavaMigration extends JavaMigration {}
