package cn.lianxin.calendar;

import cn.lianxin.workflow.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for every deadline of the platform, by the rules of docs/calendar.md.
 *
 * <p>The model: <em>working time</em> is every full calendar day (00:00–24:00, China Standard
 * Time) that is a working day under the year's arrangement. Adding N working days advances an
 * instant by N × 24 hours of working time; an instant outside working time first moves to the
 * start of the next working day. The result is the earliest instant with that much working time
 * behind it, so a deadline that ends exactly at midnight is the end of the last working day, not
 * the start of the next one after a holiday.
 *
 * <p>Also the bean {@code workingDays} for BPMN expressions: {@code ${workingDays.after(now(), 3)}}.
 */
@Component("workingDays")
public class WorkingDays {

    /** All deadlines are counted in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final java.time.format.DateTimeFormatter READABLE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** "24 小时响应" counts calendar hours: a citizen waits through weekends too. */
    public static final Duration RESPONSE_TIME = Duration.ofHours(24);

    private static final Duration DAY = Duration.ofDays(1);

    private final HolidayArrangements arrangements;

    public WorkingDays(HolidayArrangements arrangements) {
        this.arrangements = arrangements;
    }

    public boolean isWorkingDay(LocalDate date) {
        return arrangements.of(date.getYear()).isWorkingDay(date);
    }

    /** The instant N working days after {@code start} (N ≥ 0): N × 24 hours of working time. */
    public Instant add(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        return addWorkingTime(start, DAY.multipliedBy(days));
    }

    /**
     * The earliest instant that has {@code time} of working time between {@code start} and itself
     * (a share of a deadline, such as the two thirds after which a light turns yellow). A start
     * outside working time first moves to the start of the next working day.
     */
    public Instant addWorkingTime(Instant start, Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + time);
        }
        LocalDate date = start.atZone(ZONE).toLocalDate();
        Instant at = start;
        if (!isWorkingDay(date)) {
            date = nextWorkingDay(date);
            at = date.atStartOfDay(ZONE).toInstant();
        }
        Duration remaining = time;
        while (true) {
            Instant endOfDay = date.plusDays(1).atStartOfDay(ZONE).toInstant();
            Duration available = Duration.between(at, endOfDay);
            if (remaining.compareTo(available) <= 0) {
                return at.plus(remaining);
            }
            remaining = remaining.minus(available);
            date = nextWorkingDay(date);
            at = date.atStartOfDay(ZONE).toInstant();
        }
    }

    /** The working time between two instants; negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate date = from.atZone(ZONE).toLocalDate();
                !date.atStartOfDay(ZONE).toInstant().isAfter(to);
                date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                Instant dayStart = date.atStartOfDay(ZONE).toInstant();
                Instant dayEnd = date.plusDays(1).atStartOfDay(ZONE).toInstant();
                Instant start = from.isAfter(dayStart) ? from : dayStart;
                Instant end = to.isBefore(dayEnd) ? to : dayEnd;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whole working days between two instants (the working time, in days, rounded down). */
    public long workingDaysBetween(Instant from, Instant to) {
        Duration time = workingTimeBetween(from, to);
        long days = time.abs().dividedBy(DAY);
        return time.isNegative() ? -days : days;
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** When a request received at {@code intake} must have had its first response. */
    public Instant responseDeadline(Instant intake) {
        return intake.plus(RESPONSE_TIME);
    }

    // ---- for BPMN expressions: dates in, dates out, the engine's clock for "now" ----

    /** {@code ${workingDays.after(now(), 3)}}: N working days after a date or ISO string. */
    public Date after(Object start, int days) {
        return Date.from(add(instantOf(start), days));
    }

    /** N working days after the engine's current time. */
    public Date fromNow(int days) {
        return Date.from(add(EngineClock.now(), days));
    }

    /** {@code ${workingDays.respondBy(intakeAt)}}: 24 calendar hours after intake. */
    public Date respondBy(Object intake) {
        return Date.from(responseDeadline(instantOf(intake)));
    }

    /** How people read a date and time: 2026年12月8日 15:00 (China Standard Time). */
    public static String format(Instant at) {
        return READABLE.format(at.atZone(ZONE));
    }

    /**
     * An instant from what forms and processes hold: a {@link Date}, an {@link Instant}, or an ISO
     * string — a date ({@code 2026-09-30}, the start of that day), a local date-time (China
     * Standard Time) or a date-time with offset.
     */
    public static Instant instantOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            return parse(text.trim());
        }
        throw new IllegalArgumentException("not a date: " + value);
    }

    private static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZONE).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).atZone(ZONE).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO date or date-time: " + text, e);
        }
    }
}
