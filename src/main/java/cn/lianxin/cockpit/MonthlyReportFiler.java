package cn.lianxin.cockpit;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files last month's reports (Excel and PDF) of the county and of every town on the 1st of each month
 * at 02:00 Beijing time. Every node runs the schedule; a report already filed is skipped, and the
 * table's unique key turns the second of two nodes filing the same report at once into a no-op, so
 * each report is filed once.
 */
@Component
class MonthlyReportFiler {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportFiler.class);

    private final Units units;
    private final CockpitScope scope;
    private final MonthlyReports reports;
    private final FiledReports filed;

    MonthlyReportFiler(Units units, CockpitScope scope, MonthlyReports reports, FiledReports filed) {
        this.units = units;
        this.scope = scope;
        this.reports = reports;
        this.filed = filed;
    }

    @Scheduled(cron = "${lianxin.reports.monthly-cron:0 0 2 1 * *}", zone = "Asia/Shanghai")
    void fileLastMonth() {
        List<String> done = file(EngineClock.now());
        log.info("月度报告已归档 {} 份", done.size());
    }

    /** Files the reports of the month before {@code now}'s (Beijing time) not yet filed: "unit month format" of each. */
    List<String> file(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(CockpitScope.BEIJING)).minusMonths(1);
        CockpitScope.Period period =
                scope.period(month.atDay(1).toString(), month.atEndOfMonth().toString(), now);
        List<String> done = new ArrayList<>();
        for (Unit unit : units.all()) {
            if (unit.kind() != UnitKind.COUNTY && unit.kind() != UnitKind.TOWN) {
                continue;
            }
            MonthlyReport report = null;
            for (ReportFormat format : ReportFormat.values()) {
                if (filed.exists(unit.code(), month, format)) {
                    continue;
                }
                if (report == null) {
                    report = reports.of(scope.of(unit), period, now);
                }
                if (filed.file(unit.code(), month, format, reports.write(report, format), now)) {
                    done.add(unit.code() + " " + month + " " + format);
                }
            }
        }
        return done;
    }
}
