package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import cn.lianxin.system.ListPage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Makes a unit's monthly report from the cockpit's own queries — the same figures and rankings
 * {@code /api/cockpit/figures} and {@code /rankings} answer for that month, the hotspots of its last
 * 30 days ({@link Hotspots}), and the open red cases of the unit now — and writes it as Excel or PDF.
 */
@Service
class MonthlyReports {

    /** The longest overdue list a report holds; more red cases than this are only counted. */
    static final int MAX_OVERDUE = 1000;

    private final CockpitFigures figures;
    private final CockpitRankings rankings;
    private final CockpitCases cases;
    private final Hotspots hotspots;

    MonthlyReports(CockpitFigures figures, CockpitRankings rankings, CockpitCases cases, Hotspots hotspots) {
        this.figures = figures;
        this.rankings = rankings;
        this.cases = cases;
        this.hotspots = hotspots;
    }

    /** The report of the unit for the month the period covers, as it stands at {@code now}. */
    MonthlyReport of(CockpitScope.Reach reach, CockpitScope.Period month, Instant now) {
        List<CockpitRankings.Ranking> ranked = new ArrayList<>();
        for (CockpitRankings.By by : CockpitRankings.By.values()) {
            ranked.add(rankings.of(reach, month, by));
        }
        List<CasesAtStep.Item> overdue = new ArrayList<>();
        CockpitCases.Filters red = new CockpitCases.Filters("RED", null, null, "OPEN", null);
        ListPage<CasesAtStep.Item> page = cases.list(reach, null, red, null, ListPage.MAX_SIZE);
        overdue.addAll(page.items());
        while (page.hasMore() && overdue.size() < MAX_OVERDUE) {
            page = cases.list(reach, null, red, page.next(), ListPage.MAX_SIZE);
            overdue.addAll(page.items());
        }
        boolean more = page.hasMore() || overdue.size() > MAX_OVERDUE;
        // the hotspots of the month's last 30 days; in the month still running, of the 30 days up to now
        Instant asOf = month.end().isBefore(now) ? month.end() : now;
        return new MonthlyReport(
                CockpitFigures.UnitView.of(reach.unit()),
                YearMonth.from(month.from()),
                now,
                figures.of(reach, month),
                ranked,
                hotspots.of(reach, asOf),
                asOf,
                List.copyOf(overdue.subList(0, Math.min(overdue.size(), MAX_OVERDUE))),
                more);
    }

    /** The report written in this format. */
    byte[] write(MonthlyReport report, ReportFormat format) {
        return switch (format) {
            case xlsx -> ReportWorkbook.write(report);
            case pdf -> ReportDocument.write(report);
        };
    }
}
