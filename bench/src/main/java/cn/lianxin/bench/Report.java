package cn.lianxin.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures next to their baselines. Two derived figures:
 * <ul>
 *   <li><b>× bare engine</b>: units/s of the platform ÷ units/s of the bare engine at the same number
 *       of clients (the bare engine runs the 即办 shape, so the ratio is exact for P1 IMMEDIATE and
 *       indicative for the other paths);
 *   <li><b>% of ceiling</b>: units/s ÷ (pgbench TPC-B tps ÷ commits per unit) — the share of what the
 *       same PostgreSQL could commit if every unit cost only its commits, each as cheap as a TPC-B
 *       transaction.
 * </ul>
 */
final class Report {

    private Report() {}

    static List<Map<String, Object>> derive(Map<String, Object> results, List<Measurement> all) {
        Object tpsValue = results.get("pgbench") instanceof Map<?, ?> pg ? pg.get("tps") : null;
        Double tps = tpsValue instanceof Number n ? n.doubleValue() : null;
        List<Map<String, Object>> derived = new ArrayList<>();
        for (Measurement m : all) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("scenario", m.scenario());
            d.put("variant", m.variant());
            d.put("clients", m.clients());
            d.put("perSecond", m.perSecond());
            Measurement bare = bareAt(all, m.clients());
            if (bare != null && m.scenario().equals("P1")) {
                d.put("bareEnginePerSecond", bare.perSecond());
                d.put("ratioToBareEngine", round(m.perSecond() / bare.perSecond(), 2));
            }
            Object commits = m.measured().get("commitsPerUnit");
            if (tps != null && commits instanceof Number c && c.doubleValue() > 0) {
                double ceiling = tps / c.doubleValue();
                d.put("ceilingPerSecond", round(ceiling, 1));
                d.put("shareOfCeiling", round(m.perSecond() / ceiling, 3));
            }
            derived.add(d);
        }
        return derived;
    }

    private static Measurement bareAt(List<Measurement> all, int clients) {
        return all.stream()
                .filter(m -> m.scenario().equals("B2") && m.clients() == clients)
                .findFirst()
                .orElse(null);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** One line per measurement, as it is taken. */
    static String line(Measurement m) {
        Map<?, ?> share = (Map<?, ?>) m.measured().get("cpuPercentOfMachine");
        return String.format(
                "%-3s %-15s c=%d  %7.2f/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  commits/u %5s  rows/u %6s  cpu%% %s  jit %s  errors %d (+%d in warm-up)",
                m.scenario(),
                m.variant(),
                m.clients(),
                m.perSecond(),
                m.latency().p50(),
                m.latency().p95(),
                m.latency().p99(),
                m.measured().get("commitsPerUnit"),
                m.measured().get("insertedRowsPerUnit"),
                share,
                m.measured().get("jitCompilationsInWindow"),
                m.errors(),
                m.warmUpErrors());
    }

    /** The summary table (Markdown, as docs/benchmarks.md shows it). */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results, List<Measurement> all) {
        StringBuilder t = new StringBuilder();
        Object pg = results.get("pgbench");
        t.append("pgbench TPC-B: ").append(pg instanceof Map<?, ?> p ? p.get("tps") + " tps" : "not run").append("\n\n");
        t.append("| scenario | variant | clients | units/s | p50 ms | p95 ms | p99 ms | commits/unit | rows/unit |"
                + " CPU % server / pg / driver / other | errors | × bare engine | % of ceiling |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> derived = (List<Map<String, Object>>) results.get("derived");
        for (int i = 0; i < all.size(); i++) {
            Measurement m = all.get(i);
            Map<String, Object> d = derived.get(i);
            Map<String, Double> share = (Map<String, Double>) m.measured().get("cpuPercentOfMachine");
            String server = m.scenario().equals("B2") ? "engine" : "platform";
            t.append(String.format(
                    "| %s | %s | %d | %.2f | %.1f | %.1f | %.1f | %s | %s | %s / %s / %s / %s | %d | %s | %s |%n",
                    m.scenario().equals("B2") ? "bare engine" : m.scenario(),
                    m.variant(),
                    m.clients(),
                    m.perSecond(),
                    m.latency().p50(),
                    m.latency().p95(),
                    m.latency().p99(),
                    m.measured().get("commitsPerUnit"),
                    m.measured().get("insertedRowsPerUnit"),
                    share.get(server),
                    share.get("postgres"),
                    share.get("driver"),
                    share.get("other"),
                    m.errors(),
                    d.getOrDefault("ratioToBareEngine", "—"),
                    d.containsKey("shareOfCeiling")
                            ? String.format("%.1f %%", ((Number) d.get("shareOfCeiling")).doubleValue() * 100)
                            : "—"));
        }
        return t.toString();
    }
}
