package cn.lianxin.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * P4's baseline: the cockpit's main figures computed the way one would without {@code appeal_fact},
 * straight from Camunda's history of the {@code appeal} process, as SQL over {@code act_hi_procinst},
 * {@code act_hi_varinst} (the variables {@code villageCode}, {@code status}, {@code satisfaction}) and
 * {@code act_hi_taskinst} (due and end dates), with Camunda's own indexes. 受理量 = process instances
 * started in the period; 办结率 = those whose {@code status} is {@code CLOSED} ÷ 受理量; 按时办结率 =
 * closed ones none of whose tasks ended after its due date ÷ closed; 满意率 = (满意 + 基本满意) ÷ evaluated;
 * 超期件 = cases with an open task past its due date now, whenever received. The same definitions as the
 * cockpit's (docs/cockpit.md), so both must give the same numbers on the same cases.
 */
final class NaiveFigures {

    /** One unit's figures. */
    record Figures(long received, long closed, long closedOnTime, long evaluated, long satisfied, long red) {

        Figures plus(Figures o) {
            return new Figures(
                    received + o.received,
                    closed + o.closed,
                    closedOnTime + o.closedOnTime,
                    evaluated + o.evaluated,
                    satisfied + o.satisfied,
                    red + o.red);
        }

        /** As the cockpit shows them: counts and rates rounded to 4 places (null without a denominator). */
        Map<String, Object> shown() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intake", received);
            m.put("closedRate", ratio(closed, received));
            m.put("onTimeRate", ratio(closedOnTime, closed));
            m.put("satisfactionRate", ratio(satisfied, evaluated));
            m.put("red", red);
            return m;
        }
    }

    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

    private static final String PERIOD = "select vc.text_ village, count(*) received,"
            + " count(*) filter (where st.text_ = 'CLOSED') closed,"
            + " count(*) filter (where st.text_ = 'CLOSED' and not exists (select 1 from act_hi_taskinst t"
            + "   where t.proc_inst_id_ = p.id_ and t.due_date_ is not null and t.end_time_ > t.due_date_)) closed_on_time,"
            + " count(sa.text_) evaluated,"
            + " count(*) filter (where sa.text_ in ('SATISFIED', 'BASICALLY_SATISFIED')) satisfied"
            + " from act_hi_procinst p"
            + " join act_hi_varinst vc on vc.proc_inst_id_ = p.id_ and vc.name_ = 'villageCode'"
            + " left join act_hi_varinst st on st.proc_inst_id_ = p.id_ and st.name_ = 'status'"
            + " left join act_hi_varinst sa on sa.proc_inst_id_ = p.id_ and sa.name_ = 'satisfaction'"
            + " where p.proc_def_key_ = 'appeal' and p.start_time_ >= ? and p.start_time_ < ?"
            + "%s group by vc.text_";

    private static final String RED = "select vc.text_ village, count(distinct t.proc_inst_id_)"
            + " from act_hi_taskinst t"
            + " join act_hi_varinst vc on vc.proc_inst_id_ = t.proc_inst_id_ and vc.name_ = 'villageCode'"
            + " where t.proc_def_key_ = 'appeal' and t.end_time_ is null and t.due_date_ < localtimestamp"
            + "%s group by vc.text_";

    private NaiveFigures() {}

    /**
     * The figures per village of the villages given (null: every village) and the period [start, end):
     * two statements, the period's tallies and the cases red now.
     */
    static Map<String, Figures> perVillage(Connection c, List<String> villages, Instant start, Instant end)
            throws Exception {
        Map<String, Figures> figures = new TreeMap<>();
        String unit = villages == null ? "" : " and vc.text_ = any(?)";
        Array array = villages == null ? null : c.createArrayOf("varchar", villages.toArray());
        try (PreparedStatement s = c.prepareStatement(PERIOD.formatted(unit))) {
            s.setTimestamp(1, Timestamp.from(start));
            s.setTimestamp(2, Timestamp.from(end));
            if (array != null) {
                s.setArray(3, array);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    figures.merge(
                            rs.getString(1),
                            new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), 0),
                            Figures::plus);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(RED.formatted(unit))) {
            if (array != null) {
                s.setArray(1, array);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    figures.merge(rs.getString(1), new Figures(0, 0, 0, 0, 0, rs.getLong(2)), Figures::plus);
                }
            }
        }
        return figures;
    }

    /** The figures of the villages given (null: the county) together. */
    static Figures of(Connection c, List<String> villages, Instant start, Instant end) throws Exception {
        return perVillage(c, villages, start, end).values().stream().reduce(NONE, Figures::plus);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
