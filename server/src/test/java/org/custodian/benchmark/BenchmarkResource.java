package org.custodian.benchmark;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.custodian.directory.control.Directory;
import org.custodian.inbox.control.Inbox;
import org.custodian.platform.Actor;
import org.flowable.engine.TaskService;

/**
 * The server side of the benchmark, deployed only with it (never part of the application's WAR):
 * seeding, and the measurements that must run inside the server (the engine's own query, the inbox
 * without HTTP, the raw engine's lifecycle). Not transactional: each step manages its own.
 */
@Path("benchmark")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Inject TaskService taskService;

  @Inject Inbox inbox;

  @Inject Directory directory;

  @Inject RawEngine rawEngine;

  @Inject LockSampler lockSampler;

  /**
   * Copies template cases:
   * {"templates":[{"requestId":1,"copies":97999,"keyPrefix":"AR-2025-","spacingSeconds":25}]}
   */
  @POST
  @Path("seed")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject seed(JsonObject body) throws SQLException {
    List<Seeder.Template> templates = new ArrayList<>();
    for (JsonValue value : body.getJsonArray("templates")) {
      JsonObject t = value.asJsonObject();
      templates.add(
          new Seeder.Template(
              t.getJsonNumber("requestId").longValue(),
              t.getInt("copies"),
              t.getString("keyPrefix"),
              t.getJsonNumber("spacingSeconds").longValue()));
    }
    return new Seeder(dataSource).seed(templates);
  }

  /**
   * Seeds commands, members and grants:
   * {"commands":100,"membersPerCommand":100,"separating":110,"grantsEach":50}
   */
  @POST
  @Path("seed-grants")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject seedGrants(JsonObject body) throws SQLException {
    return new GrantSeeder(dataSource)
        .seed(
            new GrantSeeder.Sizes(
                body.getInt("commands"),
                body.getInt("membersPerCommand"),
                body.getInt("separating"),
                body.getInt("grantsEach")));
  }

  /** Seeds the disclosure ledger: {"count":1000000,"people":200000} */
  @POST
  @Path("seed-ledger")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject seedLedger(JsonObject body) throws SQLException {
    return new DisclosureSeeder(dataSource).seed(body.getInt("count"), body.getInt("people"));
  }

  @Inject BreachSeeder breachSeeder;

  /** Seeds breach cases: {"open":10000,"toCpo":2000,"closed":90000} */
  @POST
  @Path("seed-breaches")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject seedBreaches(JsonObject body) throws SQLException {
    long start = System.nanoTime();
    int open = body.getInt("open");
    int toCpo = body.getInt("toCpo");
    int batch = 200;
    for (int done = 0; done < open; done += batch) {
      int n = Math.min(batch, open - done);
      breachSeeder.batch(n, Math.max(0, Math.min(n, toCpo - done)));
    }
    long openSeconds = (System.nanoTime() - start) / 1_000_000_000L;
    BreachSeeder.closed(dataSource, body.getInt("closed"));
    return Json.createObjectBuilder()
        .add("open", open)
        .add("toCpo", toCpo)
        .add("closed", body.getInt("closed"))
        .add("openSeconds", openSeconds)
        .add("seconds", (System.nanoTime() - start) / 1_000_000_000L)
        .build();
  }

  /** The database, its settings and what it holds. */
  @GET
  @Path("environment")
  public JsonObject environment() throws SQLException {
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Connection c = dataSource.getConnection()) {
      out.add(
          "database", c.getMetaData().getDatabaseProductName() + " " + text(c, "SELECT VERSION()"));
      out.add("driver", c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion());
      out.add("innodb_buffer_pool_size", text(c, "SELECT @@innodb_buffer_pool_size"));
      out.add("innodb_flush_log_at_trx_commit", text(c, "SELECT @@innodb_flush_log_at_trx_commit"));
      String isolation;
      try {
        isolation = text(c, "SELECT @@global.transaction_isolation");
      } catch (SQLException before11) {
        isolation = text(c, "SELECT @@global.tx_isolation");
      }
      out.add("isolation", isolation);
      out.add("optimizer_switch", text(c, "SELECT @@optimizer_switch"));
      out.add("openTasks", Seeder.single(c, "SELECT COUNT(*) FROM ACT_RU_TASK"));
      out.add("inboxTasks", Seeder.single(c, "SELECT COUNT(*) FROM inbox_task"));
      out.add(
          "engineCandidateLinks",
          groups(
              c,
              "SELECT GROUP_ID_, COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' GROUP BY GROUP_ID_"));
      out.add(
          "inboxCandidates",
          groups(c, "SELECT group_name, COUNT(*) FROM inbox_candidate GROUP BY group_name"));
      JsonObjectBuilder tables = Json.createObjectBuilder();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT TABLE_NAME, TABLE_ROWS, ROUND((DATA_LENGTH + INDEX_LENGTH) / 1048576) FROM information_schema.TABLES "
                      + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_ROWS > 1000 ORDER BY DATA_LENGTH + INDEX_LENGTH DESC")) {
        while (rs.next()) {
          tables.add(rs.getString(1), "~" + rs.getLong(2) + " rows, " + rs.getLong(3) + " MiB");
        }
      }
      out.add("largeTables", tables);
      out.add(
          "databaseMiB",
          Seeder.single(
              c,
              "SELECT ROUND(SUM(DATA_LENGTH + INDEX_LENGTH) / 1048576) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
    }
    out.add(
        "serverJava",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    out.add("serverMaxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
    out.add("serverProcessors", Runtime.getRuntime().availableProcessors());
    return out.build();
  }

  /**
   * The engine's own inbox query, as Flowable's TaskQuery runs it, through Custodian's engine:
   * {@code query=page} (the first 50, newest first) or {@code query=count}.
   */
  @POST
  @Path("engine-inbox")
  public JsonObject engineInbox(
      @QueryParam("group") String group,
      @QueryParam("query") @DefaultValue("page") String query,
      @QueryParam("samples") @DefaultValue("30") int samples,
      @QueryParam("warmup") @DefaultValue("3") int warmup) {
    Supplier<Integer> call =
        query.equals("count")
            ? () -> (int) taskService.createTaskQuery().taskCandidateGroup(group).count()
            : () ->
                taskService
                    .createTaskQuery()
                    .taskCandidateGroup(group)
                    .orderByTaskCreateTime()
                    .desc()
                    .listPage(0, 50)
                    .size();
    return Json.createObjectBuilder()
        .add("result", call.get())
        .add("stats", time(call, warmup, samples).json())
        .build();
  }

  /** Custodian's inbox read model without HTTP: the same calls the API and the screen make. */
  @POST
  @Path("inbox-direct")
  public JsonObject inboxDirect(
      @QueryParam("user") String username,
      @QueryParam("samples") @DefaultValue("200") int samples,
      @QueryParam("warmup") @DefaultValue("50") int warmup) {
    Actor actor = directory.actor(username).orElseThrow();
    Inbox.Query candidate = new Inbox.Query(Inbox.Scope.CANDIDATE, false, Inbox.Sort.NEWEST, 0, 50);
    Inbox.Query screen = new Inbox.Query(Inbox.Scope.ALL, false, Inbox.Sort.NEWEST, 0, 25);
    return Json.createObjectBuilder()
        .add("rows", inbox.page(actor, candidate).size())
        .add("count", inbox.count(actor, Inbox.Scope.CANDIDATE))
        .add(
            "candidatePage50",
            time(() -> inbox.page(actor, candidate).size(), warmup, samples).json())
        .add("allPage25", time(() -> inbox.page(actor, screen).size(), warmup, samples).json())
        .add(
            "countCandidate",
            time(() -> (int) inbox.count(actor, Inbox.Scope.CANDIDATE), warmup / 5, samples / 4)
                .json())
        .add(
            "countAll",
            time(() -> (int) inbox.count(actor, Inbox.Scope.ALL), warmup / 5, samples / 4).json())
        .build();
  }

  /** The raw engine's lifecycle on the same database (see RawEngine). */
  @POST
  @Path("engine-lifecycle")
  public JsonObject engineLifecycle(
      @QueryParam("threads") @DefaultValue("1") int threads,
      @QueryParam("seconds") @DefaultValue("15") double seconds,
      @QueryParam("warmup") @DefaultValue("20") int warmup,
      @QueryParam("process") @DefaultValue("two-task") String process)
      throws Exception {
    return rawEngine.lifecycle(threads, seconds, warmup, "custodian".equals(process));
  }

  @Inject AuditLogProbe auditLog;

  /** The newest audit entry's id: the entries after it are a run's. */
  /**
   * Seeds access events with their audit entries, sequenced:
   * {"count":5000000,"subjects":100000,"members":2000}
   */
  @POST
  @Path("seed-access-events")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject seedAccessEvents(JsonObject body) throws Exception {
    return auditLog.seedAccessEvents(
        body.getInt("count"), body.getInt("subjects"), body.getInt("members"));
  }

  /** Tax numbers of n members, for the search benchmark. */
  @GET
  @Path("member-tax-numbers")
  public JsonArray memberTaxNumbers(@QueryParam("n") @DefaultValue("50") int n) throws Exception {
    var out = Json.createArrayBuilder();
    auditLog.memberTaxNumbers(n).forEach(out::add);
    return out.build();
  }

  @GET
  @Path("audit-mark")
  public JsonObject auditMark() throws Exception {
    return Json.createObjectBuilder().add("mark", auditLog.mark()).build();
  }

  /** How long after being written the entries after {@code after} were in a signed checkpoint. */
  @GET
  @Path("audit-inclusion")
  public JsonObject auditInclusion(@QueryParam("after") long after) throws Exception {
    return auditLog.inclusionDelay(after);
  }

  /** The integrator's throughput over {@code events} entries written while it was held still. */
  @POST
  @Path("audit-integrator")
  public JsonObject auditIntegrator(@QueryParam("events") @DefaultValue("50000") int events)
      throws Exception {
    return auditLog.integrator(events);
  }

  /** InnoDB's row-lock wait counters (global, since the database started). */
  @GET
  @Path("lock-stats")
  public JsonObject lockStats() throws SQLException {
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_deadlocks')")) {
      while (rs.next()) {
        out.add(rs.getString(1), rs.getLong(2));
      }
    }
    return out.build();
  }

  /**
   * MariaDB's statement and row-read counters (global): the client takes differences around a loop.
   */
  @GET
  @Path("db-status")
  public JsonObject dbStatus() throws SQLException {
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete', "
                    + "'Com_commit', 'Handler_read_key', 'Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd_next', "
                    + "'Handler_read_first', 'Handler_read_last')")) {
      while (rs.next()) {
        out.add(rs.getString(1), rs.getLong(2));
      }
    }
    return out.build();
  }

  /**
   * What the screen's paginator count costs, and what cheaper forms of it would cost: plain SQL on
   * the same connection pool, not application code.
   */
  @POST
  @Path("count-alternatives")
  public JsonObject countAlternatives(
      @QueryParam("group") String group, @QueryParam("samples") @DefaultValue("20") int samples)
      throws SQLException {
    String[][] queries = {
      {
        "countDistinct",
        "SELECT COUNT(DISTINCT c.task_id) FROM inbox_candidate c WHERE c.group_name IN (?)"
      },
      {"countRows", "SELECT COUNT(*) FROM inbox_candidate c WHERE c.group_name = ?"},
      {
        "countCapped1001",
        "SELECT COUNT(*) FROM (SELECT 1 FROM inbox_candidate c WHERE c.group_name = ? LIMIT 1001) x"
      },
    };
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Connection c = dataSource.getConnection()) {
      for (String[] query : queries) {
        try (java.sql.PreparedStatement ps = c.prepareStatement(query[1])) {
          ps.setString(1, group);
          long[] result = new long[1];
          Supplier<Integer> call =
              () -> {
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  result[0] = rs.getLong(1);
                  return 1;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              };
          Stats stats = time(call, 2, samples);
          out.add(
              query[0],
              Json.createObjectBuilder()
                  .add("sql", query[1])
                  .add("result", result[0])
                  .add("stats", stats.json()));
        }
      }
    }
    return out.build();
  }

  /** Starts sampling which rows transactions wait for (see LockSampler). */
  @POST
  @Path("lock-sampler/start")
  public JsonObject startLockSampler() {
    lockSampler.start();
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  @POST
  @Path("lock-sampler/stop")
  public JsonObject stopLockSampler() throws Exception {
    return lockSampler.stop();
  }

  /** The plans MariaDB picks for Custodian's inbox queries and for the engine's. */
  @GET
  @Path("explain")
  public JsonObject explain(@QueryParam("group") String group) throws SQLException {
    String g = "'" + group.replace("'", "''") + "'";
    String exists =
        "FROM ACT_RU_TASK RES WHERE RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT LINK.ID_ FROM ACT_RU_IDENTITYLINK LINK "
            + "WHERE LINK.TYPE_ = 'candidate' AND LINK.TASK_ID_ = RES.ID_ AND ((LINK.GROUP_ID_ IN ("
            + g
            + "))))";
    String[][] queries = {
      {
        "inboxPage",
        "SELECT c.task_id FROM inbox_candidate c WHERE c.group_name = "
            + g
            + " ORDER BY c.created_at DESC, c.task_id DESC LIMIT 50"
      },
      {
        "inboxCount",
        "SELECT COUNT(*) FROM (SELECT 1 FROM inbox_candidate WHERE group_name = "
            + g
            + " LIMIT 1001) t"
      },
      {
        "enginePage", "SELECT RES.* " + exists + " ORDER BY RES.CREATE_TIME_ DESC LIMIT 50 OFFSET 0"
      },
      {"engineCount", "SELECT COUNT(DISTINCT RES.ID_) " + exists},
      // the async executor's periodic queries (Flowable 8 TimerJob.xml), one timer job per open
      // review
      {
        "timerAcquisition",
        "SELECT RES.* FROM ACT_RU_TIMER_JOB RES WHERE SCOPE_TYPE_ IS NULL AND DUEDATE_ <= NOW() AND LOCK_OWNER_ IS NULL LIMIT 512"
      },
      {
        "expiredTimerReset",
        "SELECT RES.* FROM ACT_RU_TIMER_JOB RES WHERE SCOPE_TYPE_ IS NULL AND LOCK_EXP_TIME_ IS NOT NULL AND LOCK_EXP_TIME_ < NOW() LIMIT 3"
      },
    };
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Connection c = dataSource.getConnection()) {
      for (String[] query : queries) {
        JsonArrayBuilder plan = Json.createArrayBuilder();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("EXPLAIN " + query[1])) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String label = meta.getColumnLabel(i);
              if (List.of("table", "type", "key", "rows", "Extra").contains(label)) {
                line.append(label).append('=').append(rs.getString(i)).append("; ");
              }
            }
            plan.add(line.toString().trim());
          }
        }
        out.add(query[0], Json.createObjectBuilder().add("sql", query[1]).add("plan", plan));
      }
    }
    return out.build();
  }

  private static Stats time(Supplier<Integer> call, int warmup, int samples) {
    for (int i = 0; i < warmup; i++) {
      call.get();
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      call.get();
      nanos[i] = System.nanoTime() - start;
    }
    return Stats.ofNanos(nanos);
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static JsonObject groups(Connection c, String sql) throws SQLException {
    JsonObjectBuilder out = Json.createObjectBuilder();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1), rs.getLong(2));
      }
    }
    return out.build();
  }
}
