package cn.lianxin.cockpit;

import cn.lianxin.appeal.AppealStatus;
import cn.lianxin.appeal.Category;
import cn.lianxin.appeal.Channel;
import cn.lianxin.appeal.Path;
import cn.lianxin.deliberation.DeliberationFigures;
import cn.lianxin.identity.Unit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of one unit and period. A constant number of statements whatever the number of cases: the
 * period's tallies and its counts by channel, category and path summed from the daily roll-ups (one row
 * per Beijing day and village or department, appeal/DailyTallies — a year is a few thousand rows, not
 * every case), the top return reasons from the same roll-ups, the open red and yellow cases now from the
 * facts through their index, and the deliberation figures.
 */
@Service
class CockpitFigures {

    /** How many return reasons are listed, the most frequent first. */
    static final int TOP_REASONS = 5;

    record UnitView(String code, String name, String kind) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.code(), unit.name(), unit.kind().name());
        }
    }

    record Figure(
            String key,
            String label,
            @JsonInclude(Include.ALWAYS) Number value,
            String format,
            String definition,
            String cases) {}

    record Count(String key, String label, long count) {}

    record Share(String key, String label, long count, @JsonInclude(Include.ALWAYS) Double share) {}

    record ReasonCount(String reason, long count) {}

    record DeliberationFigure(
            String key, String label, @JsonInclude(Include.ALWAYS) Number value, String format, String definition) {}

    record Figures(
            UnitView unit,
            LocalDate from,
            LocalDate to,
            List<Figure> figures,
            List<Count> byChannel,
            List<Count> byCategory,
            List<Share> paths,
            List<ReasonCount> returnReasons,
            List<Count> supervision,
            List<DeliberationFigure> deliberation) {}

    /** The period's tallies of one unit. */
    private record Tally(
            long received,
            long respondedInTime,
            long closed,
            long closedOnTime,
            Double avgWorkingDays,
            long evaluated,
            long satisfied,
            long reopened,
            long closedOnce,
            long returned,
            long supervised,
            long supervisedClosed,
            long supervisedOpen) {}

    private final JdbcClient jdbc;
    private final DeliberationFigures deliberation;

    CockpitFigures(JdbcClient jdbc, DeliberationFigures deliberation) {
        this.jdbc = jdbc;
        this.deliberation = deliberation;
    }

    Figures of(CockpitScope.Reach reach, CockpitScope.Period period) {
        Tally tally = tally(DayFilter.of("appeal_day", reach, period));
        Map<String, Long> openLights = openLights(FactFilter.of(reach, null));
        String cases =
                "/api/cockpit/cases?unit=" + reach.unit().code() + "&from=" + period.from() + "&to=" + period.to();
        String casesNow = "/api/cockpit/cases?unit=" + reach.unit().code() + "&status=OPEN";
        List<Figure> figures = List.of(
                figure(Measure.INTAKE, tally.received(), cases),
                figure(Measure.RESPONSE_ON_TIME_RATE, ratio(tally.respondedInTime(), tally.received()), cases),
                figure(Measure.ON_TIME_RATE, ratio(tally.closedOnTime(), tally.closed()), cases + "&status=CLOSED"),
                figure(Measure.CLOSED_RATE, ratio(tally.closed(), tally.received()), cases + "&status=CLOSED"),
                figure(Measure.RED, openLights.getOrDefault("RED", 0L), casesNow + "&light=RED"),
                figure(Measure.YELLOW, openLights.getOrDefault("YELLOW", 0L), casesNow + "&light=YELLOW"),
                figure(Measure.AVG_WORKING_DAYS, tally.avgWorkingDays(), cases + "&status=CLOSED"),
                figure(
                        Measure.SATISFACTION_RATE,
                        ratio(tally.satisfied(), tally.evaluated()),
                        cases + "&mark=EVALUATED"),
                figure(Measure.REOPEN_RATE, ratio(tally.reopened(), tally.closedOnce()), cases + "&mark=REOPENED"),
                figure(Measure.RETURN_RATE, ratio(tally.returned(), tally.received()), cases + "&status=RETURNED"),
                figure(Measure.SUPERVISED, tally.supervised(), cases + "&mark=SUPERVISED"));
        Map<String, Long> byChannel = new HashMap<>();
        Map<String, Long> byCategory = new HashMap<>();
        Map<String, Long> byPath = new HashMap<>();
        Map<String, Map<String, Long>> byDimension =
                Map.of("CHANNEL", byChannel, "CATEGORY", byCategory, "PATH", byPath);
        DayFilter counts = DayFilter.of("appeal_day_count", reach, period);
        jdbc.sql("select t.dimension, t.item, sum(t.cases)" + counts.sql()
                        + " and t.dimension <> 'REASON' group by t.dimension, t.item")
                .params(counts.params())
                .query((rs, i) -> byDimension.get(rs.getString(1)).merge(rs.getString(2), rs.getLong(3), Long::sum))
                .list();
        List<Count> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            channels.add(new Count(channel.name(), channel.label(), byChannel.getOrDefault(channel.name(), 0L)));
        }
        List<Count> categories = new ArrayList<>();
        for (Category category : Category.values()) {
            categories.add(new Count(category.code(), category.label(), byCategory.getOrDefault(category.code(), 0L)));
        }
        List<Share> paths = new ArrayList<>();
        for (Path path : Path.values()) {
            long n = byPath.getOrDefault(path.name(), 0L);
            paths.add(new Share(path.name(), path.label(), n, ratio(n, tally.received())));
        }
        // the reasons told on the period's returned cases, from the roll-ups (a reason a rebuild left at 0 is none)
        DayFilter reasonCounts = DayFilter.of("appeal_day_count", reach, period);
        List<ReasonCount> reasons = jdbc.sql("select t.item, sum(t.cases) n" + reasonCounts.sql()
                        + " and t.dimension = 'REASON' group by t.item having sum(t.cases) > 0"
                        + " order by n desc, t.item limit " + TOP_REASONS)
                .params(reasonCounts.params())
                .query((rs, i) -> new ReasonCount(rs.getString(1), rs.getLong(2)))
                .list();
        List<Count> supervision = List.of(
                new Count("supervised", "督办件", tally.supervised()),
                new Count("supervisedClosed", "督办后已办结", tally.supervisedClosed()),
                new Count("supervisedOpen", "督办中仍在办理", tally.supervisedOpen()),
                new Count(
                        "supervisedEndedOtherwise",
                        "督办后退回或撤回",
                        tally.supervised() - tally.supervisedClosed() - tally.supervisedOpen()));
        return new Figures(
                UnitView.of(reach.unit()),
                period.from(),
                period.to(),
                figures,
                channels,
                categories,
                paths,
                reasons,
                supervision,
                deliberation(reach, period));
    }

    /** The period's tallies: the sums of its days' roll-up rows. */
    private Tally tally(DayFilter filter) {
        return jdbc.sql("select coalesce(sum(t.received), 0), coalesce(sum(t.responded_in_time), 0),"
                        + " coalesce(sum(t.closed), 0), coalesce(sum(t.closed_on_time), 0),"
                        + " coalesce(sum(t.closed_days_sum), 0), coalesce(sum(t.closed_days_count), 0),"
                        + " coalesce(sum(t.evaluated), 0), coalesce(sum(t.satisfied), 0), coalesce(sum(t.reopened), 0),"
                        + " coalesce(sum(t.closed_once), 0), coalesce(sum(t.returned), 0),"
                        + " coalesce(sum(t.supervised), 0), coalesce(sum(t.supervised_closed), 0),"
                        + " coalesce(sum(t.supervised_open), 0)"
                        + filter.sql())
                .params(filter.params())
                .query((rs, i) -> {
                    long daysSum = rs.getLong(5);
                    long daysCount = rs.getLong(6);
                    // the mean of whole working days as PostgreSQL's avg over doubles gave it: sum ÷ count
                    Double avgWorkingDays =
                            daysCount == 0 ? null : Math.round((double) daysSum / daysCount * 10) / 10.0;
                    return new Tally(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            avgWorkingDays,
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getLong(10),
                            rs.getLong(11),
                            rs.getLong(12),
                            rs.getLong(13),
                            rs.getLong(14));
                })
                .single();
    }

    /** The cases open now by light, whenever they came in. */
    private Map<String, Long> openLights(FactFilter unitOnly) {
        Map<String, Long> lights = new HashMap<>();
        FactFilter open = unitOnly.and("f.status = :open", "open", AppealStatus.OPEN.name())
                .and("f.light in ('RED', 'YELLOW')", null, null);
        jdbc.sql("select f.light, count(*)" + open.sql() + " group by f.light")
                .params(open.params())
                .query((rs, i) -> lights.put(rs.getString(1), rs.getLong(2)))
                .list();
        return lights;
    }

    private List<DeliberationFigure> deliberation(CockpitScope.Reach reach, CockpitScope.Period period) {
        DeliberationFigures.PeriodFigures figures = deliberation.ofPeriod(
                reach.dept() != null ? List.of() : reach.villages(), period.start(), period.end());
        return List.of(
                new DeliberationFigure("topics", "议题数", figures.topics(), "count", "本期提出（登记）的议题数"),
                new DeliberationFigure(
                        "citizenShare",
                        "群众提议占比",
                        figures.citizenShare(),
                        "percent",
                        "本期议题中由群众提出的占比（目标 ≥ " + Math.round(DeliberationFigures.CITIZEN_SHARE_TARGET * 100) + "%）"),
                new DeliberationFigure(
                        "noticesOnTimeRate",
                        "按时公示率",
                        figures.noticesOnTimeRate(),
                        "percent",
                        "本期发布的协商前公示和结果公示中按时发布的占比"),
                new DeliberationFigure(
                        "ledgerCompletionRate",
                        "台账完成率",
                        figures.implementationRate(),
                        "percent",
                        "本期议题中表决通过的，现已落实完成（台账销号）的占比"));
    }

    private static Figure figure(Measure measure, Number value, String cases) {
        return new Figure(measure.key(), measure.label(), value, measure.format(), measure.definition(), cases);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
