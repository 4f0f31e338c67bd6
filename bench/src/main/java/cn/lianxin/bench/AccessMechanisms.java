package cn.lianxin.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.*;
import java.sql.*;
import java.time.Duration;
import java.util.*;
import java.util.function.Supplier;
import org.camunda.bpm.engine.*;
import org.camunda.bpm.engine.authorization.*;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * By hand, not part of {@code bench/run}: a department's task list and count under three ways of
 * enforcing who reads which task (docs/benchmarks.md, "P3 diagnosed"). Starts its own PostgreSQL with
 * {@code auto_explain} (plans of statements over 40 ms in {@code /tmp/dept-h/pglog}), two Camunda
 * engines on it (revoke check {@code auto} and {@code always}), clones {@code total} open tasks by SQL
 * ({@code department} of them {@code dept-jt}'s, 10,000 {@code dept-cg}'s, the rest the villages' grid
 * workers'), and times {@code TaskService} queries as the users: (A) one READ row per department task,
 * (B) the same with {@code authorizationCheckRevokes=always}, (C) the department's tasks in its work's
 * tenants with one grant. A fourth argument runs (C) only.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.lianxin.bench.AccessMechanisms 300000 20000 60000</pre>
 */
public final class AccessMechanisms {
    static Connection c;
    static List<String> villages = List.of("v0101", "v0102", "v0201");

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        long dept = Long.parseLong(args[1]);
        long timeoutMs = Long.parseLong(args[2]);
        Path data = Files.createTempDirectory(Path.of("/tmp"), "dept-pgdata-");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
                .setServerConfig("shared_preload_libraries", "auto_explain")
                .setServerConfig("auto_explain.log_min_duration", "40")
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("auto_explain.log_timing", "off")
                .setServerConfig("logging_collector", "on").setServerConfig("log_directory", "/tmp/dept-h/pglog")
                .setServerConfig("statement_timeout", String.valueOf(timeoutMs))
                .start();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        c = DriverManager.getConnection(url, "postgres", "postgres");
        ProcessEngine auto = engine(url, "auto", "auto");
        ProcessEngine always = engine(url, "always", "always");
        auto.getRepositoryService().createDeployment().addModelInstance("appeal.bpmn",
                Bpmn.createExecutableProcess("appeal").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("dept-handle").camundaCandidateGroups("dept-jt").endEvent().done()).deploy();
        String pd = auto.getRepositoryService().createProcessDefinitionQuery().singleResult().getId();
        long t0 = System.nanoTime();
        int read = Permissions.READ.getValue();
        int work = TaskPermissions.TASK_WORK.getValue();
        // tasks: dept-jt `dept`, dept-cg 10,000, the rest spread over the three villages' grid workers
        long cg = 10_000, villageTasks = total - dept - cg;
        insert(pd, "jt", 0, dept, "'dept-jt'", "'v0101'", read | work);
        insert(pd, "cg", 0, cg, "'dept-cg'", "'v0102'", read | work);
        insert(pd, "gw", 0, villageTasks, "case g % 3 when 0 then 'grid-worker-v0101' when 1 then 'grid-worker-v0102' else 'grid-worker-v0201' end",
                "case g % 3 when 0 then 'v0101' when 1 then 'v0102' else 'v0201' end", work);
        grant("grid-worker-v0101", Resources.TASK, read);
        for (String g : List.of("dept-jt", "dept-cg", "grid-worker-v0101"))
            grant(g, Resources.PROCESS_DEFINITION, read);
        analyze();
        System.out.printf("data: %d tasks (dept-jt %d) in %.1f s%n", count("act_ru_task"), dept, (System.nanoTime() - t0) / 1e9);
        List<String> all = new ArrayList<>(villages);
        all.add("county");
        boolean onlyC = args.length > 3;
        if (!onlyC) {
        System.out.println("== A: today (per-task READ rows, revoke check auto = join)");
        measure(auto, "A", "dept-jt", all, dept >= 20_000 ? 1 : 5);
        System.out.println("== B: authorizationCheckRevokes=always, same rows");
        measure(always, "B", "dept-jt", all, 10);
        }
        System.out.println("== C: department tasks in the department's tenant, per-task rows TASK_WORK only, one wildcard READ");
        exec("update act_ru_task set tenant_id_ = 'jt-' || tenant_id_ where id_ like 'jt-%'");
        exec("update act_ru_task set tenant_id_ = 'cg-' || tenant_id_ where id_ like 'cg-%'");
        exec("update act_ru_authorization set perms_ = " + work + " where resource_id_ like 'jt-%' or resource_id_ like 'cg-%'");
        grant("dept-jt", Resources.TASK, read);
        grant("dept-cg", Resources.TASK, read);
        exec("create index if not exists dept_probe_tenant on act_ru_task (tenant_id_)");
        analyze();
        measure(auto, "C", "dept-jt", List.of("jt-v0101", "jt-v0102", "jt-v0201", "jt-county"), 10);
        System.out.println("indexes on act_ru_task: " + strings("select indexdef from pg_indexes where tablename = 'act_ru_task'"));
        auto.close();
        always.close();
        pg.close();
    }

    static void measure(ProcessEngine e, String label, String group, List<String> tenants, int runs) {
        IdentityService id = e.getIdentityService();
        TaskService ts = e.getTaskService();
        time(label + " dept list 50", runs, () -> { id.setAuthentication("u-" + group, List.of(group), tenants); try { return ts.createTaskQuery().taskCandidateGroup(group).listPage(0, 50).size(); } finally { id.clearAuthentication(); } });
        time(label + " dept count", runs, () -> { id.setAuthentication("u-" + group, List.of(group), tenants); try { return ts.createTaskQuery().taskCandidateGroup(group).count(); } finally { id.clearAuthentication(); } });
        time(label + " dept unfiltered list 50", runs, () -> { id.setAuthentication("u-" + group, List.of(group), tenants); try { return ts.createTaskQuery().listPage(0, 50).size(); } finally { id.clearAuthentication(); } });
        time(label + " dept unfiltered count", runs, () -> { id.setAuthentication("u-" + group, List.of(group), tenants); try { return ts.createTaskQuery().count(); } finally { id.clearAuthentication(); } });
        time(label + " dept-cg reads jt's task", 1, () -> { id.setAuthentication("u-cg", List.of("dept-cg"), label.equals("C") ? List.of("cg-v0101", "cg-v0102", "cg-v0201", "cg-county") : tenants); try { return ts.createTaskQuery().taskId("jt-1").count(); } finally { id.clearAuthentication(); } });
        String gw = "grid-worker-v0101";
        List<String> vt = label.equals("C") ? List.of("v0101", "cg-v0101", "jt-v0101", "mz-v0101", "rs-v0101", "zj-v0101", "sw-v0101", "wj-v0101") : List.of("v0101");
        time(label + " village list 50", 10, () -> { id.setAuthentication("u-gw", List.of(gw), vt); try { return ts.createTaskQuery().taskCandidateGroup(gw).listPage(0, 50).size(); } finally { id.clearAuthentication(); } });
        time(label + " village sees jt's task", 1, () -> { id.setAuthentication("u-gw", List.of(gw), vt); try { return ts.createTaskQuery().taskId("jt-1").count(); } finally { id.clearAuthentication(); } });
        time(label + " village count", 5, () -> { id.setAuthentication("u-gw", List.of(gw), vt); try { return ts.createTaskQuery().taskCandidateGroup(gw).count(); } finally { id.clearAuthentication(); } });
    }

    static void time(String what, int runs, Supplier<Object> q) {
        List<Double> ms = new ArrayList<>();
        Object answer = null;
        for (int i = 0; i < runs + (runs > 1 ? 2 : 0); i++) {
            long t = System.nanoTime();
            try {
                answer = q.get();
            } catch (RuntimeException ex) {
                answer = "FAILED (" + (ex.getMessage() == null ? ex : ex.getMessage().lines().filter(l -> l.contains("timeout") || l.contains("cancel")).findFirst().orElse(ex.getClass().getSimpleName())) + ")";
            }
            if (i >= (runs > 1 ? 2 : 0)) ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("  %-32s answer %-10s p50 %8.1f ms  max %8.1f ms (%d runs)%n", what, answer, ms.get(ms.size() / 2), ms.get(ms.size() - 1), ms.size());
    }

    static ProcessEngine engine(String url, String name, String revokes) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setProcessEngineName(name);
        cfg.setJdbcUrl(url); cfg.setJdbcDriver("org.postgresql.Driver");
        cfg.setJdbcUsername("postgres");
        cfg.setJdbcPassword("postgres");
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setAuthorizationEnabled(true);
        cfg.setAuthorizationCheckRevokes(revokes);
        cfg.setJobExecutorActivate(false);
        cfg.setHistory("none");
        cfg.setDbMetricsReporterActivate(false);
        cfg.setMetricsEnabled(false);
        return cfg.buildProcessEngine();
    }

    static void insert(String pd, String prefix, long from, long n, String groupExpr, String tenantExpr, int perms) throws SQLException {
        exec("insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, priority_, create_time_, last_updated_, suspension_state_, tenant_id_, task_state_)"
                + " select '" + prefix + "-' || g, 1, '" + pd + "', '办理', 'dept-handle', 50, now() - (g || ' seconds')::interval, now(), 1, " + tenantExpr + ", 'Created'"
                + " from generate_series(1, " + n + ") g");
        exec("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'il-" + prefix + "-' || g, 1, " + groupExpr + ", 'candidate', '" + prefix + "-' || g from generate_series(1, " + n + ") g");
        exec("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_) select 'au-" + prefix + "-' || g, 1, 1, " + groupExpr + ", 7, '" + prefix + "-' || g, " + perms + " from generate_series(1, " + n + ") g");
    }

    static int grants;

    static void grant(String group, Resource r, int perms) throws SQLException {
        exec("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_) values ('grant-" + (++grants) + "', 1, 1, '" + group + "', " + r.resourceType() + ", '*', " + perms + ")");
    }

    static void analyze() throws SQLException {
        for (String t : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization")) exec("vacuum analyze " + t);
    }

    static void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set statement_timeout = 0");
            s.execute(sql);
        }
    }

    static long count(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
