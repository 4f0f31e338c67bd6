package cn.lianxin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * P4, the cockpit's speed: at each number of cases ({@link ManyCases} seeds them), the leader's
 * dashboard figures and rankings over HTTP, one client, request after request, and next to each the
 * same figures computed the naive way over Camunda's history ({@link NaiveFigures}) by JDBC, timed the
 * same way in the same run. Both must give the same numbers: the run compares them.
 */
final class CockpitSpeed {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The villages of the demo world's towns, as the cockpit reaches them. */
    static final Map<String, List<String>> TOWNS = Map.of("t01", List.of("v0101", "v0102"), "t02", List.of("v0201"));

    /**
     * One kind of request: the platform's path, and the villages (null: the county) and period the naive
     * baseline computes for it; a ranking compares the county's towns.
     */
    record Request(String name, String path, List<String> villages, LocalDate from, LocalDate to, boolean ranking) {
        Instant start() {
            return from.atStartOfDay(BEIJING).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(BEIJING).toInstant();
        }
    }

    /** The requests measured, for a run on {@code today} (Beijing). */
    static List<Request> requests(LocalDate today) {
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        LocalDate lastMonthEnd = lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
        // the longest period the cockpit takes: 366 days between from and to
        LocalDate yearAgo = today.minusDays(365);
        List<Request> requests = new ArrayList<>();
        requests.add(figures("county, last month", "c01", null, lastMonth, lastMonthEnd));
        requests.add(figures("county, 12 months", "c01", null, yearAgo, today));
        requests.add(figures("town t01, 12 months", "t01", TOWNS.get("t01"), yearAgo, today));
        requests.add(figures("village v0101, 12 months", "v0101", List.of("v0101"), yearAgo, today));
        for (String by : List.of("onTimeRate", "satisfactionRate", "red")) {
            requests.add(new Request(
                    "rankings by " + by + ", county, 12 months",
                    "/api/cockpit/rankings?unit=c01&from=" + yearAgo + "&to=" + today + "&by=" + by,
                    null,
                    yearAgo,
                    today,
                    true));
        }
        return requests;
    }

    private static Request figures(String name, String unit, List<String> villages, LocalDate from, LocalDate to) {
        return new Request(
                "figures " + name,
                "/api/cockpit/figures?unit=" + unit + "&from=" + from + "&to=" + to,
                villages,
                from,
                to,
                false);
    }

    private final Postgres postgres;
    private final Http http;
    private final Probe probe;
    private final Duration warmUp;
    private final Duration window;

    CockpitSpeed(Postgres postgres, Http http, Probe probe, Duration warmUp, Duration window) {
        this.postgres = postgres;
        this.http = http;
        this.probe = probe;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** Seeds up to each number of cases in turn and measures at each. */
    Map<String, Object> run(List<Long> sizes) throws Exception {
        Map<String, Object> p4 = new LinkedHashMap<>();
        for (long size : sizes) {
            p4.put(String.valueOf(size), atSize(size));
        }
        return p4;
    }

    private Map<String, Object> atSize(long size) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (Connection c = postgres.connect("lianxin")) {
            Map<String, Object> seeded = ManyCases.seedUpTo(c, size);
            r.put("seeded", seeded);
            System.out.println("  P4 seeded: " + seeded);
            r.put("appealFacts", TimerStorm.scalar(c, "select count(*) from appeal_fact"));
        }
        LocalDate today = LocalDate.now(BEIJING);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = postgres.connect("lianxin")) {
            for (Request request : requests(today)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("request", request.name());
                row.put("path", request.path());
                row.put("platform", platform(request));
                // the rankings' baseline is one query for all three (every figure of every village)
                if (!request.ranking() || request.path().endsWith("by=onTimeRate")) {
                    row.put("naive", naive(c, request));
                }
                row.put("check", check(c, request, (JsonNode) ((Map<?, ?>) row.get("platform")).remove("lastAnswer")));
                rows.add(row);
                System.out.println("  " + line(size, row));
            }
        }
        r.put("requests", rows);
        return r;
    }

    /** The platform over HTTP as the leader: warm-up, then the window (at least 5 requests). */
    private Map<String, Object> platform(Request request) {
        Map<String, Object> r = new LinkedHashMap<>();
        ConcurrentHistogram latency = Latency.histogram();
        int errors = 0;
        Http.Answer last = null;
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        int warmRequests = 0;
        while (warmRequests < 2 || System.nanoTime() < warmUntil) {
            last = http.get(request.path(), "leader");
            errors += last.is(200) ? 0 : 1;
            warmRequests++;
        }
        Map<String, Object> before = probe.before();
        long t0 = System.nanoTime();
        long end = t0 + window.toNanos();
        while (latency.getTotalCount() < 5 || System.nanoTime() < end) {
            long start = System.nanoTime();
            last = http.get(request.path(), "leader");
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            errors += last.is(200) ? 0 : 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        r.put("warmUpRequests", warmRequests);
        r.put("requests", latency.getTotalCount());
        r.put("errors", errors);
        r.put("latency", Latency.of(latency));
        r.put("measured", probe.after(before, latency.getTotalCount(), seconds));
        r.put("lastAnswer", last.body());
        if (!last.is(200)) {
            throw last.unexpected(request.path());
        }
        return r;
    }

    /** The naive query by JDBC: one warm-up execution, then the window (at least 3 executions). */
    private Map<String, Object> naive(Connection c, Request request) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        ConcurrentHistogram latency = Latency.histogram();
        long w0 = System.nanoTime();
        compute(c, request);
        r.put("warmUpSeconds", Math.round((System.nanoTime() - w0) / 1e7) / 100.0);
        long end = System.nanoTime() + window.toNanos();
        while (latency.getTotalCount() < 3 || System.nanoTime() < end) {
            long start = System.nanoTime();
            compute(c, request);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
        }
        r.put("requests", latency.getTotalCount());
        r.put("latency", Latency.of(latency));
        return r;
    }

    private static Object compute(Connection c, Request request) throws Exception {
        return request.ranking()
                ? NaiveFigures.perVillage(c, null, request.start(), request.end())
                : NaiveFigures.of(c, request.villages(), request.start(), request.end());
    }

    /**
     * The platform's answer against the naive figures: for a unit's figures 受理量, 办结率, 按时办结率, 满意率
     * and 超期件; for a ranking each town's value.
     */
    private static Map<String, Object> check(Connection c, Request request, JsonNode answer) throws Exception {
        Map<String, Object> check = new LinkedHashMap<>();
        Map<String, Object> platform = new LinkedHashMap<>();
        Map<String, Object> naive = new LinkedHashMap<>();
        if (request.ranking()) {
            Map<String, NaiveFigures.Figures> villages = NaiveFigures.perVillage(c, null, request.start(), request.end());
            String by = answer.path("by").asText();
            for (JsonNode item : answer.path("items")) {
                String unit = item.path("unit").path("code").asText();
                if (TOWNS.containsKey(unit)) {
                    platform.put(unit, number(item.path("value")));
                    NaiveFigures.Figures town = TOWNS.get(unit).stream()
                            .map(v -> villages.getOrDefault(v, NaiveFigures.NONE))
                            .reduce(NaiveFigures.NONE, NaiveFigures.Figures::plus);
                    naive.put(unit, town.shown().get(by));
                }
            }
        } else {
            NaiveFigures.Figures figures = NaiveFigures.of(c, request.villages(), request.start(), request.end());
            naive.putAll(figures.shown());
            for (JsonNode figure : answer.path("figures")) {
                String key = figure.path("key").asText();
                if (naive.containsKey(key)) {
                    platform.put(key, number(figure.path("value")));
                }
            }
        }
        check.put("platform", platform);
        check.put("naive", naive);
        boolean same = platform.keySet().equals(naive.keySet());
        for (String key : naive.keySet()) {
            same &= Objects.equals(asDouble(platform.get(key)), asDouble(naive.get(key)));
        }
        check.put("same", same);
        return check;
    }

    private static Object number(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : value.numberValue();
    }

    private static Double asDouble(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    @SuppressWarnings("unchecked")
    static String line(long size, Map<String, Object> row) {
        Latency p = (Latency) ((Map<String, Object>) row.get("platform")).get("latency");
        StringBuilder s = new StringBuilder(String.format(
                "P4 %,d cases, %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests)",
                size, row.get("request"), p.p50(), p.p95(), p.p99(), p.count()));
        if (row.get("naive") instanceof Map<?, ?> naive) {
            Latency n = (Latency) naive.get("latency");
            s.append(String.format(
                    "; naive p50 %.1f ms, p95 %.1f ms (%d) — %.1f× the platform's p95",
                    n.p50(), n.p95(), n.count(), n.p95() / Math.max(0.1, p.p95())));
        }
        s.append("; same figures: ").append(((Map<String, Object>) row.get("check")).get("same"));
        return s.toString();
    }
}
