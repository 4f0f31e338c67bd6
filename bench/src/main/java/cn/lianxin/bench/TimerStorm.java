package cn.lianxin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * P2, the timer storm (docs/benchmarks.md): the light timers of many open cases fall due at once
 * among many more timers due far in the future, and the platform's job executor fires them.
 *
 * <p>Like {@link OpenTasks}, real open cases (a citizen's request waiting at 分类分流, one per demo
 * village) are cloned in the database: for each <em>due</em> timer a whole case — executions, task,
 * its candidate link and authorization, variables, the {@code appeal} row — and its light timer job
 * ({@code act_ru_job}, {@code timer-transition}, {@code triage-light}), ids suffixed {@code -p2r<run>-<n>},
 * tracking numbers {@code LX-T<run><village>-<n>}. So each due job fires on an execution of its own,
 * and the light listener finds its own case's task. The <em>future</em> timers are copies of the same
 * job row only, due 30 days and more ahead, attached to the source cases' executions (cloning a
 * million whole cases would take a quarter of an hour; acquisition reads the job table, and these
 * jobs never fire in the run).
 *
 * <p>The due jobs are cloned due far ahead too, and set due in one last statement: {@code now + 5 s}
 * plus a random spread over 1 s. Then the driver waits until no job of that second is left and
 * reads each job's outcome from {@code act_hi_job_log} (history level full): its successful entry's
 * {@code timestamp_} − {@code job_duedate_} is its lateness; exactly once = one successful entry and
 * no failure per job.
 */
final class TimerStorm {

    /** How far ahead (ms) the due jobs fall due after they are set due. */
    static final long LEAD_MS = 5_000;

    private TimerStorm() {}

    /** Open cases waiting at 分类分流 with their light timer, one per village: {village, trackingNo, processInstance, jobId}. */
    static List<String[]> sources(Connection c) throws Exception {
        List<String[]> sources = new ArrayList<>();
        for (Appeals.Village v : Appeals.VILLAGES) {
            try (PreparedStatement s = c.prepareStatement(
                    "select a.tracking_no, a.process_instance_id, j.id_ from appeal a"
                            + " join act_ru_task t on t.proc_inst_id_ = a.process_instance_id and t.task_def_key_ = 'triage'"
                            + " join act_ru_job j on j.process_instance_id_ = a.process_instance_id"
                            + "   and j.handler_type_ = 'timer-transition' and j.handler_cfg_ like 'triage-light%'"
                            + " where a.village_code = ? and a.status = 'OPEN' and a.tracking_no not like 'LX-B%'"
                            + "   and a.tracking_no not like 'LX-T%' and j.id_ not like '%-p2%' limit 1")) {
                s.setString(1, v.code());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        sources.add(new String[] {v.code(), rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return sources;
    }

    /** Copies of the sources' light timer job, due 30 days and more ahead, until {@code target} such copies exist. */
    static Map<String, Object> futureTimers(Connection c, List<String[]> sources, long target) throws Exception {
        Map<String, Object> done = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long existing = scalar(c, "select count(*) from act_ru_job where id_ like '%-p2f-%'");
        long per = Math.max(0, (target - existing + sources.size() - 1) / sources.size());
        long inserted = 0;
        if (per > 0) {
            c.setAutoCommit(false);
            Timestamp from = new Timestamp(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
            int k = 0;
            for (String[] source : sources) {
                // ids only: the copies stay on the source case's execution and process instance
                try (PreparedStatement s = c.prepareStatement(insertJobs(c, per, "'-p2f-" + (++k) + "-' || (g + " + existing + ")"))) {
                    s.setTimestamp(1, from);
                    s.setString(2, source[3]);
                    inserted += s.executeUpdate();
                }
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze act_ru_job");
            }
        }
        done.put("futureTimersBefore", existing);
        done.put("inserted", inserted);
        done.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return done;
    }

    /** The SQL inserting {@code per} copies of one job (parameter 2) with only its own id suffixed, due from parameter 1 on. */
    private static String insertJobs(Connection c, long per, String idSuffix) throws Exception {
        List<String> columns = columns(c, "act_ru_job");
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(switch (column) {
                case "id_" -> "id_ || " + idSuffix;
                case "duedate_" -> "?::timestamp + g * interval '1 second'";
                case "lock_owner_", "lock_exp_time_" -> "null";
                default -> column;
            });
        }
        return "insert into act_ru_job (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from act_ru_job, generate_series(1, " + per + ") g where id_ = ?";
    }

    /** Clones {@code due} whole cases with their light timer, not yet due; answers what it did. */
    static Map<String, Object> dueCases(Connection c, List<String[]> sources, int run, long due) throws Exception {
        Map<String, Object> done = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long per = (due + sources.size() - 1) / sources.size();
        String suffix = "'-p2r" + run + "-' || g";
        Map<String, String> notYet = Map.of(
                "duedate_", "timestamp '2100-01-01'",
                "lock_owner_", "null",
                "lock_exp_time_", "null");
        c.setAutoCommit(false);
        long jobs = 0;
        for (String[] source : sources) {
            String village = source[0].substring(1);
            String pi = source[2];
            String tracking = "'LX-T" + run + village + "-' || lpad(g::text, 7, '0')";
            String taskIds = "select id_ from act_ru_task where proc_inst_id_ = '" + pi + "'";
            OpenTasks.cloneRows(c, "act_ru_execution", "proc_inst_id_ = '" + pi + "'", per, suffix, tracking, Map.of());
            OpenTasks.cloneRows(c, "act_ru_task", "proc_inst_id_ = '" + pi + "'", per, suffix, tracking, Map.of());
            OpenTasks.cloneRows(c, "act_ru_identitylink", "task_id_ in (" + taskIds + ")", per, suffix, tracking, Map.of());
            OpenTasks.cloneRows(c, "act_ru_authorization", "resource_type_ = 7 and resource_id_ in (" + taskIds + ")", per,
                    suffix, tracking, Map.of());
            OpenTasks.cloneRows(c, "act_ru_variable", "proc_inst_id_ = '" + pi + "'", per, suffix, tracking, Map.of());
            OpenTasks.cloneRows(c, "appeal", "tracking_no = '" + source[1] + "'", per, suffix, tracking, Map.of());
            jobs += OpenTasks.cloneRows(c, "act_ru_job", "id_ = '" + source[3] + "'", per, suffix, tracking, notYet);
            c.commit();
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization",
                    "act_ru_variable", "appeal", "act_ru_job")) {
                s.execute("analyze " + table);
            }
        }
        done.put("clonedFrom", sources.stream().map(s -> s[1] + " (" + s[0] + ")").toList());
        done.put("dueCases", jobs);
        done.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return done;
    }

    /** Sets run {@code run}'s jobs due at now + {@link #LEAD_MS} plus up to 1 s; answers the first due time (ms). */
    static long fallDue(Connection c, int run) throws Exception {
        long first = System.currentTimeMillis() + LEAD_MS;
        try (PreparedStatement s = c.prepareStatement(
                "update act_ru_job set duedate_ = ?::timestamp + floor(random() * 1000) * interval '1 millisecond'"
                        + " where duedate_ = timestamp '2100-01-01' and id_ like '%-p2r" + run + "-%'")) {
            s.setTimestamp(1, new Timestamp(first));
            s.executeUpdate();
        }
        return first;
    }

    /** The run's due jobs still waiting (not fired, or fired and failed). */
    static long waiting(Connection c, long first) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from act_ru_job where duedate_ >= ? and duedate_ < ?")) {
            s.setTimestamp(1, new Timestamp(first));
            s.setTimestamp(2, new Timestamp(first + 1000));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Each of run {@code run}'s jobs: how often it succeeded and failed, and its lateness. */
    static Map<String, Object> outcome(Connection c, int run, long jobs, long first) throws Exception {
        Histogram lateness = new Histogram(3_600_000_000L, 3);
        long once = 0;
        long more = 0;
        long failures = 0;
        long logged = 0;
        Timestamp lastCompletion = null;
        Timestamp firstCompletion = null;
        try (PreparedStatement s = c.prepareStatement(
                "select job_id_, count(*) filter (where job_state_ = 2), count(*) filter (where job_state_ = 1),"
                        + " min(timestamp_) filter (where job_state_ = 2), min(job_duedate_) filter (where job_state_ = 2)"
                        + " from act_hi_job_log where job_id_ like '%-p2r" + run + "-%'"
                        + " group by job_id_")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    logged++;
                    long ok = rs.getLong(2);
                    failures += rs.getLong(3);
                    if (ok == 1) {
                        once++;
                    } else if (ok > 1) {
                        more++;
                    }
                    Timestamp done = rs.getTimestamp(4);
                    Timestamp due = rs.getTimestamp(5);
                    if (done != null && due != null) {
                        lateness.recordValue(Math.max(1, (done.getTime() - due.getTime()) * 1000));
                        if (lastCompletion == null || done.after(lastCompletion)) {
                            lastCompletion = done;
                        }
                        if (firstCompletion == null || done.before(firstCompletion)) {
                            firstCompletion = done;
                        }
                    }
                }
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dueJobs", jobs);
        o.put("jobsWithALogEntry", logged);
        o.put("firedExactlyOnce", once);
        o.put("firedMoreThanOnce", more);
        o.put("neverFired", jobs - once - more);
        o.put("failures", failures);
        o.put("exactlyOnce", once == jobs && more == 0 && failures == 0);
        o.put("lateness", Latency.of(lateness));
        if (lastCompletion != null) {
            double seconds = Math.max(0.001, (lastCompletion.getTime() - first) / 1000.0);
            o.put("firstDueToLastCompletionSeconds", Math.round(seconds * 10) / 10.0);
            o.put("firedPerSecond", Math.round((once + more) / seconds * 10) / 10.0);
            // the job executor's pace once it has started: without the acquisition's idle wait before the first firing
            double busy = Math.max(0.001, (lastCompletion.getTime() - firstCompletion.getTime()) / 1000.0);
            o.put("firstDueToFirstCompletionSeconds", Math.round((firstCompletion.getTime() - first) / 100.0) / 10.0);
            o.put("firedPerSecondOnceStarted", Math.round((once + more) / busy * 10) / 10.0);
        }
        return o;
    }

    static List<String> columns(Connection c, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select column_name from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = ? order by ordinal_position")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
