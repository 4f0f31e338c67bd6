package cn.lianxin.service;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.service.ListKinds.ProviderKind;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 驾驶舱 figures of the service orders (群众点单) of some villages and a period, read from the order rows in a
 * constant number of statements (six) whatever the number of orders: orders placed by status and by the kind
 * of provider ordered, the time members take to accept, the residents' evaluations, and the members active and
 * hours served per village. The caller has checked who may see which villages.
 */
@Service
public class OrderFigures {

    /** The category of an order placed without the menu: a need the resident described. */
    static final String OWN_NEED = "OWN_NEED";

    /** The category of an order placed without the menu, as shown. */
    static final String OWN_NEED_LABEL = "自述需求（未从资源清单点单）";

    /** A count of orders under a key, with its Chinese label. */
    public record Count(String key, String label, long count) {}

    /** A share of the evaluated orders ({@code share} null when none was evaluated). */
    public record Share(String key, String label, long count, @JsonInclude(Include.ALWAYS) Double share) {}

    /** The time from dispatch to acceptance, in hours (null when no order was accepted). */
    public record Acceptance(
            long accepted,
            @JsonInclude(Include.ALWAYS) Double medianHours,
            @JsonInclude(Include.ALWAYS) Double averageHours,
            String definition) {}

    /** The evaluations of the orders closed in the period. */
    public record Evaluations(long closed, long evaluated, long unevaluated, List<Share> shares, String definition) {}

    /** One village's members who served and the hours they served. */
    public record VillageService(String code, String name, long orders, long activeMembers, double hours) {}

    /** What the members of the villages did in the period. */
    public record MembersServing(
            long orders, long activeMembers, double hours, List<VillageService> villages, String definition) {}

    /** The figures of the period. */
    public record Figures(
            long placed,
            List<Count> byStatus,
            String byStatusDefinition,
            List<Count> byCategory,
            String byCategoryDefinition,
            Acceptance acceptance,
            Evaluations satisfaction,
            MembersServing service) {}

    static final String PLACED_DEFINITION = "本期（北京时间）内群众点单（含网格员代为登记）的订单，按当前状态统计";
    static final String CATEGORY_DEFINITION = "本期点单按所点资源清单项目的提供方类别统计；未从资源清单点单的计为自述需求";
    static final String ACCEPTANCE_DEFINITION = "本期内党员接单的订单，从（最后一次）支部派单到党员接单的时长，取中位数和平均值（小时）";
    static final String SATISFACTION_DEFINITION = "本期内办结的订单中群众评价满意、基本满意、不满意的占比；超过评价时限未评价而自动办结的计为未评价，不计入占比";
    static final String SERVICE_DEFINITION = "本期内完成上门服务的订单：服务过至少一单的党员人数（活跃党员）和登记的服务时长合计（小时）";

    private final JdbcClient jdbc;
    private final Units units;

    OrderFigures(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The orders of these villages ({@code null}: every village) and the period [start, end): placed, accepted,
     * closed and served in it.
     */
    public Figures ofPeriod(Collection<String> villages, Instant start, Instant end) {
        Set<String> shown = new TreeSet<>(
                villages != null
                        ? villages
                        : units.all().stream()
                                .filter(u -> u.kind() == UnitKind.VILLAGE)
                                .map(Unit::code)
                                .toList());
        if (shown.isEmpty()) {
            return figures(
                    Map.of(),
                    Map.of(),
                    new Acceptance(0, null, null, ACCEPTANCE_DEFINITION),
                    Map.of(),
                    shown,
                    Map.of(),
                    0);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("villages", shown);
        params.put("start", start.atOffset(ZoneOffset.UTC));
        params.put("end", end.atOffset(ZoneOffset.UTC));

        Map<String, Long> byStatus = counts(
                "select o.status, count(*) from service_order o where o.village_code in (:villages)"
                        + " and o.created_at >= :start and o.created_at < :end group by o.status",
                params);
        Map<String, Long> byCategory = counts(
                "select r.provider_kind, count(*) from service_order o"
                        + " left join village_resource r on r.id = o.resource_id"
                        + " where o.village_code in (:villages) and o.created_at >= :start and o.created_at < :end"
                        + " group by r.provider_kind",
                params);
        Acceptance acceptance = jdbc.sql("select count(*), avg(o.accept_seconds),"
                        + " percentile_cont(0.5) within group (order by o.accept_seconds)"
                        + " from service_order o where o.village_code in (:villages)"
                        + " and o.accepted_at >= :start and o.accepted_at < :end and o.accept_seconds is not null")
                .params(params)
                .query((rs, i) -> {
                    long accepted = rs.getLong(1);
                    return new Acceptance(
                            accepted,
                            accepted == 0 ? null : hours(rs.getDouble(3)),
                            accepted == 0 ? null : hours(rs.getDouble(2)),
                            ACCEPTANCE_DEFINITION);
                })
                .single();
        Map<String, Long> bySatisfaction = counts(
                "select o.satisfaction, count(*) from service_order o where o.village_code in (:villages)"
                        + " and o.status = 'CLOSED' and o.closed_at >= :start and o.closed_at < :end"
                        + " group by o.satisfaction",
                params);
        Map<String, long[]> served = new HashMap<>();
        jdbc.sql("select o.village_code, count(*), count(distinct o.member_id), coalesce(sum(o.minutes_served), 0)"
                        + " from service_order o where o.village_code in (:villages)"
                        + " and o.served_at >= :start and o.served_at < :end group by o.village_code")
                .params(params)
                .query((rs, i) -> served.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        // a member serves in the village they registered with, but one who moved may have served in two
        long activeMembers = jdbc.sql("select count(distinct o.member_id) from service_order o"
                        + " where o.village_code in (:villages) and o.served_at >= :start and o.served_at < :end")
                .params(params)
                .query(Long.class)
                .single();
        return figures(byStatus, byCategory, acceptance, bySatisfaction, shown, served, activeMembers);
    }

    private Figures figures(
            Map<String, Long> byStatus,
            Map<String, Long> byCategory,
            Acceptance acceptance,
            Map<String, Long> bySatisfaction,
            Set<String> villages,
            Map<String, long[]> served,
            long activeMembers) {
        List<Count> statuses = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            statuses.add(new Count(status.name(), status.label(), byStatus.getOrDefault(status.name(), 0L)));
        }
        List<Count> categories = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            categories.add(new Count(kind.name(), kind.label, byCategory.getOrDefault(kind.name(), 0L)));
        }
        categories.add(new Count(OWN_NEED, OWN_NEED_LABEL, byCategory.getOrDefault(null, 0L)));

        long unevaluated = bySatisfaction.getOrDefault(null, 0L);
        long evaluated = bySatisfaction.entrySet().stream()
                .filter(e -> e.getKey() != null)
                .mapToLong(Map.Entry::getValue)
                .sum();
        List<Share> shares = new ArrayList<>();
        for (Satisfaction satisfaction : Satisfaction.values()) {
            long n = bySatisfaction.getOrDefault(satisfaction.name(), 0L);
            shares.add(new Share(
                    satisfaction.name(),
                    satisfaction.label(),
                    n,
                    evaluated == 0 ? null : Math.round(n * 10000.0 / evaluated) / 10000.0));
        }

        List<VillageService> rows = new ArrayList<>();
        long orders = 0;
        long minutes = 0;
        for (String code : villages) {
            long[] v = served.getOrDefault(code, new long[3]);
            orders += v[0];
            minutes += v[2];
            rows.add(new VillageService(
                    code, units.byCode(code).map(Unit::name).orElse(code), v[0], v[1], hoursOfMinutes(v[2])));
        }
        long placed = statuses.stream().mapToLong(Count::count).sum();
        return new Figures(
                placed,
                statuses,
                PLACED_DEFINITION,
                categories,
                CATEGORY_DEFINITION,
                acceptance,
                new Evaluations(evaluated + unevaluated, evaluated, unevaluated, shares, SATISFACTION_DEFINITION),
                new MembersServing(orders, activeMembers, hoursOfMinutes(minutes), rows, SERVICE_DEFINITION));
    }

    /** An order behind a figure, as the cockpit lists it: no resident, no member. */
    public record PlacedOrder(
            String orderNo,
            String villageCode,
            String villageName,
            String status,
            String statusLabel,
            String category,
            String categoryLabel,
            Instant createdAt) {}

    /**
     * The orders behind {@code placed}, {@code byStatus} and {@code byCategory}: those of these villages
     * ({@code null}: every village) placed in [start, end), optionally of one status and one category
     * ({@code OWN_NEED}: not from the menu), newest first, after the order {@code before} (keyset), at most
     * {@code fetch}. An unknown status or category is a 400 naming it.
     */
    public List<PlacedOrder> placed(
            Collection<String> villages,
            Instant start,
            Instant end,
            String status,
            String category,
            String before,
            int fetch) {
        List<FieldError> problems = new ArrayList<>();
        String wantedStatus = blank(status) ? null : status.trim();
        if (wantedStatus != null
                && Arrays.stream(OrderStatus.values()).noneMatch(v -> v.name().equals(wantedStatus))) {
            problems.add(new FieldError("status", "应为 " + Arrays.toString(OrderStatus.values()) + " 之一"));
        }
        String wantedCategory = blank(category) ? null : category.trim();
        if (wantedCategory != null
                && !OWN_NEED.equals(wantedCategory)
                && Arrays.stream(ProviderKind.values()).noneMatch(v -> v.name().equals(wantedCategory))) {
            problems.add(new FieldError(
                    "category", "应为 " + Arrays.toString(ProviderKind.values()) + " 或 " + OWN_NEED + " 之一"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select o.order_no, o.village_code, o.status, r.provider_kind,"
                + " o.created_at from service_order o left join village_resource r on r.id = o.resource_id"
                + " where o.created_at >= :start and o.created_at < :end");
        params.put("start", start.atOffset(ZoneOffset.UTC));
        params.put("end", end.atOffset(ZoneOffset.UTC));
        if (villages != null) {
            if (villages.isEmpty()) {
                return List.of();
            }
            sql.append(" and o.village_code in (:villages)");
            params.put("villages", villages);
        }
        if (wantedStatus != null) {
            sql.append(" and o.status = :status");
            params.put("status", wantedStatus);
        }
        if (OWN_NEED.equals(wantedCategory)) {
            sql.append(" and o.resource_id is null");
        } else if (wantedCategory != null) {
            sql.append(" and r.provider_kind = :kind");
            params.put("kind", wantedCategory);
        }
        if (!blank(before)) {
            sql.append(" and (o.created_at, o.order_no)"
                    + " < (select b.created_at, b.order_no from service_order b where b.order_no = :before)");
            params.put("before", before.trim());
        }
        sql.append(" order by o.created_at desc, o.order_no desc limit :fetch");
        params.put("fetch", fetch);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> {
                    OrderStatus orderStatus = OrderStatus.valueOf(rs.getString(3));
                    String kind = rs.getString(4);
                    return new PlacedOrder(
                            rs.getString(1),
                            rs.getString(2),
                            units.byCode(rs.getString(2)).map(Unit::name).orElse(rs.getString(2)),
                            orderStatus.name(),
                            orderStatus.label(),
                            kind == null ? OWN_NEED : kind,
                            kind == null ? OWN_NEED_LABEL : ProviderKind.valueOf(kind).label,
                            rs.getTimestamp(5).toInstant());
                })
                .list();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Counts by the first column (which may be null). */
    private Map<String, Long> counts(String sql, Map<String, Object> params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Seconds as hours, to one decimal. */
    private static double hours(double seconds) {
        return Math.round(seconds / 360.0) / 10.0;
    }

    private static double hoursOfMinutes(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }
}
