package cn.lianxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's ceiling: pgbench's TPC-B (scale 10, 8 clients, 2 threads) against the benchmark's
 * own server, in a database of its own. pgbench comes from Debian (package {@code postgresql-15}; {@code /usr/bin/pgbench} of postgresql-client-common only wraps it);
 * without it the run says so and goes on without the ceiling.
 */
final class Pgbench {

    static final int SCALE = 10;
    static final int CLIENTS = 8;
    static final int THREADS = 2;

    private Pgbench() {}

    static Optional<Path> binary() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("PGBENCH");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pgbench")));
        } catch (IOException noneInstalled) {
            // only /usr/bin remains
        }
        candidates.add(Path.of("/usr/bin/pgbench"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    static Map<String, Object> run(Postgres postgres, int seconds, Path log) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Optional<Path> pgbench = binary();
        if (pgbench.isEmpty()) {
            System.out.println("  pgbench not found (Debian: apt-get install postgresql-15, which carries it; or PGBENCH=/path/to/pgbench):"
                    + " no ceiling in this run");
            result.put("skipped", "pgbench not found");
            return result;
        }
        String version;
        try {
            version = exec(List.of(pgbench.get().toString(), "--version"), log).trim();
        } catch (IllegalStateException | IOException wrapperWithoutPgbench) {
            // Debian's /usr/bin/pgbench is a wrapper that fails when no PostgreSQL package carries pgbench
            System.out.println("  " + pgbench.get() + " does not run (Debian: apt-get install postgresql-15): no ceiling in this run");
            result.put("skipped", pgbench.get() + " does not run");
            return result;
        }
        postgres.createDatabase("pgbench");
        List<String> connection = List.of("-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", Postgres.user());
        List<String> init = new ArrayList<>(List.of(pgbench.get().toString(), "-i", "-q", "-s", Integer.toString(SCALE)));
        init.addAll(connection);
        init.add("pgbench");
        exec(init, log);
        List<String> bench = new ArrayList<>(List.of(
                pgbench.get().toString(),
                "-c",
                Integer.toString(CLIENTS),
                "-j",
                Integer.toString(THREADS),
                "-T",
                Integer.toString(seconds)));
        bench.addAll(connection);
        bench.add("pgbench");
        Map<String, Double> before = Cpu.sample(Map.of(), postgres.postmasterPid());
        String out = exec(bench, log);
        Map<String, Double> cpu = Cpu.split(before, Cpu.sample(Map.of(), postgres.postmasterPid()));
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        result.put("version", version);
        result.put("command", "pgbench -c " + CLIENTS + " -j " + THREADS + " -T " + seconds + " (after pgbench -i -s " + SCALE + ")");
        result.put("tps", tps.find() ? Double.parseDouble(tps.group(1)) : null);
        result.put("latencyAverageMs", latency.find() ? Double.parseDouble(latency.group(1)) : null);
        // "other" holds pgbench itself (the client) and whatever else ran on the machine
        result.put("cpuSeconds", cpu);
        return result;
    }

    private static String exec(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", Postgres.password());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.writeString(log, String.join(" ", command) + "\n" + out + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + out);
        }
        return out;
    }
}
