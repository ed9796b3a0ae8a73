package org.custodian.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where the machine's CPU went during a measurement (Linux): the benchmark's server (the WildFly
 * started with standalone-benchmark.xml), its MariaDB (data under target/benchmark/mariadb), the
 * load generator (this JVM), and everything else, in cores, from the processes' CPU times and
 * /proc/stat. Unknown parts are reported as such, never guessed.
 */
final class CpuShares {

  private static final Path MARIADB = Path.of("target/benchmark/mariadb").toAbsolutePath();

  record Sample(
      long nanos, long server, long database, long client, long machineBusy, long machineTotal) {}

  private CpuShares() {}

  static Sample sample() {
    long[] machine = machine();
    return new Sample(
        System.nanoTime(),
        cpu(c -> c.contains("standalone-benchmark.xml")),
        cpu(
            c ->
                (c.contains("mariadbd") || c.contains("mysqld")) && c.contains(MARIADB.toString())),
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L),
        machine[0],
        machine[1]);
  }

  /** "server 1.21, database 0.30, load generator 0.41, rest 0.02 (cores, of 2 busy 1.94)". */
  static String between(Sample a, Sample b) {
    double seconds = (b.nanos() - a.nanos()) / 1e9;
    double cores = Runtime.getRuntime().availableProcessors();
    double busy =
        b.machineTotal() > a.machineTotal()
            ? cores
                * (b.machineBusy() - a.machineBusy())
                / (double) (b.machineTotal() - a.machineTotal())
            : -1;
    double server = share(a.server(), b.server(), seconds);
    double database = share(a.database(), b.database(), seconds);
    double client = share(a.client(), b.client(), seconds);
    String rest =
        busy < 0 || server < 0 || database < 0 || client < 0
            ? "?"
            : fmt(Math.max(0, busy - server - database - client));
    return "server "
        + fmt(server)
        + ", database "
        + fmt(database)
        + ", load generator "
        + fmt(client)
        + ", rest "
        + rest
        + " (of "
        + (int) cores
        + " cores: "
        + fmt(busy)
        + " busy)";
  }

  private static double share(long before, long after, double seconds) {
    return before < 0 || after < 0 ? -1 : (after - before) / 1e9 / seconds;
  }

  private static String fmt(double cores) {
    return cores < 0 ? "?" : String.format(Locale.ROOT, "%.2f", cores);
  }

  private static long cpu(Predicate<String> commandLine) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(commandLine::test).orElse(false))
        .findFirst()
        .flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(-1L);
  }

  /** busy and total jiffies of all CPUs since boot. */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1;
          i < Math.min(f.length, 9);
          i++) { // user nice system idle iowait irq softirq steal
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }

  /** The 1, 5 and 15 minute load averages: how busy the machine was besides the benchmark. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
