package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Seeds the disclosure ledger in SQL (MariaDB's sequence engine), in chunks: {@code count} released
 * disclosures about {@code people} data subjects (each person in about count / people disclosures;
 * every third disclosure names a second person), each subject with a name ("Maria Family00123") and
 * a license plate ("BP000123"), two data categories each, released over the last five years,
 * requested by three demo members, to 500 organizations.
 */
final class DisclosureSeeder {

  static final String[] GIVEN = {
    "James", "Maria", "Robert", "Ana", "Michael", "Fatima", "David", "Mei", "Jose", "Olga",
        "Daniel", "Aisha", "Kevin", "Rosa", "Luis",
    "Grace", "Omar", "Nadia", "Victor", "Elena", "Samuel", "Priya", "Tom", "Lena", "Marcus",
        "Hannah", "Ivan", "Chloe", "Andre", "Yuki",
    "Carlos", "Zoe", "Ahmed", "Sofia", "Peter", "Amara", "Noah", "Leila", "Jamal", "Irene"
  };

  private final DataSource dataSource;

  DisclosureSeeder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The name the seeder gives person p: the benchmark searches for these. */
  static String name(long person) {
    return GIVEN[(int) (person % GIVEN.length)]
        + " Family"
        + String.format("%05d", person / GIVEN.length);
  }

  static String plate(long person) {
    return String.format("BP%06d", person);
  }

  JsonObject seed(int count, int people) throws SQLException {
    long start = System.nanoTime();
    StringBuilder given = new StringBuilder();
    for (String g : GIVEN) {
      given.append(", '").append(g).append("'");
    }
    int chunk = 100_000;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      long technology;
      try (ResultSet rs = s.executeQuery("SELECT id FROM technology WHERE code = 'ERMS'")) {
        rs.next();
        technology = rs.getLong(1);
      }
      long firstId;
      try (ResultSet rs =
          s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM disclosure_request")) {
        rs.next();
        firstId = rs.getLong(1);
      }
      long base = firstId - 1;
      for (int from = 1; from <= count; from += chunk) {
        int to = Math.min(count, from + chunk - 1);
        String seq = "seq_" + from + "_to_" + to;
        String at = "(UTC_TIMESTAMP(6) - INTERVAL (q.seq * 157) % 2628000 MINUTE)";
        s.executeUpdate(
            "INSERT INTO disclosure_request (id, business_key, requested_by, recipient_name, recipient_organization, recipient_org_key, recipient_kind,"
                + " recipient_verification, source_technology_id, purpose_category, purpose, basis, mission_rationale, status, created_at, decided_at,"
                + " released_at, release_method, release_recorded_at, version)"
                + " SELECT "
                + base
                + " + q.seq, CONCAT('DR-BM-', LPAD(q.seq, 7, '0')), ELT(1 + q.seq % 3, 'member.diaz', 'co.ramirez', 'co.okafor'),"
                + " 'Benchmark recipient', CONCAT('Organization ', LPAD(q.seq % 500, 3, '0')), CONCAT('organization ', LPAD(q.seq % 500, 3, '0')), 'PROSECUTOR',"
                + " 'Confirmed by a call to the main line.', "
                + technology
                + ", 'PROSECUTION', 'Seeded by the benchmark.', 3, 'Furthers a prosecution.',"
                + " 'RELEASED', "
                + at
                + " - INTERVAL 2 DAY, "
                + at
                + " - INTERVAL 1 DAY, "
                + at
                + ", 'Secure e-mail', "
                + at
                + ", 1"
                + " FROM "
                + seq
                + " q");
        // subject 1 of every disclosure is person seq % people; every third names a second one
        for (int position = 0; position < 2; position++) {
          String person =
              position == 0 ? "(q.seq % " + people + ")" : "((q.seq * 7) % " + people + ")";
          String name =
              "CONCAT(ELT(1 + "
                  + person
                  + " % "
                  + GIVEN.length
                  + given
                  + "), ' Family', LPAD("
                  + person
                  + " DIV "
                  + GIVEN.length
                  + ", 5, '0'))";
          s.executeUpdate(
              "INSERT INTO disclosure_subject (disclosure_id, position, name, name_key)"
                  + " SELECT "
                  + base
                  + " + q.seq, "
                  + position
                  + ", "
                  + name
                  + ", LOWER("
                  + name
                  + ") FROM "
                  + seq
                  + " q"
                  + (position == 1 ? " WHERE q.seq % 3 = 0" : ""));
          s.executeUpdate(
              "INSERT INTO disclosure_identifier (subject_id, kind, identifier_value, value_key)"
                  + " SELECT s.id, 'licensePlate', CONCAT('BP', LPAD("
                  + person
                  + ", 6, '0')), CONCAT('bp', LPAD("
                  + person
                  + ", 6, '0'))"
                  + " FROM disclosure_subject s JOIN "
                  + seq
                  + " q ON s.disclosure_id = "
                  + base
                  + " + q.seq AND s.position = "
                  + position);
        }
        s.executeUpdate(
            "INSERT INTO disclosure_category (disclosure_id, category)"
                + " SELECT "
                + base
                + " + q.seq, c.category FROM "
                + seq
                + " q JOIN (SELECT 'NAME' AS category UNION ALL SELECT 'LICENSE_PLATE') c");
      }
      for (String table :
          new String[] {
            "disclosure_request",
            "disclosure_subject",
            "disclosure_identifier",
            "disclosure_category"
          }) {
        s.execute("ANALYZE TABLE " + table);
      }
      long released;
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM disclosure_request WHERE status = 'RELEASED'")) {
        rs.next();
        released = rs.getLong(1);
      }
      long subjects;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM disclosure_subject")) {
        rs.next();
        subjects = rs.getLong(1);
      }
      return Json.createObjectBuilder()
          .add("released", released)
          .add("subjects", subjects)
          .add("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0)
          .build();
    }
  }
}
