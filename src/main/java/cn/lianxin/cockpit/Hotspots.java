package cn.lianxin.cockpit;

import cn.lianxin.appeal.Category;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 未诉先办: requests that keep coming back — at least {@code min} cases of one category at one place
 * of one village within the last {@code days} days — so that a leader deals with the cause before
 * the next resident has to ask. Read from the case facts' place keys (appeal/PlaceKey), most cases
 * first.
 */
@Component
class Hotspots {

    static final int DEFAULT_DAYS = 30;
    static final int DEFAULT_MIN = 3;

    /** The most hotspots one answer lists, and the most cases it names per hotspot. */
    static final int MAX_HOTSPOTS = 50;

    static final int MAX_CASES_NAMED = 20;

    /** A place's repeated requests; {@code place} as the latest of them wrote it. */
    record Hotspot(
            String villageCode,
            String villageName,
            String category,
            String categoryLabel,
            String place,
            String placeKey,
            long count,
            long open,
            long red,
            Instant first,
            Instant last,
            List<String> trackingNos) {

        /** The same hotspot with its case numbers fixed. */
        Hotspot settled() {
            return new Hotspot(
                    villageCode,
                    villageName,
                    category,
                    categoryLabel,
                    place,
                    placeKey,
                    count,
                    open,
                    red,
                    first,
                    last,
                    List.copyOf(trackingNos));
        }
    }

    private final JdbcClient jdbc;
    private final Units units;

    Hotspots(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** The hotspots of the unit in the 30 days up to {@code asOf}, of at least 3 cases each. */
    List<Hotspot> of(CockpitScope.Reach reach, Instant asOf) {
        return of(reach, asOf, DEFAULT_DAYS, DEFAULT_MIN);
    }

    List<Hotspot> of(CockpitScope.Reach reach, Instant asOf, int days, int min) {
        return clusters(reach, asOf, days, min, filter -> filter);
    }

    /**
     * The hotspot of one village, category and place, if it is one now: the same statement as the list,
     * narrowed to that place, so a hotspot beyond the list's limit is found too.
     */
    java.util.Optional<Hotspot> one(
            CockpitScope.Reach reach, Instant asOf, String village, String category, String placeKey) {
        return clusters(reach, asOf, DEFAULT_DAYS, DEFAULT_MIN, filter -> filter.and(
                                "f.village_code = :village", "village", village)
                        .and("f.category = :category", "category", category)
                        .and("f.place_key = :placeKey", "placeKey", placeKey))
                .stream()
                .findFirst();
    }

    private List<Hotspot> clusters(
            CockpitScope.Reach reach,
            Instant asOf,
            int days,
            int min,
            java.util.function.UnaryOperator<FactFilter> narrowed) {
        Instant start = asOf.minus(Duration.ofDays(days));
        CockpitScope.Period window = new CockpitScope.Period(
                LocalDate.ofInstant(start, CockpitScope.BEIJING),
                LocalDate.ofInstant(asOf, CockpitScope.BEIJING),
                start,
                asOf);
        FactFilter filter = narrowed.apply(FactFilter.of(reach, window))
                .and("f.place_key is not null", null, null)
                .with("min", min)
                .with("limit", MAX_HOTSPOTS);
        // the window's clusters of at least `min` cases, the biggest and latest first; then their cases,
        // newest first, in the same statement (no query per hotspot)
        String clusters = "select f.village_code, f.category, f.place_key, count(*) as n,"
                + " sum(case when f.status = 'OPEN' then 1 else 0 end) as open_n,"
                + " sum(case when f.status = 'OPEN' and f.light = 'RED' then 1 else 0 end) as red_n,"
                + " min(f.received_at) as first_at, max(f.received_at) as last_at"
                + filter.sql()
                + " group by f.village_code, f.category, f.place_key having count(*) >= :min"
                + " order by n desc, last_at desc, f.village_code, f.category, f.place_key limit :limit";
        String cases = "select h.village_code, h.category, h.place_key, h.n, h.open_n, h.red_n, h.first_at, h.last_at,"
                + " c.tracking_no, c.received_at, a.location"
                + " from (" + clusters + ") h"
                + " join appeal_fact c on c.village_code = h.village_code and c.category = h.category"
                + " and c.place_key = h.place_key and c.received_at >= :start and c.received_at < :end"
                + (reach.dept() == null
                        ? ""
                        : " and exists (select 1 from appeal_fact_dept cd where cd.tracking_no = c.tracking_no"
                                + " and cd.dept_code = :dept)")
                + " join appeal a on a.tracking_no = c.tracking_no"
                + " order by h.n desc, h.last_at desc, h.village_code, h.category, h.place_key, c.received_at desc,"
                + " c.tracking_no desc";
        // the rows come cluster by cluster: a new cluster starts where the key changes
        Map<String, Hotspot> hotspots = new LinkedHashMap<>();
        jdbc.sql(cases).params(filter.params()).query(rs -> {
            String village = rs.getString(1);
            String category = rs.getString(2);
            String placeKey = rs.getString(3);
            Hotspot hotspot = hotspots.get(village + "\u0000" + category + "\u0000" + placeKey);
            if (hotspot == null) {
                hotspot = new Hotspot(
                        village,
                        units.byCode(village).map(Unit::name).orElse(village),
                        category,
                        Category.ofCode(category).map(Category::label).orElse(category),
                        rs.getString(11),
                        placeKey,
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        new ArrayList<>());
                hotspots.put(village + "\u0000" + category + "\u0000" + placeKey, hotspot);
            }
            if (hotspot.trackingNos().size() < MAX_CASES_NAMED) {
                hotspot.trackingNos().add(rs.getString(9));
            }
        });
        return hotspots.values().stream().map(Hotspot::settled).toList();
    }
}
