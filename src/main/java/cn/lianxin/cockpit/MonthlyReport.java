package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 月度报告: what one unit's report of one month says — the month's figures with their definitions, the
 * unit's children ranked three ways (红黑榜), the hotspots (未诉先办) of the 30 days up to the month's end
 * (or up to now in the current month), and the cases red at the time it was made (超期件). The Excel
 * and PDF files are two ways of writing the same content.
 *
 * @param hotspotsAsOf the end of the hotspots' 30-day window
 * @param overdueMore whether more cases were red than the list holds ({@link MonthlyReports#MAX_OVERDUE})
 */
record MonthlyReport(
        CockpitFigures.UnitView unit,
        YearMonth month,
        Instant madeAt,
        CockpitFigures.Figures figures,
        List<CockpitRankings.Ranking> rankings,
        List<Hotspots.Hotspot> hotspots,
        Instant hotspotsAsOf,
        List<CasesAtStep.Item> overdue,
        boolean overdueMore) {

    /** One figure as a report's table lists it. */
    record Line(String label, Number value, String format, String definition) {}

    /** The appeal figures, in the cockpit's order. */
    List<Line> figureLines() {
        return figures.figures().stream()
                .map(f -> new Line(f.label(), f.value(), f.format(), f.definition()))
                .toList();
    }

    /** The deliberation figures (a department's are empty or 0). */
    List<Line> deliberationLines() {
        return figures.deliberation().stream()
                .map(f -> new Line(f.label(), f.value(), f.format(), f.definition()))
                .toList();
    }

    /** How a value without a denominator reads. */
    static final String NONE = "—";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** 「城关镇 月度诉求办理报告 2026年11月」. */
    String title() {
        return unit.name() + " 月度诉求办理报告 " + month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** A figure's value as the report reads it: 87.5%, 3.2 个工作日, 12; no value (no denominator): —. */
    static String shown(Number value, String format) {
        if (value == null) {
            return NONE;
        }
        return switch (format) {
            case "percent" -> BigDecimal.valueOf(value.doubleValue() * 100)
                            .setScale(1, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    + "%";
            case "days" -> value + " 个工作日";
            default -> String.valueOf(value);
        };
    }

    /** What the hotspots are, and over which window. */
    static String hotspotsNote(Instant asOf) {
        return "热点（未诉先办）：截至 " + minute(asOf) + " 的近 " + Hotspots.DEFAULT_DAYS + " 天内，同一村（社区）、同一类别、同一地点的诉求达 "
                + Hotspots.DEFAULT_MIN + " 件及以上。";
    }

    /** A local Beijing time of day, to the minute. */
    static String minute(Instant at) {
        return MINUTE.format(at.atZone(CockpitScope.BEIJING));
    }

    /** 「连心月报-城关镇-2026-11.xlsx」. */
    String fileName(ReportFormat format) {
        return fileName(unit.name(), month, format);
    }

    static String fileName(String unitName, YearMonth month, ReportFormat format) {
        return "连心月报-" + unitName + "-" + month + "." + format.name();
    }
}
