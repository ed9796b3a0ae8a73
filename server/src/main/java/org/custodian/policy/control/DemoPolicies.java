package org.custodian.policy.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.custodian.policy.entity.Section;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Demo data: the four published impact and use policies of ../shared/seeds (copied to
 * src/main/resources/policies), split into their sections by {@link PolicyText}. Case management
 * systems has two versions (2021 and the 2026 revision), so its history and comparison show. A
 * dependent CDI bean, so the platform's migration finds it without knowing this capability.
 */
@jakarta.enterprise.context.Dependent
public class DemoPolicies implements JavaMigration {

  private record Policy(
      String code, String title, String technologyPattern, List<Version> versions) {}

  private record Version(String resource, String label, Instant publishedAt) {}

  private static final Instant APRIL_2021 = Instant.parse("2021-04-11T16:00:00Z");
  private static final Instant FEBRUARY_2026 = Instant.parse("2026-02-04T17:00:00Z");

  private static final List<Policy> POLICIES =
      List.of(
          new Policy(
              "CMS",
              "Case management systems",
              "CMS",
              List.of(
                  new Version("policies/cms-2021.txt", "Published April 11, 2021", APRIL_2021),
                  new Version(
                      "policies/cms-2026.txt",
                      "Updated February 4, 2026 (Local Law 56 of 2025)",
                      FEBRUARY_2026))),
          new Policy(
              "ERMS",
              "Electronic record management systems",
              "ERMS%",
              List.of(
                  new Version(
                      "policies/erms-2026.txt",
                      "Updated February 4, 2026 (Local Law 56 of 2025)",
                      FEBRUARY_2026))),
          new Policy(
              "PED",
              "Portable electronic devices",
              "PED",
              List.of(
                  new Version("policies/ped-2021.txt", "Published April 11, 2021", APRIL_2021))),
          new Policy(
              "CAMERA",
              "Digital cameras",
              "CAMERA",
              List.of(
                  new Version(
                      "policies/camera-2026.txt",
                      "Updated February 4, 2026 (Local Law 56 of 2025)",
                      FEBRUARY_2026))));

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "demo policies";
  }

  @Override
  public Integer getChecksum() {
    return 5;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (Policy policy : POLICIES) {
      long policyId =
          insert(
              connection,
              "INSERT INTO policy_document (code, title) VALUES (?, ?)",
              policy.code(),
              policy.title());
      try (PreparedStatement coverage =
          connection.prepareStatement(
              "INSERT INTO policy_coverage (technology_id, policy_document_id) SELECT id, ? FROM technology WHERE code LIKE ?")) {
        coverage.setLong(1, policyId);
        coverage.setString(2, policy.technologyPattern());
        coverage.executeUpdate();
      }
      int number = 0;
      for (Version version : policy.versions()) {
        long versionId =
            insert(
                connection,
                "INSERT INTO policy_version (policy_document_id, version_number, label, published_at) VALUES (?, ?, ?, ?)",
                policyId,
                ++number,
                version.label(),
                Timestamp.from(version.publishedAt()));
        List<Section> sections = PolicyText.parse(read(version.resource()));
        try (PreparedStatement section =
            connection.prepareStatement(
                "INSERT INTO policy_section (version_id, seq, section_key, body) VALUES (?, ?, ?, ?)")) {
          for (int i = 0; i < sections.size(); i++) {
            section.setLong(1, versionId);
            section.setInt(2, i);
            section.setString(3, sections.get(i).key().name());
            section.setString(4, sections.get(i).body());
            section.addBatch();
          }
          section.executeBatch();
        }
      }
    }
  }

  private static long insert(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static String read(String resource) {
    try (InputStream in = DemoPolicies.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
