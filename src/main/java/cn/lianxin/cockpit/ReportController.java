package cn.lianxin.cockpit;

import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cockpit/reports}: 月度报告 — a unit's monthly report made on demand as Excel or PDF, and the
 * reports filed on the 1st of each month, for whoever reaches the unit's figures (docs/cockpit.md).
 */
@RestController
@RequestMapping("/api/cockpit/reports")
class ReportController {

    /** A filed report as the list shows it; {@code href} downloads it. */
    record FiledItem(
            long id,
            CockpitFigures.UnitView unit,
            String month,
            String format,
            String formatLabel,
            String fileName,
            long bytes,
            Instant createdAt,
            String href) {}

    private final CockpitScope scope;
    private final MonthlyReports reports;
    private final FiledReports filed;
    private final Units units;

    ReportController(CockpitScope scope, MonthlyReports reports, FiledReports filed, Units units) {
        this.scope = scope;
        this.reports = reports;
        this.filed = filed;
        this.units = units;
    }

    /** {@code ?unit=t01&month=2026-11&format=xlsx|pdf}: the file, made now (defaults: the caller's widest unit, this month). */
    @GetMapping("/monthly")
    ResponseEntity<byte[]> monthly(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String format) {
        CockpitScope.Reach reach = scope.reach(unit);
        Instant now = EngineClock.now();
        // a bad month and a bad format are told at once
        List<FieldError> problems = new ArrayList<>();
        CockpitScope.Period period = checked(() -> scope.month(month, now), problems);
        ReportFormat written = checked(() -> ReportFormat.of(format), problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        MonthlyReport report = reports.of(reach, period, now);
        return attachment(report.fileName(written), written, reports.write(report, written));
    }

    /** {@code ?page=0&size=20}: the filed reports of the units within the caller's reach, newest month first. */
    @GetMapping
    ListPage<FiledItem> filed(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Set<String> reached = reachable();
        ListPage<FiledReports.Filed> found = filed.of(reached, ListPage.numbered(page, size));
        return new ListPage<>(
                found.items().stream().map(this::item).toList(), found.page(), found.size(), found.hasMore(), null);
    }

    /** One filed report's file; 404 for an unknown id, 403 for a unit out of reach. */
    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        Set<String> reached = reachable();
        FiledReports.Filed report = parsed(id)
                .flatMap(filed::byId)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        if (!reached.contains(report.unitCode())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return attachment(fileName(report), report.format(), filed.content(report.id()));
    }

    private static <T> T checked(Supplier<T> parse, List<FieldError> problems) {
        try {
            return parse.get();
        } catch (ApiProblemException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            problems.addAll(e.fieldErrors());
            return null;
        }
    }

    private Set<String> reachable() {
        Set<String> reached = scope.reachableCodes();
        if (reached.isEmpty()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return reached;
    }

    private FiledItem item(FiledReports.Filed report) {
        return new FiledItem(
                report.id(),
                unitView(report.unitCode()),
                report.month().toString(),
                report.format().name(),
                report.format().label(),
                fileName(report),
                report.bytes(),
                report.createdAt(),
                "/api/cockpit/reports/" + report.id());
    }

    private String fileName(FiledReports.Filed report) {
        return "连心月报-" + unitView(report.unitCode()).name() + "-" + report.month() + "."
                + report.format().name();
    }

    private CockpitFigures.UnitView unitView(String code) {
        return units.byCode(code)
                .map(CockpitFigures.UnitView::of)
                .orElse(new CockpitFigures.UnitView(code, code, null));
    }

    private static Optional<Long> parsed(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<byte[]> attachment(String fileName, ReportFormat format, byte[] content) {
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }
}
