package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Seeds what access following the assignment is measured on, in SQL with MariaDB's sequence engine:
 * {@code commands} commands (BM-001...) of {@code membersPerCommand} members, each member with one
 * active CMS:VIEW grant, each command with a Commanding Officer (co.bm001..., the demo password);
 * and {@code separating} members of command BM-SEP with {@code grantsEach} active grants each, on a
 * benchmark technology with that many access levels. Every grant has its approved, closed request
 * behind it, as a real one does. The audit chain is not written (it is hash-chained and the seeded
 * history is not what is measured).
 */
final class GrantSeeder {

  record Sizes(int commands, int membersPerCommand, int separating, int grantsEach) {}

  private final DataSource dataSource;

  GrantSeeder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  JsonObject seed(Sizes sizes) throws SQLException {
    long start = System.nanoTime();
    int members = sizes.commands() * sizes.membersPerCommand();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      String hash;
      try (ResultSet rs =
          s.executeQuery("SELECT password_hash FROM app_user WHERE username = 'admin'")) {
        if (!rs.next()) {
          throw new IllegalStateException("the demo users are missing (custodian.demo-data=true)");
        }
        hash = rs.getString(1);
      }
      s.executeUpdate(
          "INSERT INTO technology (code, name, category, review_layers)"
              + " VALUES ('BENCH', 'Benchmark system ("
              + sizes.grantsEach()
              + " access levels)', 'CASE_MANAGEMENT', 1)");
      s.executeUpdate(
          "INSERT INTO access_level (technology_id, code, name, intelligence_only)"
              + " SELECT t.id, CONCAT('L', LPAD(q.seq, 3, '0')), CONCAT('Benchmark level ', q.seq), FALSE"
              + " FROM technology t JOIN seq_1_to_"
              + sizes.grantsEach()
              + " q WHERE t.code = 'BENCH'");
      s.executeUpdate(
          "INSERT INTO command (code, name, kind) SELECT CONCAT('BM-', LPAD(q.seq, 3, '0')), CONCAT('Benchmark command ', q.seq), 'PRECINCT'"
              + " FROM seq_1_to_"
              + sizes.commands()
              + " q");
      s.executeUpdate(
          "INSERT INTO command (code, name, kind) VALUES ('BM-SEP', 'Benchmark command of the separating members', 'PRECINCT')");
      s.executeUpdate(
          "INSERT INTO command_permitted_level (command_id, access_level_id)"
              + " SELECT c.id, l.id FROM command c JOIN access_level l JOIN technology t ON t.id = l.technology_id"
              + " WHERE c.code LIKE 'BM-%' AND (t.code = 'BENCH' OR (t.code = 'CMS' AND l.code = 'VIEW'))");
      s.executeUpdate(
          "INSERT INTO member (tax_number, name, rank_title, command_id, active)"
              + " SELECT CONCAT('BM', LPAD(q.seq, 7, '0')), CONCAT('Benchmark Member ', q.seq), 'Police Officer', c.id, TRUE"
              + " FROM seq_1_to_"
              + members
              + " q JOIN command c"
              + " ON c.code = CONCAT('BM-', LPAD((q.seq - 1) DIV "
              + sizes.membersPerCommand()
              + " + 1, 3, '0'))");
      s.executeUpdate(
          "INSERT INTO member (tax_number, name, rank_title, command_id, active)"
              + " SELECT CONCAT('BS', LPAD(q.seq, 7, '0')), CONCAT('Separating Member ', q.seq), 'Detective', c.id, TRUE"
              + " FROM seq_1_to_"
              + sizes.separating()
              + " q JOIN command c ON c.code = 'BM-SEP'");
      s.executeUpdate(
          "INSERT INTO member_assignment (member_id, command_id, started_at)"
              + " SELECT m.id, m.command_id, TIMESTAMP '2024-01-01 00:00:00' FROM member m"
              + " WHERE m.tax_number LIKE 'BM%' OR m.tax_number LIKE 'BS%'");
      s.executeUpdate(
          "INSERT INTO access_request (business_key, member_id, access_level_id, command_id, justification, requested_by,"
              + " status, review_layers, current_layer, open_key, process_instance_id, created_at, closed_at, version)"
              + " SELECT CONCAT('AR-BM-', m.id, '-', l.id), m.id, l.id, m.command_id,"
              + " 'Seeded by the benchmark: the duties of the assignment need it.', 'benchmark', 'APPROVED', 1, 1, NULL, NULL,"
              + " UTC_TIMESTAMP(6) - INTERVAL 40 DAY, UTC_TIMESTAMP(6) - INTERVAL 39 DAY, 0"
              + " FROM member m JOIN access_level l JOIN technology t ON t.id = l.technology_id"
              + " WHERE (m.tax_number LIKE 'BM%' AND t.code = 'CMS' AND l.code = 'VIEW')"
              + " OR (m.tax_number LIKE 'BS%' AND t.code = 'BENCH')");
      int grants =
          s.executeUpdate(
              "INSERT INTO access_grant (request_id, member_id, access_level_id, granted_at, ended_at, end_reason, active_key, version)"
                  + " SELECT r.id, r.member_id, r.access_level_id, r.closed_at, NULL, NULL, CONCAT(r.member_id, ':', r.access_level_id), 0"
                  + " FROM access_request r WHERE r.requested_by = 'benchmark'");
      s.executeUpdate(
          "INSERT INTO app_user (username, password_hash, display_name, command_id, enabled)"
              + " SELECT CONCAT('co.', LOWER(REPLACE(c.code, '-', ''))), '"
              + hash
              + "', CONCAT('Commanding Officer, ', c.name), c.id, TRUE"
              + " FROM command c WHERE c.code LIKE 'BM-%' AND c.code <> 'BM-SEP'");
      s.executeUpdate(
          "INSERT INTO app_user_role (username, role_name) SELECT username, 'commanding-officer' FROM app_user WHERE username LIKE 'co.bm%'");
      for (String table :
          new String[] {
            "command",
            "member",
            "member_assignment",
            "access_level",
            "command_permitted_level",
            "access_request",
            "access_grant",
            "app_user",
            "app_user_role"
          }) {
        s.execute("ANALYZE TABLE " + table);
      }
      JsonArrayBuilder separatingIds = Json.createArrayBuilder();
      try (ResultSet rs =
          s.executeQuery("SELECT id FROM member WHERE tax_number LIKE 'BS%' ORDER BY id")) {
        while (rs.next()) {
          separatingIds.add(rs.getLong(1));
        }
      }
      long active;
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM access_grant WHERE ended_at IS NULL")) {
        rs.next();
        active = rs.getLong(1);
      }
      return Json.createObjectBuilder()
          .add("commands", sizes.commands())
          .add("members", members)
          .add("grantsSeeded", grants)
          .add("activeGrants", active)
          .add("separatingMembers", separatingIds)
          .add("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0)
          .build();
    }
  }
}
