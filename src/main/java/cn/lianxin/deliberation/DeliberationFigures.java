package cn.lianxin.deliberation;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 驾驶舱 figures of deliberation for the units a user may follow: where topics come from (the
 * seeds want at least 40% from citizens), whether notices ran on time, how many passed topics were
 * implemented, and which milestones are overdue now.
 */
@Service
public class DeliberationFigures {

    /** The seeds' target share of citizen-proposed topics. */
    public static final double CITIZEN_SHARE_TARGET = 0.4;

    /** The overdue milestones listed (the longest overdue); {@code overdueMilestones} counts them all. */
    static final int OVERDUE_LISTED = 50;

    record OverdueMilestone(String deliberationNo, String topic, String village, String milestone, Instant dueAt) {}

    record Figures(
            List<String> villages,
            long topics,
            Map<String, Long> byOrigin,
            Double citizenShare,
            boolean citizenShareMet,
            long notices,
            long noticesOnTime,
            Double noticesOnTimeRate,
            long passed,
            long implemented,
            Double implementationRate,
            long overdueMilestones,
            List<OverdueMilestone> overdue) {}

    private final JdbcClient jdbc;
    private final Units units;
    private final IdentityService identity;

    DeliberationFigures(JdbcClient jdbc, Units units, IdentityService identity) {
        this.jdbc = jdbc;
        this.units = units;
        this.identity = identity;
    }

    /** @param unit a village or a town the user may follow; {@code null}: everything they may follow */
    Figures figures(String unit) {
        Set<String> villages = scope(unit);
        if (villages.isEmpty()) {
            return new Figures(List.of(), 0, origins(Map.of()), null, false, 0, 0, null, 0, 0, null, 0, List.of());
        }
        Map<String, Object> in = Map.of("villages", villages);
        Map<String, Long> byOrigin = new LinkedHashMap<>();
        jdbc.sql("select origin, count(*) n from deliberation where village_code in (:villages) group by origin")
                .params(in)
                .query((rs, i) -> byOrigin.put(rs.getString("origin"), rs.getLong("n")))
                .list();
        long topics = byOrigin.values().stream().mapToLong(Long::longValue).sum();
        long citizen = byOrigin.getOrDefault(Origin.CITIZEN.name(), 0L);
        long notices = count(
                "select count(*) from deliberation_notice where village_code in (:villages)"
                        + " and kind in ('PLAN', 'RESULT')",
                in);
        long onTime = count(
                "select count(*) from deliberation_notice where village_code in (:villages)"
                        + " and kind in ('PLAN', 'RESULT') and on_time",
                in);
        long passed = count("select count(*) from deliberation where village_code in (:villages) and passed", in);
        long implemented = count(
                "select count(*) from deliberation where village_code in (:villages)" + " and status = 'IMPLEMENTED'",
                in);
        Map<String, Object> overdueParams = new LinkedHashMap<>(in);
        overdueParams.put("now", Rows.utc(EngineTime.now()));
        overdueParams.put("listed", OVERDUE_LISTED);
        String overdueRows = " from deliberation_milestone m join deliberation d"
                + " on d.deliberation_no = m.deliberation_no where d.village_code in (:villages)"
                + " and m.reported_at is null and m.due_at < :now";
        long overdueCount = count("select count(*)" + overdueRows, overdueParams);
        List<OverdueMilestone> overdue = jdbc.sql(
                        "select d.deliberation_no, d.title, d.village_code, m.title milestone," + " m.due_at"
                                + overdueRows + " order by m.due_at, m.id limit :listed")
                .params(overdueParams)
                .query((rs, i) -> new OverdueMilestone(
                        rs.getString(1),
                        rs.getString(2),
                        units.byCode(rs.getString(3)).map(Unit::name).orElse(rs.getString(3)),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        Double share = ratio(citizen, topics);
        return new Figures(
                List.copyOf(villages),
                topics,
                origins(byOrigin),
                share,
                share != null && share >= CITIZEN_SHARE_TARGET,
                notices,
                onTime,
                ratio(onTime, notices),
                passed,
                implemented,
                ratio(implemented, passed),
                overdueCount,
                overdue);
    }

    /** The deliberation figures of a period, as the cockpit shows them beside the appeal figures. */
    public record PeriodFigures(
            long topics,
            long citizenProposed,
            Double citizenShare,
            long notices,
            long noticesOnTime,
            Double noticesOnTimeRate,
            long passed,
            long implemented,
            Double implementationRate) {}

    /**
     * The topics raised in [start, end) and the notices (plan and result) opened then, of these villages
     * ({@code null}: every village); the caller has checked the reach. Two statements whatever the count.
     */
    public PeriodFigures ofPeriod(Collection<String> villages, Instant start, Instant end) {
        if (villages != null && villages.isEmpty()) {
            return new PeriodFigures(0, 0, null, 0, 0, null, 0, 0, null);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", Rows.utc(start));
        params.put("end", Rows.utc(end));
        String inVillages = "";
        if (villages != null) {
            params.put("villages", villages);
            inVillages = " and village_code in (:villages)";
        }
        long[] topicCounts = jdbc.sql(
                        "select count(*), coalesce(sum(case when origin = 'CITIZEN' then 1 else 0 end), 0),"
                                + " coalesce(sum(case when passed then 1 else 0 end), 0),"
                                + " coalesce(sum(case when status = 'IMPLEMENTED' then 1 else 0 end), 0)"
                                + " from deliberation where created_at >= :start and created_at < :end" + inVillages)
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        long topics = topicCounts[0];
        long citizen = topicCounts[1];
        long passed = topicCounts[2];
        long implemented = topicCounts[3];
        long[] noticeCounts = jdbc.sql("select count(*), coalesce(sum(case when on_time then 1 else 0 end), 0)"
                        + " from deliberation_notice where opens_at >= :start and opens_at < :end"
                        + " and kind in ('PLAN', 'RESULT')" + inVillages)
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long notices = noticeCounts[0];
        long onTime = noticeCounts[1];
        return new PeriodFigures(
                topics,
                citizen,
                ratio(citizen, topics),
                notices,
                onTime,
                ratio(onTime, notices),
                passed,
                implemented,
                ratio(implemented, passed));
    }

    private Set<String> scope(String unit) {
        Set<String> visible = units.villagesVisibleTo(
                CurrentUser.of(identity).map(CurrentUser::groupIds).orElse(List.of()));
        Collection<String> all = visible != null
                ? visible
                : units.all().stream()
                        .filter(u -> u.kind() == UnitKind.VILLAGE)
                        .map(Unit::code)
                        .toList();
        if (unit == null || unit.isBlank()) {
            if (visible != null && visible.isEmpty()) {
                throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
            }
            return new TreeSet<>(all);
        }
        Unit chosen = units.byCode(unit.trim())
                .filter(u -> u.kind() == UnitKind.VILLAGE || u.kind() == UnitKind.TOWN)
                .orElseThrow(
                        () -> ApiProblemException.invalid(List.of(new FieldError("unit", "应为村（社区）或镇的代码：" + unit))));
        Set<String> wanted = new TreeSet<>(
                chosen.kind() == UnitKind.VILLAGE
                        ? List.of(chosen.code())
                        : units.all().stream()
                                .filter(u -> u.kind() == UnitKind.VILLAGE
                                        && chosen.code().equals(u.parentCode()))
                                .map(Unit::code)
                                .toList());
        if (!all.containsAll(wanted)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return wanted;
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Map<String, Long> origins(Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (Origin origin : Origin.values()) {
            all.put(origin.name(), counts.getOrDefault(origin.name(), 0L));
        }
        return all;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
