package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Fills the database with open review tasks fast, by cloning real cases. A template is an access
 * request that went through the real API (so the engine and Custodian wrote every row a case has);
 * each copy gets every row of the template again, in every engine table (ACT_RU_*, ACT_HI_*:
 * executions, variables, the task, its candidate-group link, the boundary timer job, activity and
 * history rows) and in Custodian's own tables (access_request, inbox_task, inbox_candidate,
 * access_decision), with its ids suffixed ("-n"), its own business key and case id, and its
 * timestamps moved back n * spacing seconds. Which rows belong to the template is found from the
 * data, not from a list of tables: starting from the process instance id, every row whose id-sized
 * text column holds a known id is the template's, and its id becomes known too.
 *
 * <p>INSERT ... SELECT per table and template in slices of 10,000 copies, joined with MariaDB's
 * sequence engine (seq_1_to_N). Due dates are kept (in the future), so no timer fires during the
 * run. The audit chain is not copied (it is hash-chained; copies would break verification).
 */
final class Seeder {

  private static final Logger LOG = Logger.getLogger(Seeder.class.getName());

  record Template(long requestId, int copies, String keyPrefix, long spacingSeconds) {}

  /** Copies per INSERT ... SELECT statement (each its own transaction). */
  private static final int SLICE = 10_000;

  private record Column(String name, String type, long length, boolean autoIncrement) {
    boolean idSized() {
      return (type.equals("varchar") || type.equals("char")) && length > 0 && length <= 255;
    }

    boolean text() {
      return type.equals("varchar") || type.equals("char");
    }

    boolean time() {
      return type.equals("datetime") || type.equals("timestamp");
    }
  }

  private final DataSource dataSource;

  Seeder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  JsonObject seed(List<Template> templates) throws SQLException {
    long started = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      execute(c, "SET SESSION foreign_key_checks = 0");
      try {
        Map<String, List<Column>> engineTables =
            tables(c, "ACT\\_RU\\_%", "ACT\\_HI\\_%", "ACT\\_GE\\_BYTEARRAY");
        Map<String, List<Column>> ownTables =
            tables(c, "access\\_request", "access\\_decision", "inbox\\_task", "inbox\\_candidate");
        long nextRequestId = single(c, "SELECT COALESCE(MAX(id), 0) FROM access_request") + 1000;
        // every template's rows are found first, while the tables are still small
        List<Copy> copies = new ArrayList<>();
        for (Template template : templates) {
          long base = nextRequestId;
          nextRequestId += template.copies() + 1000;
          String processInstance;
          String businessKey;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT process_instance_id, business_key FROM access_request WHERE id = ?")) {
            ps.setLong(1, template.requestId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalArgumentException("No access request " + template.requestId());
              }
              processInstance = rs.getString(1);
              businessKey = rs.getString(2);
            }
          }
          copies.add(
              new Copy(
                  closure(c, engineTables, processInstance),
                  businessKey,
                  template,
                  base,
                  sequence(c, template.copies())));
        }
        for (Copy copy : copies) {
          for (Map.Entry<String, List<Column>> table : engineTables.entrySet()) {
            String where = copy.engineRowsOf(table.getValue());
            if (where != null) {
              rows.merge(
                  table.getKey(),
                  copy.insert(c, table.getKey(), table.getValue(), where, false),
                  Long::sum);
            }
          }
          for (Map.Entry<String, List<Column>> table : ownTables.entrySet()) {
            String where =
                switch (table.getKey()) {
                  case "access_request" -> "t.id = " + copy.template.requestId();
                  case "access_decision" -> "t.request_id = " + copy.template.requestId();
                  default -> "t.task_id IN (" + copy.idList + ")";
                };
            rows.merge(
                table.getKey(),
                copy.insert(c, table.getKey(), table.getValue(), where, true),
                Long::sum);
          }
        }
        long analyzeStart = System.nanoTime();
        for (String table : rows.keySet()) {
          if (rows.get(table) > 0) {
            execute(c, "ANALYZE TABLE " + table);
          }
        }
        LOG.info(
            () -> "ANALYZE TABLE took " + (System.nanoTime() - analyzeStart) / 1_000_000 + " ms");
      } finally {
        execute(c, "SET SESSION foreign_key_checks = 1");
      }
    }
    JsonObjectBuilder copied = Json.createObjectBuilder();
    rows.forEach(
        (table, n) -> {
          if (n > 0) {
            copied.add(table, n);
          }
        });
    long total = rows.values().stream().mapToLong(Long::longValue).sum();
    return Json.createObjectBuilder()
        .add("rowsCopied", copied)
        .add("totalRows", total)
        .add("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0)
        .build();
  }

  /** How one template is copied: the expression of every column of a copied row. */
  private static final class Copy {
    final Set<String> ids;
    final String idList;
    final String businessKey;
    final Template template;
    final long base;
    final String seq;

    Copy(Set<String> ids, String businessKey, Template template, long base, String seq) {
      this.ids = ids;
      this.idList = ids.stream().map(Seeder::literal).collect(Collectors.joining(","));
      this.businessKey = businessKey;
      this.template = template;
      this.base = base;
      this.seq = seq;
    }

    /** The template's rows of an engine table: an id-sized column holds one of its ids. */
    String engineRowsOf(List<Column> columns) {
      List<String> terms = new ArrayList<>();
      for (Column column : columns) {
        if (column.idSized()) {
          terms.add("t." + column.name() + " IN (" + idList + ")");
        }
      }
      return terms.isEmpty() ? null : String.join(" OR ", terms);
    }

    long insert(Connection c, String table, List<Column> columns, String where, boolean own)
        throws SQLException {
      boolean variables =
          columns.stream().anyMatch(col -> col.name().equals("NAME_"))
              && columns.stream().anyMatch(col -> col.name().equals("LONG_"));
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Column column : columns) {
        String expression =
            own ? ownExpression(table, column) : engineExpression(column, variables);
        if (expression != null) {
          names.add(column.name());
          values.add(expression);
        }
      }
      String sql =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", names)
              + ") SELECT "
              + String.join(", ", values)
              + " FROM "
              + table
              + " t JOIN "
              + seq
              + " s WHERE ("
              + where
              + ") AND s.seq BETWEEN ? AND ?";
      long start = System.nanoTime();
      long n = 0;
      // in slices: a transaction of a million rows strains a small buffer pool
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int from = 1; from <= template.copies(); from += SLICE) {
          ps.setInt(1, from);
          ps.setInt(2, Math.min(template.copies(), from + SLICE - 1));
          n += ps.executeLargeUpdate();
        }
      } catch (SQLException e) {
        throw new SQLException(
            e.getMessage() + " in: " + sql, e.getSQLState(), e.getErrorCode(), e);
      }
      long copied = n;
      LOG.info(
          () ->
              "Copied "
                  + copied
                  + " rows into "
                  + table
                  + " in "
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms");
      return n;
    }

    private String newKey() {
      return "CONCAT(" + literal(template.keyPrefix()) + ", LPAD(s.seq, 6, '0'))";
    }

    private String newCaseId() {
      return "(" + base + " + s.seq)";
    }

    private String shifted(Column column) {
      if (column.name().toLowerCase(Locale.ROOT).contains("due")) {
        return "t." + column.name();
      }
      return "t."
          + column.name()
          + " - INTERVAL (s.seq * "
          + template.spacingSeconds()
          + ") SECOND";
    }

    private String mappedIds(Column column, String otherwise) {
      return "CASE WHEN t."
          + column.name()
          + " IN ("
          + idList
          + ") THEN CONCAT(t."
          + column.name()
          + ", '-', s.seq) "
          + otherwise
          + " END";
    }

    String engineExpression(Column column, boolean variables) {
      String n = column.name();
      if (column.autoIncrement()) {
        return null;
      }
      if (column.time()) {
        return shifted(column);
      }
      if (variables && n.equals("LONG_")) {
        return "CASE WHEN t.NAME_ = 'caseId' THEN " + newCaseId() + " ELSE t.LONG_ END";
      }
      if (column.text()) {
        StringBuilder cases = new StringBuilder();
        if (businessKey != null) {
          cases
              .append("WHEN t.")
              .append(n)
              .append(" = ")
              .append(literal(businessKey))
              .append(" THEN ")
              .append(newKey())
              .append(' ');
        }
        if (variables && n.equals("TEXT_")) {
          cases
              .append("WHEN t.NAME_ = 'caseId' THEN CAST(")
              .append(newCaseId())
              .append(" AS CHAR) ");
        }
        String otherwise = cases + "ELSE t." + n;
        return column.idSized() ? mappedIds(column, otherwise) : "CASE " + otherwise + " END";
      }
      return "t." + n;
    }

    String ownExpression(String table, Column column) {
      String n = column.name();
      if (table.equals("access_request") && n.equals("id")) {
        return newCaseId();
      }
      if (column.autoIncrement()) {
        return null;
      }
      if (n.equals("case_id") || n.equals("request_id")) {
        return newCaseId();
      }
      if (n.equals("business_key")) {
        return "CASE WHEN t.business_key = "
            + literal(businessKey)
            + " THEN "
            + newKey()
            + " ELSE t.business_key END";
      }
      if (n.equals("open_key")) {
        return "CASE WHEN t.open_key IS NULL THEN NULL ELSE CONCAT(t.open_key, '#', s.seq) END";
      }
      if (column.time()) {
        return shifted(column);
      }
      if (column.idSized()) {
        return mappedIds(column, "ELSE t." + n);
      }
      return "t." + n;
    }
  }

  /** Every id of the template: rows whose id-sized columns hold a known id, to a fixed point. */
  private static Set<String> closure(
      Connection c, Map<String, List<Column>> tables, String processInstance) throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(processInstance);
    boolean grew = true;
    while (grew) {
      grew = false;
      String list = ids.stream().map(Seeder::literal).collect(Collectors.joining(","));
      for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
        Column id =
            table.getValue().stream()
                .filter(col -> col.name().equals("ID_"))
                .findFirst()
                .orElse(null);
        if (id == null || !id.idSized()) {
          continue;
        }
        String where =
            table.getValue().stream()
                .filter(Column::idSized)
                .map(col -> col.name() + " IN (" + list + ")")
                .collect(Collectors.joining(" OR "));
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery("SELECT ID_ FROM " + table.getKey() + " WHERE " + where)) {
          while (rs.next()) {
            grew |= ids.add(rs.getString(1));
          }
        }
      }
    }
    LOG.info(() -> "Template " + processInstance + " has " + ids.size() + " ids");
    return ids;
  }

  /** MariaDB's sequence engine (seq_1_to_N), or a numbers table where it is missing. */
  private static String sequence(Connection c, int n) throws SQLException {
    try {
      single(c, "SELECT COUNT(*) FROM seq_1_to_" + n);
      return "seq_1_to_" + n;
    } catch (SQLException missing) {
      execute(c, "CREATE TABLE IF NOT EXISTS benchmark_numbers (seq INT NOT NULL PRIMARY KEY)");
      long have = single(c, "SELECT COUNT(*) FROM benchmark_numbers");
      if (have < n) {
        execute(c, "DELETE FROM benchmark_numbers");
        execute(c, "INSERT INTO benchmark_numbers (seq) VALUES (1)");
        for (long size = 1; size < n; size *= 2) {
          execute(
              c,
              "INSERT INTO benchmark_numbers (seq) SELECT seq + "
                  + size
                  + " FROM benchmark_numbers WHERE seq + "
                  + size
                  + " <= "
                  + n);
        }
      }
      return "(SELECT seq FROM benchmark_numbers WHERE seq <= " + n + ")";
    }
  }

  private static Map<String, List<Column>> tables(Connection c, String... patterns)
      throws SQLException {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    String like =
        String.join(" OR ", java.util.Collections.nCopies(patterns.length, "TABLE_NAME LIKE ?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COALESCE(CHARACTER_MAXIMUM_LENGTH, 0), EXTRA "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND ("
                + like
                + ") "
                + "AND TABLE_NAME IN (SELECT TABLE_NAME FROM information_schema.TABLES "
                + "  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE') "
                + "ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      for (int i = 0; i < patterns.length; i++) {
        ps.setString(i + 1, patterns[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String extra = rs.getString(5) == null ? "" : rs.getString(5).toLowerCase(Locale.ROOT);
          if (extra.contains("generated")
              || extra.contains("virtual")
              || extra.contains("stored")) {
            continue;
          }
          tables
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Column(
                      rs.getString(2),
                      rs.getString(3).toLowerCase(Locale.ROOT),
                      rs.getLong(4),
                      extra.contains("auto_increment")));
        }
      }
    }
    return tables;
  }

  static long single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
