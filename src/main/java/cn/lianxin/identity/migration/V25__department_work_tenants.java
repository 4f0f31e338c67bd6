package cn.lianxin.identity.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tasks given to a department before its work had tenants of its own lie in their case's place and
 * are read through one authorization row per task, which the engine joins to every task of every
 * query. This moves each such task — open, and in history — into the department's work in its
 * place ({@code <department>-<place>}, as {@code UnitAccessEnginePlugin} now does when the engine
 * creates one), leaves the department's row on the open task the right to work it only (the
 * department reads its tenants' tasks through one grant) and removes its rows on the moved history.
 * A task of several departments goes to the first by code; the others keep their rows. On a new
 * database there is nothing to do.
 */
public class V25__department_work_tenants extends BaseJavaMigration {

    /** The place part of a tenant that is still a place (a village, the county, or none). */
    private static final String PLACE = "coalesce(%1$s.TENANT_ID_, 'county')";

    private static final String STILL_A_PLACE = "(%1$s.TENANT_ID_ is null or position('-' in %1$s.TENANT_ID_) = 0)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!exists(connection, "ACT_RU_TASK") || !exists(connection, "ACT_HI_IDENTITYLINK")) {
            return;
        }
        int task = Resources.TASK.resourceType();
        int historicTask = Resources.HISTORIC_TASK.resourceType();
        try (Statement statement = connection.createStatement()) {
            // open tasks: the first department among their candidate groups
            statement.executeUpdate("update ACT_RU_TASK t set TENANT_ID_ = d.DEPT || '-' || " + PLACE.formatted("t")
                    + " from (select l.TASK_ID_, min(substr(l.GROUP_ID_, 6)) as DEPT from ACT_RU_IDENTITYLINK l"
                    + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ like 'dept-%' and l.TASK_ID_ is not null"
                    + " group by l.TASK_ID_) d"
                    + " where t.ID_ = d.TASK_ID_ and " + STILL_A_PLACE.formatted("t"));
            // their history, and the history of the tasks departments were given and have done
            statement.executeUpdate("update ACT_HI_TASKINST h set TENANT_ID_ = d.DEPT || '-' || " + PLACE.formatted("h")
                    + " from (select l.TASK_ID_, min(substr(l.GROUP_ID_, 6)) as DEPT from ACT_HI_IDENTITYLINK l"
                    + " where l.TYPE_ = 'candidate' and l.OPERATION_TYPE_ = 'add' and l.GROUP_ID_ like 'dept-%'"
                    + " and l.TASK_ID_ is not null group by l.TASK_ID_) d"
                    + " where h.ID_ = d.TASK_ID_ and " + STILL_A_PLACE.formatted("h"));
            // the department reads what is now its work through its grant on every task
            statement.executeUpdate("update ACT_RU_AUTHORIZATION a set PERMS_ = " + TaskPermissions.TASK_WORK.getValue()
                    + " from ACT_RU_TASK t where a.TYPE_ = 1 and a.RESOURCE_TYPE_ = " + task
                    + " and a.RESOURCE_ID_ = t.ID_ and a.GROUP_ID_ like 'dept-%'"
                    + " and t.TENANT_ID_ like substr(a.GROUP_ID_, 6) || '-%'");
            statement.executeUpdate("delete from ACT_RU_AUTHORIZATION a using ACT_HI_TASKINST h"
                    + " where a.TYPE_ = 1 and a.RESOURCE_TYPE_ = " + historicTask
                    + " and a.RESOURCE_ID_ = h.ID_ and a.GROUP_ID_ like 'dept-%'"
                    + " and h.TENANT_ID_ like substr(a.GROUP_ID_, 6) || '-%'");
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
