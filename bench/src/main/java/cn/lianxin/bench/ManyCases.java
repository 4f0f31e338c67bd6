package cn.lianxin.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases in bulk for P4, written straight into the platform's database with {@code INSERT … SELECT
 * generate_series}: for case n (1, 2, …) one row of {@code appeal} (tracking number {@code LX-P4-<n>}),
 * its cockpit facts ({@code appeal_fact}, {@code appeal_fact_dept}, {@code appeal_fact_return_reason}) and
 * their daily roll-ups ({@code appeal_day}, {@code appeal_day_count}, added to as the platform adds to them)
 * and, for the naive baseline, the Camunda history that a query without {@code appeal_fact} would read:
 * the process instance ({@code act_hi_procinst}, process instance id {@code p4-<n>}), its variables
 * {@code villageCode}, {@code path}, {@code status} and {@code satisfaction} ({@code act_hi_varinst}) and
 * two tasks with their due dates ({@code act_hi_taskinst}: 分类分流, then the path's handling task).
 *
 * <p>Each case's attributes are drawn once (a deterministic {@code setseed}) into an unlogged work
 * table, from which every table is filled, so facts and history tell the same story: a case counts as
 * overdue in the facts ({@code ever_red}) exactly when one of its tasks ended after its due date, red now
 * exactly when an open task is past due. Received over the last 365 days, uniformly; then the facts and
 * the process instances are clustered in the order of receipt ({@code CLUSTER}), as a table filled case
 * by case over a year lies.
 */
final class ManyCases {

    /** Cases per transaction. */
    static final long BATCH = 100_000;

    private ManyCases() {}

    static long seeded(Connection c) throws Exception {
        return TimerStorm.scalar(c, "select count(*) from appeal where tracking_no like 'LX-P4-%'");
    }

    /** Adds cases until {@code target} of them exist; answers what it did. */
    static Map<String, Object> seedUpTo(Connection c, long target) throws Exception {
        Map<String, Object> done = new LinkedHashMap<>();
        long before = seeded(c);
        done.put("casesBefore", before);
        long t0 = System.nanoTime();
        String definition;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id_ from act_re_procdef where key_ = 'appeal' order by version_ desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("the appeal process is not deployed");
            }
            definition = rs.getString(1);
        }
        c.setAutoCommit(false);
        for (long from = before + 1; from <= target; from += BATCH) {
            long to = Math.min(target, from + BATCH - 1);
            try (Statement s = c.createStatement()) {
                for (String sql : batch(from, to, definition)) {
                    s.execute(sql);
                }
            }
            c.commit();
            System.out.printf("  P4 seeded cases %,d … %,d (%.0f s)%n", from, to, (System.nanoTime() - t0) / 1e9);
        }
        c.setAutoCommit(true);
        long analyze0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            // in production rows arrive as cases come in: the facts and the process instances lie in the
            // order they were received, which the seeded batches (spread over the year) do not
            s.execute("cluster appeal_fact using appeal_fact_received");
            s.execute("cluster act_hi_procinst using act_idx_hi_pro_inst_proc_time");
            for (String table : TABLES) {
                s.execute("vacuum analyze " + table);
            }
        }
        done.put("casesAfter", seeded(c));
        done.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        done.put("clusterVacuumAnalyzeSeconds", Math.round((System.nanoTime() - analyze0) / 1e8) / 10.0);
        for (String table : TABLES) {
            done.put("rows." + table, TimerStorm.scalar(c, "select count(*) from " + table));
        }
        return done;
    }

    /** A fact's Beijing day of intake, as the platform's roll-ups count it (appeal/DailyTallies). */
    private static final String DAY = "(f.received_at at time zone 'Asia/Shanghai')::date";

    /** The batch's facts, each once for its village and once for each department of it. */
    private static final String BATCH_UNITS = " from appeal_fact f join bench_p4_case c on c.tracking_no = f.tracking_no"
            + " cross join lateral (select 'VILLAGE' kind, f.village_code code union all"
            + " select 'DEPT', d.dept_code from appeal_fact_dept d where d.tracking_no = f.tracking_no) u";

    static final List<String> TABLES = List.of(
            "appeal",
            "appeal_fact",
            "appeal_fact_dept",
            "appeal_day",
            "appeal_day_count",
            "appeal_fact_return_reason",
            "act_hi_procinst",
            "act_hi_varinst",
            "act_hi_taskinst");

    /** The statements that add cases {@code from} … {@code to}. */
    static List<String> batch(long from, long to, String definition) {
        String def = "'" + definition + "'";
        return List.of(
                "select setseed(" + ((from % 1000) / 1000.0) + ")",
                "create unlogged table if not exists bench_p4_case (n bigint, tracking_no varchar(32), pid varchar(64),"
                        + " village varchar(16), category varchar(16), channel varchar(8), path varchar(16),"
                        + " status varchar(16), received timestamptz, first_response timestamptz, ended timestamptz,"
                        + " working_days int, satisfaction varchar(24), reopened int, light varchar(8), ever_red boolean,"
                        + " supervised boolean, dept1 varchar(8), dept2 varchar(8), reasons int)",
                "truncate bench_p4_case",
                // r: the draws; a: what follows from them
                "insert into bench_p4_case select n, 'LX-P4-' || lpad(n::text, 8, '0'), 'p4-' || n, village, category,"
                        + " channel, path, status, received, first_response, ended,"
                        + " case when status = 'CLOSED' then greatest(0, round(days * 5 / 7.0))::int end,"
                        + " case when status = 'CLOSED' and r13 < 0.75 then case when r14 < 0.62 then 'SATISFIED'"
                        + "   when r14 < 0.9 then 'BASICALLY_SATISFIED' else 'UNSATISFIED' end end,"
                        + " case when status in ('CLOSED', 'OPEN') and path is not null and r15 < 0.03 then 1 else 0 end,"
                        + " light, light = 'RED' or (status <> 'OPEN' and r8 < 0.12), "
                        + " (light = 'RED' or (status <> 'OPEN' and r8 < 0.12)) and r10 < 0.6,"
                        + " case when path = 'JOINT' or (path = 'ESCALATE' and r16 < 0.5) then"
                        + "   (array['cg','jt','mz','rs','zj','sw','wj'])[1 + floor(r16 * 7)::int] end,"
                        + " case when path = 'JOINT' then (array['cg','jt','mz','rs','zj','sw','wj'])[1 + ((floor(r16 * 7)::int + 1 + floor(r12 * 6)::int) % 7)] end,"
                        + " case when status = 'RETURNED' then 1 + floor(r12 * 2)::int else 0 end"
                        + " from ("
                        + "  select r.*, case when path is null then null else least(now(), received + r11 * interval '30 hours') end first_response,"
                        + "   case when status = 'OPEN' then null else least(now(), greatest(received + r11 * interval '30 hours',"
                        + "    received + days * interval '1 day')) end ended,"
                        + "   case when status <> 'OPEN' then 'GREEN' when path is null then 'GREEN' when r9 < 0.15 then 'RED'"
                        + "    when r9 < 0.35 then 'YELLOW' else 'GREEN' end light"
                        + "  from ("
                        + "   select r.*, case when path = 'RETURN' then r12 * 2 when path = 'IMMEDIATE' then r12"
                        + "     when path = 'PROMISED' then 1 + r12 * 6 when path = 'ESCALATE' then 2 + r12 * 12 else 4 + r12 * 20 end"
                        + "     + case when r8 < 0.12 then 5 else 0 end days"
                        + "   from ("
                        + "    select r.*,"
                        + "     case when age < 0.5 and r7 < 0.5 then 'OPEN' when r6 < 0.02 then 'WITHDRAWN'"
                        + "      when path0 = 'RETURN' then 'RETURNED'"
                        + "      when age < 15 and r6 < 0.02 + (15 - age) / 15 * 0.8 then 'OPEN' when r6 > 0.985 then 'OPEN'"
                        + "      else 'CLOSED' end status,"
                        + "     case when age < 0.5 and r7 < 0.5 then null else path0 end path"
                        + "    from ("
                        + "     select n, r1, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16,"
                        + "      case when r1 < 0.45 then 'v0101' when r1 < 0.7 then 'v0102' else 'v0201' end village,"
                        + "      (array['property','sanitation','security','parking','charging','lighting','road','vendors',"
                        + "       'renovation','elderly','employment','medical','education','dispute','policy','other'])"
                        + "       [1 + floor(power(r2, 1.6) * 16)::int] category,"
                        + "      case when r3 < 0.35 then 'ONLINE' when r3 < 0.6 then 'PHONE' when r3 < 0.75 then 'VISIT'"
                        + "       when r3 < 0.9 then 'WALK_IN' else 'AGENT' end channel,"
                        + "      now() - r4 * interval '365 days' received, r4 * 365 age,"
                        + "      case when r5 < 0.35 then 'IMMEDIATE' when r5 < 0.57 then 'PROMISED' when r5 < 0.87 then 'ESCALATE'"
                        + "       when r5 < 0.92 then 'RETURN' else 'JOINT' end path0"
                        + "     from (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,"
                        + "       random() r7, random() r8, random() r9, random() r10, random() r11, random() r12, random() r13,"
                        + "       random() r14, random() r15, random() r16 from generate_series(" + from + ", " + to + ") n) r"
                        + "    ) r) r) r) r",
                "insert into appeal (tracking_no, access_code_hash, citizen_name, phone, category, urgency, scope,"
                        + " description, village_code, channel, path, status, satisfaction, reopen_count, process_instance_id,"
                        + " created_at, updated_at, closed_at, light)"
                        + " select tracking_no, 'benchmark', '基准测试', '13800000000', category, 'NORMAL', 'HOUSEHOLD',"
                        + " '基准测试生成的诉求', village, channel, path, status, satisfaction, reopened, pid, received,"
                        + " coalesce(ended, received), ended, light from bench_p4_case",
                "insert into appeal_fact (tracking_no, village_code, category, channel, path, received_at, first_response_at,"
                        + " responded_in_time, status, ended_at, working_days, satisfaction, reopen_count, light, ever_red, supervised)"
                        + " select tracking_no, village, category, channel, path, received, first_response,"
                        + " first_response <= received + interval '24 hours', status, ended, working_days, satisfaction, reopened,"
                        + " light, ever_red, supervised from bench_p4_case",
                "insert into appeal_fact_dept (tracking_no, dept_code) select tracking_no, dept1 from bench_p4_case"
                        + " where dept1 is not null union select tracking_no, dept2 from bench_p4_case where dept2 is not null",
                // the daily roll-ups the cockpit sums (V26), added to as CaseFacts adds to them: per Beijing day
                // and village, and per day and department that took a part of the case
                "insert into appeal_day (received_on, unit_kind, unit_code, received, responded_in_time, closed,"
                        + " closed_on_time, closed_days_sum, closed_days_count, evaluated, satisfied, reopened, closed_once,"
                        + " returned, supervised, supervised_closed, supervised_open)"
                        + " select " + DAY + ", u.kind, u.code, count(*), count(*) filter (where f.responded_in_time),"
                        + " count(*) filter (where f.status = 'CLOSED'),"
                        + " count(*) filter (where f.status = 'CLOSED' and not f.ever_red),"
                        + " coalesce(sum(f.working_days) filter (where f.status = 'CLOSED'), 0),"
                        + " count(*) filter (where f.status = 'CLOSED' and f.working_days is not null),"
                        + " count(*) filter (where f.satisfaction is not null),"
                        + " count(*) filter (where f.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),"
                        + " count(*) filter (where f.reopen_count > 0),"
                        + " count(*) filter (where f.status = 'CLOSED' or f.reopen_count > 0),"
                        + " count(*) filter (where f.status = 'RETURNED'), count(*) filter (where f.supervised),"
                        + " count(*) filter (where f.supervised and f.status = 'CLOSED'),"
                        + " count(*) filter (where f.supervised and f.status = 'OPEN')" + BATCH_UNITS
                        + " group by 1, 2, 3 on conflict (received_on, unit_kind, unit_code) do update set"
                        + " received = appeal_day.received + excluded.received,"
                        + " responded_in_time = appeal_day.responded_in_time + excluded.responded_in_time,"
                        + " closed = appeal_day.closed + excluded.closed,"
                        + " closed_on_time = appeal_day.closed_on_time + excluded.closed_on_time,"
                        + " closed_days_sum = appeal_day.closed_days_sum + excluded.closed_days_sum,"
                        + " closed_days_count = appeal_day.closed_days_count + excluded.closed_days_count,"
                        + " evaluated = appeal_day.evaluated + excluded.evaluated,"
                        + " satisfied = appeal_day.satisfied + excluded.satisfied,"
                        + " reopened = appeal_day.reopened + excluded.reopened,"
                        + " closed_once = appeal_day.closed_once + excluded.closed_once,"
                        + " returned = appeal_day.returned + excluded.returned,"
                        + " supervised = appeal_day.supervised + excluded.supervised,"
                        + " supervised_closed = appeal_day.supervised_closed + excluded.supervised_closed,"
                        + " supervised_open = appeal_day.supervised_open + excluded.supervised_open",
                "insert into appeal_day_count (received_on, unit_kind, unit_code, dimension, item, cases)"
                        + " select " + DAY + ", u.kind, u.code, x.dimension, x.item, count(*)" + BATCH_UNITS
                        + " cross join lateral (values ('CHANNEL', f.channel), ('CATEGORY', f.category), ('PATH', f.path))"
                        + " x(dimension, item) where x.item is not null group by 1, 2, 3, 4, 5"
                        + " on conflict (received_on, unit_kind, unit_code, dimension, item) do update set"
                        + " cases = appeal_day_count.cases + excluded.cases",
                "insert into appeal_fact_return_reason (tracking_no, reason) select c.tracking_no, r.reason"
                        + " from bench_p4_case c join (select reason, row_number() over (order by id) k from return_reason"
                        + " where category is null) r on r.k <= c.reasons",
                // the reasons told on the batch's returned cases, in the roll-ups too
                "insert into appeal_day_count (received_on, unit_kind, unit_code, dimension, item, cases)"
                        + " select " + DAY + ", u.kind, u.code, 'REASON', r.reason, count(*)" + BATCH_UNITS
                        + " join appeal_fact_return_reason r on r.tracking_no = f.tracking_no where f.status = 'RETURNED'"
                        + " group by 1, 2, 3, 4, 5 on conflict (received_on, unit_kind, unit_code, dimension, item)"
                        + " do update set cases = appeal_day_count.cases + excluded.cases",
                // Camunda's history: timestamps without time zone, in the engine's (the machine's) zone
                "insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,"
                        + " end_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, tenant_id_, state_)"
                        + " select pid, pid, tracking_no, 'appeal', " + def + ", received::timestamp, ended::timestamp,"
                        + " (extract(epoch from ended - received) * 1000)::bigint, 'intake',"
                        + " case when status = 'OPEN' then null else 'end' end, pid, village,"
                        + " case when status = 'OPEN' then 'ACTIVE' else 'COMPLETED' end from bench_p4_case",
                "insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
                        + " execution_id_, act_inst_id_, name_, var_type_, create_time_, rev_, text_, tenant_id_, state_)"
                        + " select pid || '-' || v.name, 'appeal', " + def + ", pid, pid, pid, pid, v.name, 'string',"
                        + " received::timestamp, 0, v.value, village, 'CREATED'"
                        + " from bench_p4_case, lateral (values ('villageCode', village), ('path', path), ('status',"
                        + "  case when status = 'OPEN' then null else status end), ('satisfaction', satisfaction)) v(name, value)"
                        + " where v.value is not null",
                // 分类分流 is due in 3 days, always met; the handling task is overdue exactly when the case was ever red
                "insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
                        + " proc_inst_id_, execution_id_, act_inst_id_, name_, start_time_, end_time_, duration_, priority_,"
                        + " due_date_, tenant_id_, task_state_)"
                        + " select pid || '-triage', 'triage', 'appeal', " + def + ", pid, pid, pid, pid, '分类分流',"
                        + " received::timestamp, coalesce(first_response, ended)::timestamp,"
                        + " (extract(epoch from coalesce(first_response, ended) - received) * 1000)::bigint, 50,"
                        + " (received + interval '3 days')::timestamp, village,"
                        + " case when coalesce(first_response, ended) is null then 'Created' else 'Completed' end"
                        + " from bench_p4_case"
                        + " union all"
                        + " select pid || '-handle', case path when 'IMMEDIATE' then 'handle-immediate' when 'PROMISED'"
                        + " then 'handle-promised' when 'ESCALATE' then 'town-handle' when 'RETURN' then 'notify-return'"
                        + " else 'joint-conclude' end, 'appeal', " + def + ", pid, pid, pid, pid, '办理',"
                        + " first_response::timestamp, ended::timestamp,"
                        + " (extract(epoch from ended - first_response) * 1000)::bigint, 50,"
                        + " (case when status = 'OPEN' then now() + case light when 'RED' then interval '-6 hours'"
                        + "   when 'YELLOW' then interval '1 day' else interval '6 days' end"
                        + "  when ever_red then ended - interval '1 day'"
                        + "  else ended + interval '1 day' end)::timestamp, village,"
                        + " case when ended is null then 'Created' else 'Completed' end"
                        + " from bench_p4_case where path is not null");
    }
}
