package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.custodian.breach.boundary.BreachApiIT;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one MariaDB: the suite's server (node A) and a second server of the same
 * installation (node B, the {@code wildfly-restart} container, ports +100). A request submitted on
 * one is reviewed on the other; one node integrates the audit log, and when its application stops
 * the other takes over; a node killed while it takes requests loses none it answered, and their
 * audit entries reach the tree; timers falling due while both run fire once each.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

  static final String NODE_B = "wildfly-restart";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(name = "node-a", managed = false, testable = false)
  @TargetsContainer("wildfly")
  static WebArchive nodeA() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @Deployment(name = "node-b", managed = false, testable = false)
  @TargetsContainer(NODE_B)
  static WebArchive nodeB() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource ContainerController servers;

  @ArquillianResource Deployer deployer;

  @Test
  void twoNodesShareTheWorkAndLoseNothing() throws Exception {
    URL a = URI.create("http://127.0.0.1:8080/custodian/").toURL();
    URL b = URI.create("http://127.0.0.1:8180/custodian/").toURL();
    servers.start(NODE_B);
    boolean aDeployed = false;
    boolean killed = false;
    try {
      deployer.deploy("node-a");
      aDeployed = true;
      deployer.deploy("node-b");

      // submitted on A, reviewed on B, seen on A
      long member = new Scenario(a).newMember("PCT-075");
      JsonObject request = new Scenario(a).submit("co.ramirez", member, "CMS", "VIEW");
      String key = request.getString("businessKey");
      String task = Api.as(b, "rev.one").taskOf(key, "Task_ReviewAccessRequest");
      assertNotNull(task, "node B's inbox shows the task node A created");
      assertEquals(204, new Scenario(b).decide("rev.one", task, "APPROVE", null).status());
      JsonObject seen =
          Api.as(a, "co.ramirez")
              .get("access-requests/" + request.getJsonNumber("id").longValue())
              .json();
      assertEquals(1, seen.getJsonArray("decisions").size(), seen.toString());

      // one integrator at a time; when its application stops, the other node takes over
      await("exactly one node leads the integrator", () -> leaders(9990, 10090) == 1);
      boolean aLeads = leads(9990);
      if (aLeads) {
        deployer.undeploy("node-a");
        aDeployed = false;
        await("node B takes the lease", () -> leads(10090));
        new Scenario(b).newMember("PCT-075");
      } else {
        deployer.undeploy("node-b");
        await("node A takes the lease", () -> leads(9990));
        new Scenario(a).newMember("PCT-075");
      }
      // every entry, whichever node's id block it has: the queue empties
      await("the entries reach the tree", () -> AuditTrail.waiting(0) == 0);

      // node B killed while it takes requests: every request it answered is kept, with its entry
      if (!aDeployed) {
        deployer.deploy("node-a");
        aDeployed = true;
      }
      if (!aLeads) {
        deployer.deploy("node-b");
      }
      AtomicBoolean go = new AtomicBoolean(true);
      List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread load =
          new Thread(
              () -> {
                String[] levels = {"VIEW", "INVESTIGATOR"};
                for (int i = 0; go.get() && i < 200; i++) {
                  try {
                    long m = new Scenario(a).newMember("PCT-075");
                    Api.Answer r =
                        Api.as(b, "co.ramirez")
                            .post("access-requests", Scenario.request(m, "CMS", levels[i % 2]));
                    if (r.status() == 201) {
                      answered.add(String.valueOf(r.json().getJsonNumber("id").longValue()));
                    }
                  } catch (RuntimeException e) {
                    return; // the node is gone
                  }
                }
              });
      load.start();
      await("node B answered some requests", () -> answered.size() >= 3);
      servers.kill(NODE_B);
      killed = true;
      go.set(false);
      load.join(30_000);
      for (String id : List.copyOf(answered)) {
        Api.Answer kept = Api.as(a, "co.ramirez").get("access-requests/" + id);
        assertEquals(200, kept.status(), "request " + id + " answered by B before it died");
        assertEquals("IN_REVIEW", kept.json().getString("status"), kept.body());
      }
      for (String id : List.copyOf(answered)) {
        assertTrue(
            AuditTrail.actionsOn("AccessRequest", id).contains("ACCESS_REQUEST_SUBMITTED"),
            "request " + id + " answered by B has its audit entry");
      }
      await("node A puts B's entries into the tree", () -> AuditTrail.waiting(0) == 0);
      assertTrue(
          Api.as(a, "auditor.iab").get("audit/verify").json().getBoolean("valid"),
          "the log verifies");
    } finally {
      leave(aDeployed, killed);
    }
  }

  /**
   * A node killed in the middle of an integrator batch (JVM killed, not an exception): its leaves
   * and nodes were written, its queue rows deleted, its checkpoint's insert waiting. The database
   * rolls the batch back when the connection dies; the other node takes the lease when it expires
   * and sequences every entry once, with no gap, and the log verifies.
   */
  @Test
  void anIntegratorKilledMidBatchLosesNothingAndSequencesNothingTwice() throws Exception {
    URL a = URI.create("http://127.0.0.1:8080/custodian/").toURL();
    URL b = URI.create("http://127.0.0.1:8180/custodian/").toURL();
    servers.start(NODE_B);
    boolean aDeployed = false;
    boolean killed = false;
    try {
      deployer.deploy("node-b");
      await("node B leads the integrator", () -> leads(10090));
      await("the queue is empty", () -> AuditTrail.waiting(0) == 0);
      long mark = AuditTrail.mark();
      try (Connection holder = AuditTrail.connect()) {
        // a gap lock above the latest checkpoint: node B's next batch writes its leaves and nodes,
        // empties the queue, then waits to insert its checkpoint
        holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        holder.setAutoCommit(false);
        try (PreparedStatement lock =
            holder.prepareStatement(
                "SELECT tree_size FROM audit_checkpoint WHERE tree_size >"
                    + " (SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint) FOR UPDATE")) {
          lock.executeQuery().close();
        }
        // audited reads on node B: entries for its batch
        for (int i = 0; i < 5; i++) {
          assertEquals(200, Api.as(b, "rev.one").get("tasks?scope=candidate").status());
        }
        await("node B's batch waits to insert its checkpoint", TwoNodesIT::checkpointInsertWaits);
        servers.kill(NODE_B);
        killed = true;
        holder.rollback();
      }
      List<AuditTrail.Entry> written = AuditTrail.since(mark, "rev.one");
      assertEquals(5, written.size(), "node B's five audited reads committed");
      assertEquals(5, AuditTrail.waiting(mark), "the batch died: its entries wait again");

      deployer.deploy("node-a");
      aDeployed = true;
      await("node A takes the lease when it expires", () -> leads(9990));
      await("node A puts the entries into the tree", () -> AuditTrail.waiting(0) == 0);
      assertEquals(
          0,
          count(
              "SELECT COUNT(*) FROM audit_entry e WHERE NOT EXISTS"
                  + " (SELECT 1 FROM audit_leaf l WHERE l.entry_id = e.id)"),
          "every entry sequenced");
      assertEquals(
          count("SELECT COUNT(*) FROM audit_leaf"),
          count("SELECT MAX(seq) + 1 FROM audit_leaf"),
          "sequence numbers from 0 with no gap, none twice");
      for (AuditTrail.Entry entry : written) {
        assertEquals(
            1,
            count("SELECT COUNT(*) FROM audit_leaf WHERE entry_id = " + entry.id()),
            "entry " + entry.id() + " sequenced once");
      }
      JsonObject verdict = Api.as(a, "auditor.iab").get("audit/verify").json();
      assertTrue(verdict.getBoolean("valid"), verdict.toString());
    } finally {
      leave(aDeployed, killed);
    }
  }

  /** Undeploys both nodes and stops B; a killed B is started first to remove its deployment. */
  private void leave(boolean aDeployed, boolean killed) {
    try {
      if (aDeployed) {
        deployer.undeploy("node-a");
      }
    } finally {
      try {
        if (killed) {
          // it comes back with the deployment it had: removed, so the next test starts clean
          servers.start(NODE_B);
        }
        deployer.undeploy("node-b");
      } finally {
        servers.stop(NODE_B);
      }
    }
  }

  /** Whether a connection (a server's: the same database user) waits in its checkpoint's insert. */
  private static boolean checkpointInsertWaits() {
    return count(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                + " AND INFO LIKE 'INSERT INTO audit\\_checkpoint%'")
        > 0;
  }

  private static long count(String sql) {
    try (Connection c = AuditTrail.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Breach deadlines falling due while both nodes' job executors run: each case's deadline and
   * reminders fire exactly once, on whichever node takes them, and the case is overdue on both.
   */
  @Test
  void eachTimerFiresOnce() throws Exception {
    URL a = URI.create("http://127.0.0.1:8080/custodian/").toURL();
    URL b = URI.create("http://127.0.0.1:8180/custodian/").toURL();
    servers.start(NODE_B);
    try {
      deployer.deploy("node-a");
      deployer.deploy("node-b");
      Map<Long, String> cases = new LinkedHashMap<>();
      for (int i = 0; i < 8; i++) {
        // reported on one node, its clock moved on the other: the deadline falls due in 5-8 s,
        // the two reminders (12 h and 20 h into the 24) are already due
        URL reporter = i % 2 == 0 ? a : b;
        URL apo = i % 2 == 0 ? b : a;
        JsonObject breach =
            Api.as(reporter, "member.diaz").post("breaches", BreachApiIT.report().build()).json();
        long id = breach.getJsonNumber("id").longValue();
        Instant aware = Instant.now().minus(Duration.ofHours(24)).plusSeconds(5 + i / 2);
        Api.Answer moved =
            Api.as(apo, "apo.legal")
                .post(
                    "breaches/" + id + "/aware-at",
                    Json.createObjectBuilder()
                        .add("awareAt", aware.toString())
                        .add("awareReason", "The precinct phoned the APO yesterday.")
                        .build());
        assertEquals(200, moved.status(), moved.body());
        cases.put(id, breach.getString("businessKey"));
      }
      await("every timer of the eight cases has run", () -> Engine.pending(cases.values()) == 0);
      for (Map.Entry<Long, String> c : cases.entrySet()) {
        for (URL node : List.of(a, b)) {
          assertTrue(
              Api.as(node, "apo.legal").get("breaches/" + c.getKey()).json().getBoolean("overdue"),
              c.getValue() + " is overdue");
        }
        assertEquals(
            Map.of("Task_RemindFirst", 1L, "Task_RemindSecond", 1L, "Task_MarkOverdue", 1L),
            Engine.timersRun(c.getValue()),
            c.getValue() + ": each timer fired once");
        assertEquals(
            1,
            AuditTrail.actionsOn("BreachReport", c.getKey()).stream()
                .filter("BREACH_OVERDUE"::equals)
                .count(),
            c.getValue() + ": one BREACH_OVERDUE entry");
      }
    } finally {
      try {
        deployer.undeploy("node-a");
      } finally {
        try {
          deployer.undeploy("node-b");
        } finally {
          servers.stop(NODE_B);
        }
      }
    }
  }

  /** The engine's tables, read over JDBC from the MariaDB both nodes share. */
  private static final class Engine {

    private static final String TIMERS =
        "('Timer_FirstReminder', 'Timer_SecondReminder', 'Timer_CpoDeadline')";

    private static final String CASE =
        "(SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?)";

    /** The cases' jobs of the three timers still to run: waiting for their time, or taken. */
    static long pending(Collection<String> businessKeys) {
      long pending = 0;
      for (String key : businessKeys) {
        pending +=
            count(
                "SELECT COUNT(*) FROM ACT_RU_TIMER_JOB WHERE PROCESS_INSTANCE_ID_ = "
                    + CASE
                    + " AND ELEMENT_ID_ IN "
                    + TIMERS,
                key);
        pending +=
            count(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = "
                    + CASE
                    + " AND ELEMENT_ID_ IN "
                    + TIMERS,
                key);
      }
      return pending;
    }

    /**
     * How often each timer's work ran in the case: the service task after the boundary event (the
     * event itself has an activity instance while it waits and one each time it fires).
     */
    static Map<String, Long> timersRun(String businessKey) {
      try (Connection c = AuditTrail.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = "
                      + CASE
                      + " AND ACT_ID_ IN ('Task_RemindFirst', 'Task_RemindSecond', 'Task_MarkOverdue')"
                      + " GROUP BY ACT_ID_")) {
        s.setString(1, businessKey);
        Map<String, Long> fired = new TreeMap<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            fired.put(rs.getString(1), rs.getLong(2));
          }
        }
        return fired;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static long count(String sql, String key) {
      try (Connection c = AuditTrail.connect();
          PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, key);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static int leaders(int... managementPorts) {
    int count = 0;
    for (int port : managementPorts) {
      if (leads(port)) {
        count++;
      }
    }
    return count;
  }

  /** Whether the node's audit-integrator-schedule liveness check says it holds the lease. */
  private static boolean leads(int managementPort) {
    try {
      HttpResponse<String> live =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + managementPort + "/health/live"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return Json.createReader(new StringReader(live.body()))
          .readObject()
          .getJsonArray("checks")
          .stream()
          .map(JsonValue::asJsonObject)
          .filter(c -> c.getString("name").equals("audit-integrator-schedule"))
          .anyMatch(c -> c.getJsonObject("data").getBoolean("leader", false));
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls (every quarter second, up to 60 s) until the condition holds. */
  private static void await(String what, BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 60 s: " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }
}
