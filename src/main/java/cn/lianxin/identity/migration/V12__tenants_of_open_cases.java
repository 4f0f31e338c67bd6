package cn.lianxin.identity.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Cases, topics and supervisions started before the engine's tenants were the villages have no
 * tenant; a task without one would be readable by every village's cadres (a grant on every task,
 * limited by tenant). This gives each such instance its village — its {@code villageCode} variable —
 * on the rows the tenant check reads: the running instance, its executions, tasks, variables, jobs,
 * event subscriptions and incidents, and the history of its tasks and of itself. On a new database
 * (the engine's tables not yet there, or empty) there is nothing to do.
 */
public class V12__tenants_of_open_cases extends BaseJavaMigration {

    /** Table, and its column naming the process instance. */
    private record Rows(String table, String instanceColumn, boolean history) {}

    private static final List<Rows> ROWS = List.of(
            new Rows("ACT_RU_EXECUTION", "PROC_INST_ID_", false),
            new Rows("ACT_RU_TASK", "PROC_INST_ID_", false),
            new Rows("ACT_RU_VARIABLE", "PROC_INST_ID_", false),
            new Rows("ACT_RU_JOB", "PROCESS_INSTANCE_ID_", false),
            new Rows("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_", false),
            new Rows("ACT_RU_INCIDENT", "PROC_INST_ID_", false),
            new Rows("ACT_HI_PROCINST", "PROC_INST_ID_", true),
            new Rows("ACT_HI_TASKINST", "PROC_INST_ID_", true));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!exists(connection, "ACT_HI_VARINST")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Rows rows : ROWS) {
                if (!exists(connection, rows.table())) {
                    continue;
                }
                // the village as the history keeps it: it outlives the running variable
                String village = "(select max(v.TEXT_) from ACT_HI_VARINST v where v.PROC_INST_ID_ = t."
                        + rows.instanceColumn() + " and v.NAME_ = 'villageCode' and v.EXECUTION_ID_ = v.PROC_INST_ID_)";
                statement.executeUpdate("update " + rows.table() + " t set TENANT_ID_ = " + village
                        + " where t.TENANT_ID_ is null and t." + rows.instanceColumn() + " is not null");
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
