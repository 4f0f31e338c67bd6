package cn.lianxin.calendar;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calendar}: the working-day calendar for forms and pages, and its yearly upload. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int MAX_DAYS = 365;

    record YearsView(List<CalendarYears.YearStatus> years, List<String> warnings) {}

    record Deadline(
            OffsetDateTime from, int days, OffsetDateTime deadline, boolean arrangementLoaded, String warning) {}

    private final CalendarYears years;
    private final WorkingDays workingDays;
    private final HolidayArrangements arrangements;

    CalendarController(CalendarYears years, WorkingDays workingDays, HolidayArrangements arrangements) {
        this.years = years;
        this.workingDays = workingDays;
        this.arrangements = arrangements;
    }

    @GetMapping("/years")
    YearsView years() {
        List<CalendarYears.YearStatus> all = years.all();
        return new YearsView(
                all,
                all.stream()
                        .map(CalendarYears.YearStatus::warning)
                        .filter(w -> w != null)
                        .toList());
    }

    @GetMapping("/years/{year}")
    CalendarYears.YearStatus year(@PathVariable int year) {
        return years.status(year);
    }

    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('camunda-admin')")
    CalendarYears.YearStatus upload(@PathVariable int year, @RequestBody String body, Principal principal) {
        return years.upload(year, body, principal.getName());
    }

    /** {@code GET /api/calendar/working-days?from=2026-09-30T10:00&days=3}. */
    @GetMapping("/working-days")
    Deadline workingDays(@RequestParam String from, @RequestParam int days) {
        List<FieldError> problems = new ArrayList<>();
        Instant start = null;
        try {
            start = WorkingDays.instantOf(from);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError("from", "应为 ISO 日期（2026-09-30）或日期时间（2026-09-30T10:00 或带时区）"));
        }
        if (days < 0 || days > MAX_DAYS) {
            problems.add(new FieldError("days", "应在 0 到 " + MAX_DAYS + " 之间"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Instant deadline = workingDays.add(start, days);
        List<Integer> missing = IntStream.rangeClosed(year(start), year(deadline))
                .filter(y -> !arrangements.of(y).isLoaded())
                .boxed()
                .toList();
        return new Deadline(
                cst(start),
                days,
                cst(deadline),
                missing.isEmpty(),
                missing.isEmpty() ? null : CalendarYears.missingWarning(missing.get(0)));
    }

    private static int year(Instant instant) {
        return instant.atZone(WorkingDays.ZONE).getYear();
    }

    private static OffsetDateTime cst(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(WorkingDays.ZONE).toOffsetDateTime();
    }
}
