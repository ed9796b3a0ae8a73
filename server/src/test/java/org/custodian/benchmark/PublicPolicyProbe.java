package org.custodian.benchmark;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.custodian.policy.control.Policies;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.control.PolicyHtml;
import org.custodian.policy.entity.Section;

/**
 * The server side of the public policy benchmark (deployed only with it): how long the comparison
 * of two versions takes inside the server, without HTTP or rendering, in parts (the whole {@code
 * Policies.diff} the screen and the API call, the comparison alone, and of it the split of both
 * texts into blocks, where jsoup parses the HTML); and how many HTTP sessions the deployment holds,
 * with the heap in use.
 */
@Path("benchmark-policy")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class PublicPolicyProbe {

  @Inject Policies policies;

  @GET
  @Path("diff")
  public JsonObject diff(
      @QueryParam("policy") String policy,
      @QueryParam("from") int from,
      @QueryParam("to") int to,
      @QueryParam("warmup") @DefaultValue("5") int warmup,
      @QueryParam("samples") @DefaultValue("20") int samples) {
    List<Section> before = policies.text(policy, from).sections();
    List<Section> after = policies.text(policy, to).sections();
    return Json.createObjectBuilder()
        .add(
            "policiesDiff",
            time(() -> policies.diff(policy, from, to).size(), warmup, samples).json())
        .add(
            "compare", time(() -> PolicyDiff.compare(before, after).size(), warmup, samples).json())
        .add("blocks", time(() -> blocks(before) + blocks(after), warmup, samples).json())
        .add("blocksBefore", blocks(before))
        .add("blocksAfter", blocks(after))
        .build();
  }

  /**
   * Undertow's count of the deployment's active sessions (its management MBean) and the heap in
   * use, after a full GC if asked.
   */
  @GET
  @Path("sessions")
  public JsonObject sessions(@QueryParam("gc") @DefaultValue("false") boolean gc) {
    if (gc) {
      System.gc();
    }
    var out = Json.createObjectBuilder();
    try {
      Object active =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new ObjectName("jboss.as:deployment=custodian.war,subsystem=undertow"),
                  "activeSessions");
      out.add("activeSessions", ((Number) active).longValue());
    } catch (Exception e) {
      out.add("activeSessions", -1).add("error", e.toString());
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return out.add("heapUsedMiB", heap.getUsed() / 1048576)
        .add("heapMaxMiB", heap.getMax() / 1048576)
        .build();
  }

  /**
   * The server's JIT compiler: milliseconds spent compiling since the start (the warm-up waits
   * until it is quiet).
   */
  @GET
  @Path("jit")
  public JsonObject jit() {
    return Json.createObjectBuilder()
        .add(
            "compilationMillis", ManagementFactory.getCompilationMXBean().getTotalCompilationTime())
        .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
        .build();
  }

  /**
   * Where the first session of the deployment was made: the stack of Undertow's session creation.
   */
  @GET
  @Path("session-origin")
  public JsonObject sessionOrigin() {
    String origin = SessionOrigin.first;
    return Json.createObjectBuilder().add("stack", origin == null ? "" : origin).build();
  }

  /**
   * Keeps the stack of the first session created (the benchmark's own API calls, HTTP Basic, make
   * none).
   */
  @WebListener
  public static class SessionOrigin implements HttpSessionListener {

    static volatile String first;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
      if (first == null) {
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
          stack.append(frame).append('\n');
        }
        first = stack.toString();
      }
    }
  }

  private static int blocks(List<Section> sections) {
    return sections.stream().mapToInt(s -> PolicyHtml.blocks(s.body()).size()).sum();
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
}
