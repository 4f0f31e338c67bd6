package cn.lianxin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Open tasks in bulk for P3: one real open case per demo village (a citizen's request waiting at
 * 分类分流, submitted through the API) is cloned in the database with {@code INSERT … SELECT
 * generate_series}: its executions, task, the task's candidate-group link and authorization, its
 * variables, and the platform's {@code appeal} row. Ids of the case become {@code <id>-<n>}, the
 * tracking number {@code LX-B<village>-<n>}; each clone's task was created at its own moment of the last
 * 30 days ({@link #ARRIVED}). Not cloned: the light timer's job, the withdrawal's event
 * subscription, history and the case log — the task lists do not read them.
 */
final class OpenTasks {

    /** Columns that hold an id of the cloned case (execution, process instance, task, variable scope). */
    private static final Set<String> CASE_IDS = Set.of(
            "id_",
            "proc_inst_id_",
            "root_proc_inst_id_",
            "execution_id_",
            "parent_id_",
            "task_id_",
            "resource_id_",
            "var_scope_",
            "process_instance_id",
            "process_instance_id_");

    private OpenTasks() {}

    /** The open tasks now, per candidate group of the appeal's triage. */
    static long openTasks(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from act_ru_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Clones cases until about {@code target} tasks are open; answers what it did. */
    static Map<String, Object> fillUpTo(Connection c, long target) throws Exception {
        Map<String, Object> done = new LinkedHashMap<>();
        long before = openTasks(c);
        done.put("openTasksBefore", before);
        long t0 = System.nanoTime();
        List<String[]> sources = new ArrayList<>();
        for (Appeals.Village v : Appeals.VILLAGES) {
            try (PreparedStatement s = c.prepareStatement(
                    "select a.tracking_no, a.process_instance_id from appeal a join act_ru_task t"
                            + " on t.proc_inst_id_ = a.process_instance_id and t.task_def_key_ = 'triage'"
                            + " where a.village_code = ? and a.status = 'OPEN' limit 1")) {
                s.setString(1, v.code());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        sources.add(new String[] {v.code(), rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        if (sources.isEmpty() || before >= target) {
            done.put("cloned", 0);
            return done;
        }
        long perSource = (target - before + sources.size() - 1) / sources.size();
        c.setAutoCommit(false);
        for (String[] source : sources) {
            String village = source[0].substring(1);
            String processInstance = source[2];
            String taskIds = "select id_ from act_ru_task where proc_inst_id_ = '" + processInstance + "'";
            clone(c, "act_ru_execution", "proc_inst_id_ = '" + processInstance + "'", village, perSource);
            clone(c, "act_ru_task", "proc_inst_id_ = '" + processInstance + "'", village, perSource);
            clone(c, "act_ru_identitylink", "task_id_ in (" + taskIds + ")", village, perSource);
            clone(c, "act_ru_authorization", "resource_type_ = 7 and resource_id_ in (" + taskIds + ")", village, perSource);
            clone(c, "act_ru_variable", "proc_inst_id_ = '" + processInstance + "'", village, perSource);
            clone(c, "appeal", "tracking_no = '" + source[1] + "'", village, perSource);
            c.commit();
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : List.of(
                    "act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization", "act_ru_variable", "appeal")) {
                s.execute("analyze " + table);
            }
        }
        done.put("clonedFrom", sources.stream().map(s -> s[1] + " (" + s[0] + ")").toList());
        done.put("clonesPerCase", perSource);
        done.put("openTasksAfter", openTasks(c));
        done.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return done;
    }

    /**
     * {@code copies} open tasks given to a department, {@code dept-<department>}, as the platform writes
     * them: the triage task of v0101's source case cloned with the department's candidate group, in the
     * department's work in the village ({@code <department>-v0101}: UnitTenants), and the engine's row
     * on each granting the group work only (it reads them through its one grant and its tenants). Only
     * the task, its link and its row are cloned (ids {@code <id>-d<n>}), each in one of the case's clones
     * (its execution {@code <execution>-<n>}), at most as many as there are: the lists read nothing else.
     */
    static Map<String, Object> giveToDepartment(Connection c, String department, long copies) throws Exception {
        Map<String, Object> done = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        String task;
        String instance;
        try (PreparedStatement s = c.prepareStatement(
                "select t.id_, t.proc_inst_id_ from appeal a join act_ru_task t on t.proc_inst_id_ = a.process_instance_id"
                        + " and t.task_def_key_ = 'triage' where a.village_code = 'v0101' and a.status = 'OPEN'"
                        + " and a.tracking_no not like 'LX-B%' limit 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                done.put("given", 0);
                return done;
            }
            task = rs.getString(1);
            instance = rs.getString(2);
        }
        // each department task lies in one of the case's clones (its execution and instance exist)
        try (PreparedStatement s = c.prepareStatement("select count(*) from act_ru_execution where id_ like ?")) {
            s.setString(1, instance + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                copies = Math.min(copies, rs.getLong(1));
            }
        }
        String group = "'dept-" + department + "'";
        c.setAutoCommit(false);
        cloneRows(c, "act_ru_task", "id_ = '" + task + "'", copies, "'-d' || g", "null", Map.of(
                "execution_id_", "execution_id_ || '-' || g",
                "proc_inst_id_", "proc_inst_id_ || '-' || g",
                "tenant_id_", "'" + department + "-' || tenant_id_",
                "create_time_", ARRIVED.get("create_time_"),
                "task_def_key_", "'dept-handle'",
                "name_", "'部门办理'"));
        cloneRows(c, "act_ru_identitylink", "task_id_ = '" + task + "' and type_ = 'candidate'", copies, "'-d' || g",
                "null", Map.of("group_id_", group));
        cloneRows(c, "act_ru_authorization", "resource_type_ = 7 and resource_id_ = '" + task + "' and group_id_ is not null",
                copies, "'-d' || g", "null", Map.of(
                        "group_id_", group,
                        "perms_", String.valueOf(TaskPermissions.TASK_WORK.getValue())));
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization")) {
                s.execute("analyze " + table);
            }
        }
        done.put("department", department);
        done.put("given", copies);
        done.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return done;
    }

    private static void clone(Connection c, String table, String where, String village, long copies) throws Exception {
        cloneRows(c, table, where, copies, "'-' || g", "'LX-B" + village + "-' || lpad(g::text, 7, '0')", ARRIVED);
    }

    /**
     * A clone's task was created at its own moment in the 30 days before the source case, as tasks
     * arrive in a county (spread by a hash of its id: the same on every run). Copies sharing the
     * source's one creation time would make every list ordered by creation sort all of a user's tasks
     * (one tie of 266,667 rows), which no real task list meets.
     */
    private static final Map<String, String> ARRIVED = Map.of(
            "create_time_", "create_time_ - ((hashtext(id_ || '-' || g) & 2147483647) % 2592000000) * interval '1 millisecond'");

    /**
     * Inserts {@code copies} copies of the rows of {@code table} that match {@code where}, copy
     * {@code g} (1…copies) with every id of the case suffixed by the SQL expression {@code idSuffix}
     * (of {@code g}), tracking numbers and business keys from {@code trackingNo} (of {@code g}), and
     * the columns of {@code overrides} set to their SQL expressions. Answers the rows inserted.
     */
    static long cloneRows(
            Connection c, String table, String where, long copies, String idSuffix, String trackingNo,
            Map<String, String> overrides) throws Exception {
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
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (overrides.containsKey(column)) {
                values.add(overrides.get(column));
            } else if (CASE_IDS.contains(column)) {
                values.add("case when " + column + " is null then null else " + column + " || " + idSuffix + " end");
            } else if (column.equals("business_key_")) {
                values.add("case when business_key_ is null then null else " + trackingNo + " end");
            } else if (column.equals("tracking_no")) {
                values.add(trackingNo);
            } else if (column.equals("idempotency_key")) {
                values.add("null");
            } else {
                values.add(column);
            }
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select "
                    + String.join(", ", values) + " from " + table + ", generate_series(1, " + copies + ") g where " + where);
        }
    }
}
