package cn.lianxin.cockpit;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 红黑榜: a unit's children (the county's towns and departments, a town's villages) ranked by one
 * figure, best first — the highest 按时办结率 or 满意率, the fewest 超期件. A unit without a value (no
 * denominator) comes last, unranked. At most four statements whatever the number of units or cases:
 * the period's tallies from the daily roll-ups (appeal/DailyTallies) and the open red cases now from the
 * facts, grouped by village and by department.
 */
@Service
class CockpitRankings {

    /** The figures units are ranked by. */
    enum By {
        onTimeRate(Measure.ON_TIME_RATE),
        satisfactionRate(Measure.SATISFACTION_RATE),
        red(Measure.RED);

        private final Measure measure;

        By(Measure measure) {
            this.measure = measure;
        }

        static By of(String value) {
            for (By by : values()) {
                if (by.name().equals(value == null ? null : value.trim())) {
                    return by;
                }
            }
            throw ApiProblemException.invalid(
                    List.of(new FieldError("by", "应为 onTimeRate（按时办结率）、satisfactionRate（满意率）或 red（超期件）")));
        }
    }

    /** A unit's value and rank; both {@code null} (shown as such) when the unit has no value. */
    record Item(
            CockpitFigures.UnitView unit,
            @JsonInclude(Include.ALWAYS) Number value,
            @JsonInclude(Include.ALWAYS) Integer rank) {}

    record Ranking(String by, String label, String format, String definition, List<Item> items) {}

    /** One village's or department's tallies. */
    private record Tally(long closed, long closedOnTime, long evaluated, long satisfied, long red) {
        Tally plus(Tally other) {
            return new Tally(
                    closed + other.closed,
                    closedOnTime + other.closedOnTime,
                    evaluated + other.evaluated,
                    satisfied + other.satisfied,
                    red + other.red);
        }
    }

    private static final Tally NONE = new Tally(0, 0, 0, 0, 0);

    private final JdbcClient jdbc;
    private final CockpitScope scope;

    CockpitRankings(JdbcClient jdbc, CockpitScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    Ranking of(CockpitScope.Reach parent, CockpitScope.Period period, By by) {
        List<CockpitScope.Reach> children = scope.children(parent);
        Map<String, Tally> byVillage = Map.of();
        Map<String, Tally> byDept = Map.of();
        if (children.stream().anyMatch(child -> child.dept() == null)) {
            byVillage = tallies("f.village_code", "", DayFilter.of("appeal_day", parent, period), parent);
        }
        if (children.stream().anyMatch(child -> child.dept() != null)) {
            byDept = tallies(
                    "d.dept_code",
                    " join appeal_fact_dept d on d.tracking_no = f.tracking_no",
                    DayFilter.departments(period),
                    parent);
        }
        List<Item> unranked = new ArrayList<>();
        for (CockpitScope.Reach child : children) {
            Tally tally = NONE;
            if (child.dept() != null) {
                tally = byDept.getOrDefault(child.dept(), NONE);
            } else {
                for (String village : child.villages()) {
                    tally = tally.plus(byVillage.getOrDefault(village, NONE));
                }
            }
            unranked.add(new Item(CockpitFigures.UnitView.of(child.unit()), valueOf(tally, by), null));
        }
        return new Ranking(
                by.name(), by.measure.label(), by.measure.format(), by.measure.definition(), ranked(unranked, by));
    }

    /** Best first; equal values share a rank (1, 2, 2, 4); no value: last, without a rank. */
    private static List<Item> ranked(List<Item> items, By by) {
        Function<Item, Double> value =
                item -> item.value() == null ? null : item.value().doubleValue();
        Comparator<Double> better = by == By.red ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(value, Comparator.nullsLast(better)));
        List<Item> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Item item = sorted.get(i);
            Integer rank = null;
            if (item.value() != null) {
                rank = i > 0
                                && item.value().doubleValue()
                                        == sorted.get(i - 1).value().doubleValue()
                        ? ranked.get(i - 1).rank()
                        : i + 1;
            }
            ranked.add(new Item(item.unit(), item.value(), rank));
        }
        return ranked;
    }

    private static Number valueOf(Tally tally, By by) {
        return switch (by) {
            case onTimeRate -> CockpitFigures.ratio(tally.closedOnTime(), tally.closed());
            case satisfactionRate -> CockpitFigures.ratio(tally.satisfied(), tally.evaluated());
            case red -> tally.red();
        };
    }

    /**
     * The period's tallies, by village or by department from their roll-up rows, and the red cases now,
     * grouped by the facts' village or department column.
     */
    private Map<String, Tally> tallies(String key, String join, DayFilter inPeriod, CockpitScope.Reach parent) {
        Map<String, Tally> tallies = new HashMap<>();
        jdbc.sql("select t.unit_code, coalesce(sum(t.closed), 0), coalesce(sum(t.closed_on_time), 0),"
                        + " coalesce(sum(t.evaluated), 0), coalesce(sum(t.satisfied), 0)" + inPeriod.sql()
                        + " group by t.unit_code")
                .params(inPeriod.params())
                .query((rs, i) -> tallies.put(
                        rs.getString(1), new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), 0)))
                .list();
        FactFilter redNow =
                withJoin(FactFilter.of(parent, null), join).and("f.status = 'OPEN' and f.light = 'RED'", null, null);
        jdbc.sql("select " + key + ", count(*)" + redNow.sql() + " group by " + key)
                .params(redNow.params())
                .query((rs, i) -> tallies.merge(rs.getString(1), new Tally(0, 0, 0, 0, rs.getLong(2)), Tally::plus))
                .list();
        return tallies;
    }

    /** The county's departments: every case a department took a part of, once per department. */
    private static FactFilter withJoin(FactFilter filter, String join) {
        return join.isEmpty()
                ? filter
                : new FactFilter(
                        filter.sql().replace(" from appeal_fact f", " from appeal_fact f" + join), filter.params());
    }
}
