package cn.lianxin.appeal.migration;

import cn.lianxin.appeal.DailyTallies;
import java.sql.SQLException;

/**
 * The daily roll-ups (V26) of the cases taken in before them, computed from {@code appeal_fact} by the same
 * rule as every later change ({@link DailyTallies}: Beijing days, which SQL cannot compute alike on
 * PostgreSQL and H2).
 */
public class V26_1__daily_tallies_of_earlier_cases extends org.flywaydb.core.api.migration.BaseJavaMigration {

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        DailyTallies.rebuild(context.getConnection());
    }
}
