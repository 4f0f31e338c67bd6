package cn.lianxin.cockpit;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code from appeal_fact f … where …} of a unit and, optionally, a period, with its named
 * parameters: a village or a town reads its villages, a department the cases it took a part of,
 * the county every case.
 */
record FactFilter(String sql, Map<String, Object> params) {

    static FactFilter of(CockpitScope.Reach reach, CockpitScope.Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(" from appeal_fact f");
        if (reach.dept() != null) {
            sql.append(" join appeal_fact_dept d on d.tracking_no = f.tracking_no and d.dept_code = :dept");
            params.put("dept", reach.dept());
        }
        sql.append(" where 1 = 1");
        if (reach.villages() != null) {
            sql.append(reach.villages().isEmpty() ? " and 1 = 0" : " and f.village_code in (:villages)");
            if (!reach.villages().isEmpty()) {
                params.put("villages", reach.villages());
            }
        }
        if (period != null) {
            sql.append(" and f.received_at >= :start and f.received_at < :end");
            params.put("start", period.start().atOffset(ZoneOffset.UTC));
            params.put("end", period.end().atOffset(ZoneOffset.UTC));
        }
        return new FactFilter(sql.toString(), params);
    }

    /** The same filter with one more condition (and its parameter, if any). */
    FactFilter and(String condition, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        if (name != null) {
            more.put(name, value);
        }
        return new FactFilter(sql + " and " + condition, more);
    }

    /** The same filter with one more parameter, for a condition that takes two or for the statement's own. */
    FactFilter with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new FactFilter(sql, more);
    }
}
