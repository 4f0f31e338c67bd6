package cn.lianxin.bench;

import cn.lianxin.bench.Appeals.Case;
import cn.lianxin.bench.Appeals.Path;
import cn.lianxin.bench.Appeals.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The benchmark driver (docs/benchmarks.md): starts its own PostgreSQL, measures pgbench's TPC-B
 * (the database's ceiling), the bare engine (the baseline) and the platform, each the same way in the
 * same run, and writes the results as JSON under bench/results. {@code --quick}: short windows at 4
 * clients only, to check that the suite works.
 */
public final class Bench {

    /** Durations and sizes of a run. */
    record Settings(
            String mode,
            List<Integer> clients,
            Duration firstWarmUp,
            Duration maxFirstWarmUp,
            Duration warmUp,
            Duration window,
            int pgbenchSeconds,
            int burstSize,
            int burstClients,
            int jointRounds,
            long openTasks,
            long dueTimers,
            long futureTimers,
            Duration stormTimeout,
            List<Long> cases,
            Duration cockpitWarmUp,
            Duration cockpitWindow) {

        /** The first warm-up of each server runs 60 s and on until its JIT settles (5 min at most). */
        static final Settings FULL = new Settings(
                "full",
                List.of(1, 4, 8),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                30,
                2000,
                64,
                10,
                100_000,
                50_000,
                1_000_000,
                Duration.ofMinutes(30),
                List.of(100_000L, 1_000_000L),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20));
        /** Checks that everything works; its figures are not settled (the JIT still compiles in every window). */
        static final Settings QUICK = new Settings(
                "quick",
                List.of(4),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                5,
                200,
                64,
                3,
                2_000,
                2_000,
                20_000,
                Duration.ofMinutes(2),
                List.of(5_000L),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3));

        Settings withOpenTasks(long tasks) {
            return new Settings(
                    mode, clients, firstWarmUp, maxFirstWarmUp, warmUp, window, pgbenchSeconds, burstSize, burstClients,
                    jointRounds, tasks, dueTimers, futureTimers, stormTimeout, cases, cockpitWarmUp, cockpitWindow);
        }

        Settings withTimers(long due, long future) {
            return new Settings(
                    mode, clients, firstWarmUp, maxFirstWarmUp, warmUp, window, pgbenchSeconds, burstSize, burstClients,
                    jointRounds, openTasks, due, future, stormTimeout, cases, cockpitWarmUp, cockpitWindow);
        }

        Settings withCases(List<Long> sizes) {
            return new Settings(
                    mode, clients, firstWarmUp, maxFirstWarmUp, warmUp, window, pgbenchSeconds, burstSize, burstClients,
                    jointRounds, openTasks, dueTimers, futureTimers, stormTimeout, sizes, cockpitWarmUp, cockpitWindow);
        }

        boolean quick() {
            return mode.equals("quick");
        }

        Duration warmUp(boolean first) {
            return first ? firstWarmUp : warmUp;
        }

        Duration maxWarmUp(boolean first) {
            return first ? maxFirstWarmUp : warmUp;
        }
    }

    /** The county departments the ten-department case (P6) needs beyond the demo world's seven. */
    static final Map<String, String> EXTRA_DEPARTMENTS = Map.of("jy", "教育", "sc", "市场监管", "yj", "应急管理");

    /** Departments of the demo world without a demo user, and the extra ones: the run gives each a user. */
    static final List<String> DEPARTMENTS_WITHOUT_USER = List.of("rs", "sw", "wj", "jy", "sc", "yj");

    static final List<String> TEN_DEPARTMENTS = List.of("jt", "cg", "mz", "rs", "zj", "sw", "wj", "jy", "sc", "yj");

    private final Settings settings;
    private final java.nio.file.Path repository;
    private final java.nio.file.Path work;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Measurement> measurements = new ArrayList<>();

    /**
     * {@code --only=P1}: the throughput scenarios alone — pgbench, the bare engine, P1, P5 and P6 (no P3,
     * P4, P2); {@code --only=P2}: the timer storm alone (no pgbench, bare engine, P1, P5, P6, P3, P4), to work on
     * P2; {@code --only=P4}: the cockpit's speed alone (no pgbench, bare engine, P1, P5, P6, P3, P2);
     * {@code --only=P3}: the task lists alone, on one case per village submitted for it.
     * Null: everything.
     */
    private final String only;

    private Bench(Settings settings, java.nio.file.Path repository, String only) {
        this.settings = settings;
        this.only = only;
        this.repository = repository;
        this.work = repository.resolve("bench/target/run");
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Settings settings = quick ? Settings.QUICK : Settings.FULL;
        // --open-tasks=N: P3 at another number of open tasks (e.g. a quick run that still tries 100,000)
        for (String arg : args) {
            if (arg.startsWith("--open-tasks=")) {
                settings = settings.withOpenTasks(Long.parseLong(arg.substring("--open-tasks=".length())));
            }
            // --due-timers=N, --future-timers=N: P2 at another size
            if (arg.startsWith("--due-timers=")) {
                settings = settings.withTimers(Long.parseLong(arg.substring("--due-timers=".length())), settings.futureTimers());
            }
            if (arg.startsWith("--future-timers=")) {
                settings = settings.withTimers(settings.dueTimers(), Long.parseLong(arg.substring("--future-timers=".length())));
            }
            // --cases=N[,M…]: P4 at these numbers of cases, in turn (each adds to the cases already there)
            if (arg.startsWith("--cases=")) {
                settings = settings.withCases(cases(arg.substring("--cases=".length())));
            }
        }
        java.nio.file.Path repository = java.nio.file.Path.of(System.getProperty("lianxin.repository", ".."))
                .toAbsolutePath()
                .normalize();
        String only = null;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length()).trim().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("P1", "P2", "P3", "P4").contains(only)) {
                    throw new IllegalArgumentException("--only takes P1, P2, P3 or P4: " + arg);
                }
            }
        }
        new Bench(settings, repository, only).run();
    }

    /** {@code 100000,1000000}: ascending numbers of cases, each at least 1. */
    static List<Long> cases(String value) {
        List<Long> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            long size = Long.parseLong(part.trim().replace("_", ""));
            if (size < 1 || (!sizes.isEmpty() && size <= sizes.get(sizes.size() - 1))) {
                throw new IllegalArgumentException("--cases takes ascending numbers of cases, each at least 1: " + value);
            }
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }

    @SuppressWarnings("unchecked")
    private void run() throws Exception {
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        results.put("mode", settings.mode());
        results.put("date", LocalDate.now().toString());
        results.put("settings", settings);
        results.put("machine", Machine.describe(work));
        System.out.println("== Lianxin benchmarks (" + settings.mode() + "), load average " + Machine.loadAverage());
        try (Postgres postgres = Postgres.start(work)) {
            Map<String, Object> pg = new LinkedHashMap<>();
            pg.put("version", postgres.version());
            pg.put("settings", Postgres.SETTINGS);
            results.put("postgres", pg);
            System.out.println("== PostgreSQL on port " + postgres.port() + ": " + pg.get("version"));

            boolean throughput = only == null || only.equals("P1");
            if (throughput) {
                System.out.println("== baseline 1: pgbench TPC-B");
                results.put("pgbench", Pgbench.run(postgres, settings.pgbenchSeconds(), work.resolve("pgbench.log")));
                System.out.println("  tps " + ((Map<?, ?>) results.get("pgbench")).get("tps"));
            }

            // the platform's first start (schema, demo world, P6's departments) is not measured: it
            // runs while the bare engine starts, and is over before anything is measured
            Map<String, Object> platform = new LinkedHashMap<>();
            CompletableFuture<java.nio.file.Path> prepared = CompletableFuture.supplyAsync(() -> preparePlatform(postgres, platform));

            if (throughput) {
                System.out.println("== baseline 2: the bare engine");
                results.put("baseline", baseline(postgres, prepared));
            }

            System.out.println("== the platform");
            results.put("platform", platform(postgres, prepared.join(), platform));
        }
        ((Map<String, Object>) results.get("machine")).put("loadAverageAtEnd", Machine.loadAverage());
        results.put("minutes", Math.round((System.nanoTime() - t0) / 6e9) / 10.0);
        results.put("derived", Report.derive(results, measurements));
        java.nio.file.Path out = repository.resolve("bench/results/" + LocalDate.now() + "-" + Machine.hostname()
                + (settings.quick() ? "-quick" : "") + (only == null ? "" : "-" + only.toLowerCase(java.util.Locale.ROOT))
                + ".json");
        Files.createDirectories(out.getParent());
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
        System.out.println();
        System.out.println(Report.table(results, measurements));
        System.out.println(p2Summary((Map<String, Object>) results.get("platform")));
        System.out.println("Results: " + repository.relativize(out) + " (" + results.get("minutes") + " min)");
    }

    // ---- baseline 2: the bare engine ---------------------------------------------------------------

    private Map<String, Object> baseline(Postgres postgres, CompletableFuture<?> platformPrepared) throws Exception {
        postgres.createDatabase("bench_baseline");
        int port = Child.freePort();
        java.nio.file.Path jar = repository.resolve("bench/target/lianxin-bench-baseline.jar");
        List<String> command = List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl("bench_baseline"),
                "--spring.datasource.username=" + Postgres.user(),
                "--spring.datasource.password=" + Postgres.password());
        Map<String, Object> result = new LinkedHashMap<>();
        try (Child engine = Child.start("bare engine", command, Map.of(), work.resolve("baseline.log"), port, "/engine-rest/engine")) {
            result.put("startUpSeconds", engine.startUp.toMillis() / 1000.0);
            platformPrepared.join();
            Http http = new Http("http://localhost:" + port);
            Probe probe = new Probe(postgres, "bench_baseline", "engine", engine.pid());
            boolean first = true;
            List<Measurement> runs = new ArrayList<>();
            for (int clients : settings.clients()) {
                Baseline baseline = new Baseline(http);
                Measurement m = Load.run(
                        "B2",
                        "IMMEDIATE shape",
                        clients,
                        settings.warmUp(first),
                        settings.maxWarmUp(first),
                        probe::jitCompilations,
                        settings.window(),
                        (client, n) -> baseline.lifecycle(client),
                        probe);
                first = false;
                m.measured().put("nothingLost", baselineEnded(postgres, baseline.startedKeys(), m));
                record(runs, m);
            }
            result.put("runs", runs);
        }
        return result;
    }

    private static Map<String, Object> baselineEnded(Postgres postgres, List<String> keys, Measurement m) throws Exception {
        Map<String, Object> check = new LinkedHashMap<>();
        try (Connection c = postgres.connect("bench_baseline")) {
            check.put("started", keys.size());
            check.put("completed", count(c, "select count(*) from act_hi_procinst where business_key_ = any(?) and state_ = 'COMPLETED'", keys));
            check.put("stillRunning", count(c, "select count(*) from act_ru_execution where business_key_ = any(?)", keys));
        }
        check.put("errors", m.errors() + m.warmUpErrors());
        return check;
    }

    // ---- the platform ------------------------------------------------------------------------------

    private Map<String, String> platformEnvironment(Postgres postgres) {
        return Map.of(
                "LIANXIN_DB_URL", postgres.jdbcUrl("lianxin"),
                "LIANXIN_DB_USER", Postgres.user(),
                "LIANXIN_DB_PASSWORD", Postgres.password(),
                "LIANXIN_DEMO_WORLD", "true",
                "LIANXIN_ACCESS_CODE_SECRET", "benchmark-access-code-secret");
    }

    /**
     * The platform's first start: Flyway and the engine create the schema, the demo world is seeded.
     * Then the departments P6 needs beyond the demo world's seven join the unit table; the platform
     * makes their groups and grants at its next start, the one that is measured. Answers the jar.
     */
    private java.nio.file.Path preparePlatform(Postgres postgres, Map<String, Object> result) {
        try {
            postgres.createDatabase("lianxin");
            java.nio.file.Path jar;
            try (var jars = Files.list(repository.resolve("target"))) {
                jar = jars.filter(p -> p.getFileName().toString().matches("lianxin-.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no target/lianxin-*.jar: build the platform first"));
            }
            result.put("jar", repository.relativize(jar).toString());
            int port = Child.freePort();
            try (Child first = Child.start(
                    "platform (first start: schema, demo world)",
                    platformCommand(jar, port),
                    platformEnvironment(postgres),
                    work.resolve("platform-first-start.log"),
                    port,
                    "/actuator/health/readiness")) {
                result.put("firstStartUpSeconds", first.startUp.toMillis() / 1000.0);
                addDepartments(postgres);
            }
            return jar;
        } catch (Exception e) {
            throw new IllegalStateException("the platform's first start failed", e);
        }
    }

    private Map<String, Object> platform(Postgres postgres, java.nio.file.Path jar, Map<String, Object> result)
            throws Exception {
        int port = Child.freePort();
        try (Child platform = Child.start(
                "platform",
                platformCommand(jar, port),
                platformEnvironment(postgres),
                work.resolve("platform.log"),
                port,
                "/actuator/health/readiness")) {
            result.put("startUpSeconds", platform.startUp.toMillis() / 1000.0);
            result.put("command", "java -jar " + repository.relativize(jar) + " " + String.join(" ", platformArguments(port)));
            Http http = new Http("http://localhost:" + port);
            addDepartmentUsers(http);
            Probe probe = new Probe(postgres, "lianxin", "platform", platform.pid());

            if (only == null || only.equals("P1")) {
                System.out.println("-- P1 appeal lifecycles");
                result.put("P1", attempt("P1", () -> lifecycles(postgres, http, probe)));
                System.out.println("-- P5 public intake");
                result.put("P5", attempt("P5", () -> intakes(postgres, http, probe)));
                System.out.println("-- P6 ten departments complete at once");
                result.put("P6", attempt("P6", () -> tenDepartments(postgres, http, probe)));
            }
            if (only != null && only.equals("P1")) {
                return result;
            }
            if (only == null) {
                System.out.println("-- P3 task lists at " + settings.openTasks() + " open tasks");
                result.put("P3", attempt("P3", () -> taskLists(postgres, http, probe)));
            }
            if (only == null || only.equals("P4")) {
                System.out.println("-- P4 the cockpit's figures and rankings at " + settings.cases() + " cases");
                result.put("P4", attempt("P4", () -> new CockpitSpeed(
                                postgres, http, probe, settings.cockpitWarmUp(), settings.cockpitWindow())
                        .run(settings.cases())));
            }
            if (only != null && only.equals("P3")) {
                System.out.println("-- P3 task lists at " + settings.openTasks() + " open tasks");
                result.put("P3", attempt("P3", () -> {
                    casePerVillage(postgres, http);
                    return taskLists(postgres, http, probe);
                }));
                return result;
            }
            if (only != null && only.equals("P4")) {
                return result;
            }
            System.out.printf("-- P2 timer storm: %,d lights due among %,d future timers, the platform's settings%n",
                    settings.dueTimers(), settings.futureTimers());
            result.put("P2", attempt("P2", () -> timerStorm(postgres, http, probe, 1, "platform (application.yaml)")));
        }
        // P2 again with Camunda's stock job-acquisition settings: the platform restarted with them
        Map<String, Object> stock = new LinkedHashMap<>();
        int stockPort = Child.freePort();
        List<String> stockCommand = new ArrayList<>(platformCommand(jar, stockPort));
        stockCommand.addAll(STOCK_JOB_EXECUTION);
        try (Child platform = Child.start(
                "platform (stock job acquisition)",
                stockCommand,
                platformEnvironment(postgres),
                work.resolve("platform-stock-jobs.log"),
                stockPort,
                "/actuator/health/readiness")) {
            stock.put("startUpSeconds", platform.startUp.toMillis() / 1000.0);
            stock.put("arguments", STOCK_JOB_EXECUTION);
            Http http = new Http("http://localhost:" + stockPort);
            Probe probe = new Probe(postgres, "lianxin", "platform", platform.pid());
            System.out.printf("-- P2 timer storm, Camunda's stock job-acquisition settings%n");
            stock.put("P2", attempt("P2 stock", () -> timerStorm(postgres, http, probe, 2, "Camunda stock")));
        }
        result.put("stockJobExecution", stock);
        result.put("P2ratio", p2Ratio(result));
        return result;
    }

    /**
     * Camunda 7's defaults of the job executor (the Spring Boot starter's {@code camunda.bpm.job-execution.*}
     * and the engine's {@code ensureJobDueDateNotNull}, {@code jobExecutorAcquireByDueDate}), which
     * application.yaml tunes: on the platform's command line they override the platform's values.
     */
    static final List<String> STOCK_JOB_EXECUTION = List.of(
            "--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--camunda.bpm.job-execution.wait-time-in-millis=5000",
            "--camunda.bpm.job-execution.max-wait=60000",
            "--camunda.bpm.job-execution.backoff-time-in-millis=0",
            "--camunda.bpm.job-execution.max-backoff=0",
            "--camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null=false",
            "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false");

    @SuppressWarnings("unchecked")
    private static Object p2Ratio(Map<String, Object> platform) {
        Object tuned = platform.get("P2") instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("outcome") : null;
        Object stock = platform.get("stockJobExecution") instanceof Map<?, ?> s && s.get("P2") instanceof Map<?, ?> p
                ? ((Map<String, Object>) p).get("outcome") : null;
        if (tuned instanceof Map<?, ?> t && stock instanceof Map<?, ?> k
                && t.get("firedPerSecond") instanceof Number a && k.get("firedPerSecond") instanceof Number b
                && b.doubleValue() > 0) {
            return Math.round(a.doubleValue() / b.doubleValue() * 100) / 100.0;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String p2Summary(Map<String, Object> platform) {
        if (platform == null || !platform.containsKey("P2")) {
            return "";
        }
        StringBuilder t = new StringBuilder("P2 timer storm:\n");
        List<Object> runs = new ArrayList<>();
        runs.add(platform.get("P2"));
        if (platform.get("stockJobExecution") instanceof Map<?, ?> s) {
            runs.add(s.get("P2"));
        }
        for (Object r : runs) {
            if (r instanceof Map<?, ?> m && m.get("outcome") instanceof Map<?, ?> o) {
                Latency l = (Latency) o.get("lateness");
                Map<String, Double> cpu = (Map<String, Double>) ((Map<String, Object>) m.get("measured")).get("cpuPercentOfMachine");
                t.append(String.format("  %s: %s fired/s (%s once started, first firing %s s after the first due date), lateness p50 %.0f ms p99 %.0f ms max %.0f ms, exactly once %s"
                                + " (%s of %s once, %s failures), CPU %% platform / pg / driver / other %s / %s / %s / %s%n",
                        m.get("settings"), o.get("firedPerSecond"), o.get("firedPerSecondOnceStarted"),
                        o.get("firstDueToFirstCompletionSeconds"), l.p50(), l.p99(), l.max(), o.get("exactlyOnce"),
                        o.get("firedExactlyOnce"), o.get("dueJobs"), o.get("failures"),
                        cpu.get("platform"), cpu.get("postgres"), cpu.get("driver"), cpu.get("other")));
            } else {
                t.append("  ").append(r).append("\n");
            }
        }
        t.append("  ratio platform ÷ stock: ").append(platform.get("P2ratio")).append("\n");
        return t.toString();
    }

    // ---- P2 ----------------------------------------------------------------------------------------

    /**
     * The timer storm ({@link TimerStorm}): {@code dueTimers} cloned cases' light timers fall due
     * within one second, among {@code futureTimers} due far ahead; the platform's job executor fires
     * them. Fire rate and lateness from the job log, exactly once per job, the CPU split.
     */
    private Map<String, Object> timerStorm(Postgres postgres, Http http, Probe probe, int run, String label) throws Exception {
        Map<String, Object> p2 = new LinkedHashMap<>();
        p2.put("settings", label);
        long jobs;
        // cloned on a connection of its own, closed before the window: a backend that exits reports its
        // statistics (inserted rows) at once, an idle one only up to 10 s later, inside the window
        try (Connection c = postgres.connect("lianxin")) {
            List<String[]> sources = TimerStorm.sources(c);
            if (sources.isEmpty()) {
                // no open case waiting at 分类分流 yet (--only=P2)
                casePerVillage(postgres, http);
                sources = TimerStorm.sources(c);
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("no open case at triage with its light timer to clone");
            }
            p2.put("futureTimers", TimerStorm.futureTimers(c, sources, settings.futureTimers()));
            Map<String, Object> cloned = TimerStorm.dueCases(c, sources, run, settings.dueTimers());
            p2.put("dueCases", cloned);
            jobs = (Long) cloned.get("dueCases");
            p2.put("jobsInTable", TimerStorm.scalar(c, "select count(*) from act_ru_job"));
            System.out.println("  generated: " + p2.get("futureTimers") + ", " + cloned);
        }
        Load.sleep(2000);
        try (Connection c = postgres.connect("lianxin")) {
            Map<String, Object> before = probe.before();
            long t0 = System.nanoTime();
            long first = TimerStorm.fallDue(c, run);
            long deadline = first + settings.stormTimeout().toMillis();
            long waiting = jobs;
            List<long[]> progress = new ArrayList<>();
            while (System.currentTimeMillis() < deadline) {
                Load.sleep(1000);
                waiting = TimerStorm.waiting(c, first);
                progress.add(new long[] {System.currentTimeMillis() - first, waiting});
                if (waiting == 0 && System.currentTimeMillis() > first + 1000) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            p2.put("measured", probe.after(before, jobs - waiting, seconds));
            p2.put("waitingAtEnd", waiting);
            p2.put("gaveUp", waiting > 0);
            p2.put("secondsFromFirstDueUntilNoneWaiting", Math.round((System.currentTimeMillis() - first) / 100.0) / 10.0);
            p2.put("waitingEverySecond", progress.stream().map(p -> p[1]).toList());
            // the job log's entries are written in each job's transaction: all there once none waits
            Map<String, Object> outcome = TimerStorm.outcome(c, run, jobs, first);
            p2.put("outcome", outcome);
            Latency l = (Latency) outcome.get("lateness");
            System.out.printf("  P2 %s: %s fired/s, lateness p50 %.0f ms, p99 %.0f ms, max %.0f ms; exactly once %s (%s once, %s never, %s twice+, %s failures); %d still waiting%n",
                    label, outcome.get("firedPerSecond"), l.p50(), l.p99(), l.max(), outcome.get("exactlyOnce"),
                    outcome.get("firedExactlyOnce"), outcome.get("neverFired"), outcome.get("firedMoreThanOnce"),
                    outcome.get("failures"), waiting);
        }
        return p2;
    }

    /**
     * The platform's JVM options from {@code LIANXIN_BENCH_PLATFORM_JVM} (space-separated), e.g. a
     * Flight Recorder profile of the measured run:
     * {@code -XX:StartFlightRecording=filename=bench/target/run/platform.jfr,settings=profile}.
     */
    private List<String> platformCommand(java.nio.file.Path jar, int port) {
        List<String> command = new ArrayList<>();
        String jvm = System.getenv("LIANXIN_BENCH_PLATFORM_JVM");
        if (jvm != null && !jvm.isBlank()) {
            command.addAll(List.of(jvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(platformArguments(port));
        return command;
    }

    /**
     * The postgres profile on a free port, job executor on (the default). The public limits per client
     * address are raised: every request of the benchmark comes from one address (127.0.0.1), which the
     * limits exist to stop; the benchmark measures the platform behind them, as citizens on many
     * addresses reach it.
     */
    private static List<String> platformArguments(int port) {
        return List.of(
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--lianxin.public-limits.requests.capacity=1000000000",
                "--lianxin.public-limits.intake.capacity=1000000000",
                "--lianxin.public-limits.posts.capacity=1000000000");
    }

    private static void addDepartments(Postgres postgres) throws Exception {
        try (Connection c = postgres.connect("lianxin");
                PreparedStatement s = c.prepareStatement(
                        "insert into unit (code, name, kind, parent_code) values (?, ?, 'DEPARTMENT', 'c01') on conflict do nothing")) {
            for (var d : EXTRA_DEPARTMENTS.entrySet()) {
                s.setString(1, d.getKey());
                s.setString(2, d.getValue());
                s.executeUpdate();
            }
        }
    }

    /** As the administrator, through Camunda's REST API: one user per department that has none, in its group. */
    private static void addDepartmentUsers(Http http) {
        for (String d : DEPARTMENTS_WITHOUT_USER) {
            Map<String, Object> user = Map.of(
                    "profile", Map.of("id", "dept-" + d, "firstName", "部门办理人", "lastName", d),
                    "credentials", Map.of("password", "demo"));
            Http.Answer created = http.post("/engine-rest/user/create", "admin", user);
            if (!created.is(204)) {
                throw created.unexpected("create user dept-" + d);
            }
            Http.Answer member = http.put("/engine-rest/group/dept-" + d + "/members/dept-" + d, "admin");
            if (!member.is(204)) {
                throw member.unexpected("add dept-" + d + " to its group");
            }
        }
    }

    // ---- P1 ----------------------------------------------------------------------------------------

    private List<Measurement> lifecycles(Postgres postgres, Http http, Probe probe) throws Exception {
        List<Measurement> runs = new ArrayList<>();
        List<String> variants = new ArrayList<>(List.of("mix"));
        for (Path p : Path.values()) {
            variants.add(p.name());
        }
        boolean first = true;
        for (int clients : settings.clients()) {
            for (String variant : variants) {
                Appeals appeals = new Appeals(http);
                Load.Work work = variant.equals("mix")
                        ? (client, n) -> appeals.lifecycle(Mix.of(n), client)
                        : (client, n) -> appeals.lifecycle(Path.valueOf(variant), client);
                Measurement m = Load.run(
                        "P1",
                        variant,
                        clients,
                        settings.warmUp(first),
                        settings.maxWarmUp(first),
                        probe::jitCompilations,
                        settings.window(),
                        work,
                        probe);
                first = false;
                m.measured().put("nothingLost", reachedTheirEnd(postgres, appeals, m));
                record(runs, m);
            }
        }
        return runs;
    }

    /** Every case submitted in the run (warm-up included) is at its end in the platform's table and has no running instance. */
    private static Map<String, Object> reachedTheirEnd(Postgres postgres, Appeals appeals, Measurement m) throws Exception {
        List<String> submitted = appeals.submitted.stream().map(Case::trackingNo).toList();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("submitted", submitted.size());
        check.put("wentThroughTheirPath", appeals.finished.size());
        try (Connection c = postgres.connect("lianxin")) {
            Map<String, Long> statuses = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select status, count(*) from appeal where tracking_no = any(?) group by status")) {
                s.setArray(1, c.createArrayOf("varchar", submitted.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            check.put("statuses", statuses);
            check.put("runningInstances", count(c, "select count(*) from act_ru_execution where business_key_ = any(?)", submitted));
        }
        check.put("errors", m.errors() + m.warmUpErrors());
        return check;
    }

    // ---- P5 ----------------------------------------------------------------------------------------

    private Map<String, Object> intakes(Postgres postgres, Http http, Probe probe) throws Exception {
        Map<String, Object> p5 = new LinkedHashMap<>();
        List<Measurement> runs = new ArrayList<>();
        for (int clients : settings.clients()) {
            Appeals appeals = new Appeals(http);
            Measurement m = Load.run(
                    "P5",
                    "intake",
                    clients,
                    settings.warmUp(),
                    settings.warmUp(),
                    probe::jitCompilations,
                    settings.window(),
                    (client, n) -> submitOne(appeals, client, n),
                    probe);
            m.measured().put("exactlyOnce", existExactlyOnce(postgres, appeals));
            record(runs, m);
        }
        p5.put("closedLoop", runs);
        p5.put("burst", burst(postgres, http, probe));
        return p5;
    }

    private static void submitOne(Appeals appeals, int client, long n) {
        Path path = Mix.of(n);
        appeals.submit(Appeals.intake(path.category, path.urgency, path.scope, Appeals.VILLAGES.get((int) (n % 3)).code()));
    }

    /** {@code burstSize} intakes sent by {@code burstClients} threads released together, as fast as answered. */
    private Map<String, Object> burst(Postgres postgres, Http http, Probe probe) throws Exception {
        Appeals appeals = new Appeals(http);
        int clients = settings.burstClients();
        AtomicLong next = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorSamples = new ConcurrentHashMap<>();
        ConcurrentHistogram latency = Latency.histogram();
        CyclicBarrier go = new CyclicBarrier(clients + 1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                await(go);
                long n;
                while ((n = next.getAndIncrement()) < settings.burstSize()) {
                    long start = System.nanoTime();
                    try {
                        submitOne(appeals, client, n);
                        latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        errorSamples.merge(String.valueOf(e.getMessage()).replaceAll("LX-\\S+", "LX-…"), 1, Integer::sum);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        Map<String, Object> before = probe.before();
        long t0 = System.nanoTime();
        await(go);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> around = probe.after(before, settings.burstSize() - errors.get(), seconds);
        Map<String, Object> burst = new LinkedHashMap<>();
        burst.put("requests", settings.burstSize());
        burst.put("clients", clients);
        burst.put("seconds", Math.round(seconds * 10) / 10.0);
        burst.put("accepted", appeals.submitted.size());
        burst.put("errors", errors.get());
        burst.put("perSecond", Math.round(appeals.submitted.size() / seconds * 100) / 100.0);
        burst.put("latency", Latency.of(latency));
        burst.put("measured", around);
        burst.put("exactlyOnce", existExactlyOnce(postgres, appeals));
        burst.put("errorSamples", errorSamples);
        System.out.printf("  P5 burst of %d by %d clients: %.1f intakes/s, %d errors, p99 %.0f ms%n",
                settings.burstSize(), clients, (double) burst.get("perSecond"), errors.get(), Latency.of(latency).p99());
        return burst;
    }

    /** Every accepted intake is one case with one running process instance; no key made two. */
    private static Map<String, Object> existExactlyOnce(Postgres postgres, Appeals appeals) throws Exception {
        List<String> keys = appeals.submitted.stream().map(Case::idempotencyKey).toList();
        List<String> numbers = appeals.submitted.stream().map(Case::trackingNo).toList();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("accepted", keys.size());
        check.put("distinctTrackingNumbers", numbers.stream().distinct().count());
        try (Connection c = postgres.connect("lianxin")) {
            check.put("casesWithTheirKeys", count(c, "select count(*) from appeal where idempotency_key = any(?)", keys));
            check.put("casesWithTheirNumbers", count(c, "select count(*) from appeal where tracking_no = any(?)", numbers));
            check.put("processInstances", count(c,
                    "select count(*) from act_ru_execution where business_key_ = any(?) and id_ = proc_inst_id_", numbers));
        }
        return check;
    }

    // ---- P6 ----------------------------------------------------------------------------------------

    private Map<String, Object> tenDepartments(Postgres postgres, Http http, Probe probe) throws Exception {
        Appeals appeals = new Appeals(http);
        ConcurrentHistogram latency = Latency.histogram();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<String, Integer> errorsByUser = new ConcurrentHashMap<>();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        int roundsWithErrors = 0;
        int roundsConcluded = 0;
        int retries = 0;
        Map<String, Object> before = probe.before();
        long t0 = System.nanoTime();
        for (int round = 0; round < settings.jointRounds(); round++) {
            Case appeal = appeals.submit(Appeals.intake("road", "URGENT", "CROSS_AREA", "v0101"));
            appeals.complete(appeal, new Step("triage", "gw-v0101",
                    Map.of("path", "JOINT", "leadDept", "jt", "coDepts", TEN_DEPARTMENTS.subList(1, 10))));
            Map<String, String> taskOf = new LinkedHashMap<>();
            for (String d : TEN_DEPARTMENTS) {
                taskOf.put(d, appeals.taskIdOf(appeal, "joint-handle", "dept-" + d));
            }
            CyclicBarrier atOnce = new CyclicBarrier(TEN_DEPARTMENTS.size());
            Map<String, Integer> statusOf = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (String d : TEN_DEPARTMENTS) {
                Thread t = new Thread(() -> {
                    await(atOnce);
                    long start = System.nanoTime();
                    Http.Answer a = appeals.completeTask(taskOf.get(d), "dept-" + d, Map.of("jointResult", d + " 已办理"));
                    latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    statusOf.put(d, a.status());
                    if (!a.is(204) && errorSamples.size() < 10) {
                        errorSamples.add("dept-" + d + " → " + a.status() + " " + a.text());
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            boolean anyError = false;
            for (var e : statusOf.entrySet()) {
                answers.merge(Integer.toString(e.getValue()), 1, Integer::sum);
                if (e.getValue() != 204) {
                    anyError = true;
                    errorsByUser.merge("dept-" + e.getKey(), 1, Integer::sum);
                    // the cadre sees the error and presses 完成 again
                    for (int attempt = 0; attempt < 3; attempt++) {
                        retries++;
                        if (appeals.completeTask(taskOf.get(e.getKey()), "dept-" + e.getKey(), Map.of("jointResult", "重试"))
                                .is(204)) {
                            break;
                        }
                    }
                }
            }
            roundsWithErrors += anyError ? 1 : 0;
            // the lead's conclusion follows the departments' parts asynchronously: looked for up to 30 s
            if (appeals.appears(appeal, "joint-conclude", "dept-jt")) {
                roundsConcluded++;
                appeals.complete(appeal, new Step("joint-conclude", "dept-jt", Map.of("result", "十部门联合处理完毕")));
                appeals.complete(appeal, Appeals.steps(Path.JOINT, Appeals.VILLAGES.get(0)).get(4));
                appeals.evaluate(appeal);
                appeals.finished.add(appeal);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> p6 = new LinkedHashMap<>();
        p6.put("rounds", settings.jointRounds());
        p6.put("departments", TEN_DEPARTMENTS);
        p6.put("answers", answers);
        p6.put("errorsByUser", errorsByUser);
        p6.put("roundsWithErrors", roundsWithErrors);
        p6.put("retriesNeeded", retries);
        p6.put("roundsReachingJointConclude", roundsConcluded);
        p6.put("completionLatency", Latency.of(latency));
        p6.put("measured", probe.after(before, settings.jointRounds(), seconds));
        p6.put("errorSamples", errorSamples);
        System.out.printf("  P6: %d rounds, answers %s, %d of %d rounds with an error, %d reached joint-conclude%n",
                settings.jointRounds(), answers, roundsWithErrors, settings.jointRounds(), roundsConcluded);
        return p6;
    }

    // ---- P3 ----------------------------------------------------------------------------------------

    /**
     * For a scenario run alone ({@code --only}): a citizen submits one request per village, and the run
     * waits (up to 30 s) until each waits at 分类分流 with its light timer.
     */
    private static void casePerVillage(Postgres postgres, Http http) throws Exception {
        Appeals appeals = new Appeals(http);
        for (Appeals.Village v : Appeals.VILLAGES) {
            appeals.submit(Appeals.intake("policy", "NORMAL", "HOUSEHOLD", v.code()));
        }
        try (Connection c = postgres.connect("lianxin")) {
            for (int i = 0; i < 120 && TimerStorm.sources(c).size() < Appeals.VILLAGES.size(); i++) {
                Load.sleep(250);
            }
        }
    }

    /**
     * The query Tasklist sends for a grid worker's group, and its count, at {@code openTasks} open
     * tasks; then the same for a department given a fifth of them ({@code dept-jt}), and the
     * department's unfiltered list and count (Tasklist's "all tasks" filter) — its tasks read through
     * its tenants, not a row per task.
     */
    private Map<String, Object> taskLists(Postgres postgres, Http http, Probe probe) throws Exception {
        Map<String, Object> p3 = new LinkedHashMap<>();
        long department = settings.openTasks() / 5;
        try (Connection c = postgres.connect("lianxin")) {
            Map<String, Object> filled = OpenTasks.fillUpTo(c, settings.openTasks() - department);
            p3.put("generated", filled);
            System.out.println("  open tasks: " + filled);
            Map<String, Object> given = OpenTasks.giveToDepartment(c, "jt", department);
            p3.put("department", given);
            System.out.println("  the department's: " + given + ", " + OpenTasks.openTasks(c) + " open in all");
        }
        String group = "grid-worker-v0101";
        // what Tasklist itself asks when the grid worker opens 我的待办 (the saved filter: assigned to me or
        // claimable by my groups), newest first, its page of 15; and the count its filter list shows
        String mine = http.get("/engine-rest/filter?name=" + java.net.URLEncoder.encode("我的待办", StandardCharsets.UTF_8), "gw-v0101")
                .body()
                .get(0)
                .get("id")
                .asText();
        p3.put("filterList", slowRoute(
                "tasklist 我的待办, newest first",
                "/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=15",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))),
                "gw-v0101",
                http,
                probe));
        p3.put("filterCount", slowRoute("tasklist 我的待办 count", "/engine-rest/filter/" + mine + "/count", "gw-v0101", http, probe));
        p3.put("list", slowRoute("tasklist", "/engine-rest/task?candidateGroup=" + group + "&maxResults=50", "gw-v0101", http, probe));
        p3.put("count", slowRoute("tasklist count", "/engine-rest/task/count?candidateGroup=" + group, "gw-v0101", http, probe));
        // the platform's own list, paged (issue 14): its first page as the grid worker sees it
        p3.put("apiTasks", slowRoute("/api/tasks first page", "/api/tasks?page=0&size=20", "gw-v0101", http, probe));
        p3.put("deptList", slowRoute("department's tasklist", "/engine-rest/task?candidateGroup=dept-jt&maxResults=50", "dept-jt", http, probe));
        p3.put("deptCount", slowRoute("department's tasklist count", "/engine-rest/task/count?candidateGroup=dept-jt", "dept-jt", http, probe));
        p3.put("deptAll", slowRoute("department's all tasks", "/engine-rest/task?maxResults=50", "dept-jt", http, probe));
        p3.put("deptAllCount", slowRoute("department's all tasks count", "/engine-rest/task/count", "dept-jt", http, probe));
        return p3;
    }

    /**
     * One client, one request after another, for the window (at least one measured request after one
     * warm-up request). A request slower than {@link #SLOW} is not repeated: it is the measurement.
     */
    private Map<String, Object> slowRoute(String name, String path, String user, Http http, Probe probe) {
        return slowRoute(name, path, null, user, http, probe);
    }

    /** As {@link #slowRoute(String, String, String, Http, Probe)}, a POST of {@code body} when it is not null. */
    private Map<String, Object> slowRoute(String name, String path, Object body, String user, Http http, Probe probe) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        if (body != null) {
            r.put("body", body);
        }
        r.put("user", user);
        ConcurrentHistogram latency = Latency.histogram();
        int errors = 0;
        String answer = "";
        Map<String, Object> before = probe.before();
        long t0 = System.nanoTime();
        long end = t0 + settings.window().toNanos();
        boolean warm = false;
        while (true) {
            long start = System.nanoTime();
            Http.Answer a;
            try {
                a = body == null ? http.get(path, user, TIMEOUT) : http.post(path, user, body, TIMEOUT);
            } catch (IllegalStateException timedOut) {
                errors++;
                answer = "no answer within " + TIMEOUT.toSeconds() + " s";
                break;
            }
            long micros = Math.max(1, (System.nanoTime() - start) / 1000);
            answer = a.body().isArray() ? a.body().size() + " tasks" : a.text();
            errors += a.is(200) ? 0 : 1;
            if (!warm && micros < SLOW.toNanos() / 1000) {
                // the first request warms the route up; the window starts after it
                warm = true;
                before = probe.before();
                t0 = System.nanoTime();
                end = t0 + settings.window().toNanos();
                continue;
            }
            latency.recordValue(micros);
            if (micros >= SLOW.toNanos() / 1000 || System.nanoTime() >= end) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        r.put("requests", latency.getTotalCount());
        r.put("errors", errors);
        r.put("answer", answer);
        r.put("latency", Latency.of(latency));
        r.put("measured", probe.after(before, Math.max(1, latency.getTotalCount()), seconds));
        System.out.printf("  P3 %s: %s, p50 %.1f ms, p99 %.1f ms (%d requests)%n",
                name, answer, Latency.of(latency).p50(), Latency.of(latency).p99(), latency.getTotalCount());
        return r;
    }

    /** A task-list request this slow is measured once, not repeated. */
    static final Duration SLOW = Duration.ofSeconds(10);

    /** A task-list request is given up after this long. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    // ---- shared ------------------------------------------------------------------------------------

    /** A scenario that fails is recorded as failed, with the reason, and the run goes on to the next. */
    private static Object attempt(String scenario, java.util.concurrent.Callable<?> measure) {
        try {
            return measure.call();
        } catch (Exception | AssertionError e) {
            System.out.println("  " + scenario + " FAILED: " + e);
            return Map.of("failed", String.valueOf(e));
        }
    }

    private void record(List<Measurement> runs, Measurement m) {
        runs.add(m);
        measurements.add(m);
        System.out.println("  " + Report.line(m));
    }

    private static long count(Connection c, String sql, List<String> values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("varchar", values.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
