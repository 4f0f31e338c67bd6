package cn.lianxin.cockpit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code from <roll-up> t where …} of a unit and a period over the daily roll-ups ({@code appeal_day},
 * {@code appeal_day_count}, kept by appeal/DailyTallies): a village or a town reads its villages' rows, a
 * department its own rows, the county every village's row. A period is whole Beijing days
 * ({@link CockpitScope#period}), so its rows are the days from {@code from} to {@code to}.
 */
record DayFilter(String sql, Map<String, Object> params) {

    static DayFilter of(String table, CockpitScope.Reach reach, CockpitScope.Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(" from " + table + " t where t.received_on between :first and :last");
        params.put("first", period.from());
        params.put("last", period.to());
        if (reach.dept() != null) {
            sql.append(" and t.unit_kind = 'DEPT' and t.unit_code = :dept");
            params.put("dept", reach.dept());
        } else {
            sql.append(" and t.unit_kind = 'VILLAGE'");
            if (reach.villages() != null) {
                sql.append(reach.villages().isEmpty() ? " and 1 = 0" : " and t.unit_code in (:villages)");
                if (!reach.villages().isEmpty()) {
                    params.put("villages", reach.villages());
                }
            }
        }
        return new DayFilter(sql.toString(), params);
    }

    /** Every department's rows of the period. */
    static DayFilter departments(CockpitScope.Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("first", period.from());
        params.put("last", period.to());
        return new DayFilter(
                " from appeal_day t where t.received_on between :first and :last and t.unit_kind = 'DEPT'", params);
    }
}
