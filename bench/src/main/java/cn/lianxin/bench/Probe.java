package cn.lianxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the driver measures around a window for one system under test (the platform or the bare
 * engine): its database's commits and inserted rows per unit of work, the CPU seconds of its JVM, of
 * PostgreSQL, of the driver and of the rest of the machine, and how many methods the JIT compiled in
 * the server JVM during the window (near 0 once warm-up has done its job).
 */
final class Probe implements Load.Probe {

    private final Postgres postgres;
    private final String database;
    private final String serverName;
    private final long serverPid;

    Probe(Postgres postgres, String database, String serverName, long serverPid) {
        this.postgres = postgres;
        this.database = database;
        this.serverName = serverName;
        this.serverPid = serverPid;
    }

    private Map<String, Long> processes() {
        Map<String, Long> p = new LinkedHashMap<>();
        p.put(serverName, serverPid);
        p.put("driver", ProcessHandle.current().pid());
        return p;
    }

    @Override
    public Map<String, Object> before() {
        // jstat starts a JVM of its own: outside the CPU window, which begins with the CPU sample
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jit", jitCompilations(serverPid));
        m.put("activity", postgres.activity(database));
        m.put("cpu", Cpu.sample(processes(), postgres.postmasterPid()));
        m.put("at", System.nanoTime());
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> after(Map<String, Object> before, long units, double seconds) {
        Map<String, Double> cpuAfter = Cpu.sample(processes(), postgres.postmasterPid());
        double cpuSeconds = (System.nanoTime() - (Long) before.get("at")) / 1e9;
        Postgres.Activity activity = postgres.activity(database).minus((Postgres.Activity) before.get("activity"));
        long jit = jitCompilations(serverPid);
        Map<String, Object> m = new LinkedHashMap<>();
        double per = Math.max(1, units);
        m.put("commitsPerUnit", Math.round(activity.commits() / per * 10) / 10.0);
        m.put("insertedRowsPerUnit", Math.round(activity.insertedRows() / per * 10) / 10.0);
        m.put("commitsPerSecond", Math.round(activity.commits() / seconds));
        Map<String, Double> cpu = Cpu.split((Map<String, Double>) before.get("cpu"), cpuAfter);
        m.put("cpuSeconds", cpu);
        Map<String, Double> share = new LinkedHashMap<>();
        double capacity = cpuSeconds * Runtime.getRuntime().availableProcessors();
        cpu.forEach((k, v) -> share.put(k, Math.round(v / capacity * 1000) / 10.0));
        m.put("cpuPercentOfMachine", share);
        long jitBefore = (Long) before.get("jit");
        m.put("jitCompilationsInWindow", jit < 0 || jitBefore < 0 ? null : jit - jitBefore);
        return m;
    }

    /** The server's JIT compilations so far, for the warm-up to wait until they settle. */
    long jitCompilations() {
        return jitCompilations(serverPid);
    }

    /** Methods compiled so far by the JVM's JIT ({@code jstat -compiler}); -1 when jstat is not there. */
    static long jitCompilations(long pid) {
        try {
            Process jstat = new ProcessBuilder("jstat", "-compiler", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstat.waitFor();
            String[] lines = out.trim().split("\n");
            return Long.parseLong(lines[lines.length - 1].trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
