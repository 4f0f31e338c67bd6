package cn.lianxin.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter in Beijing time ({@code 2026Q4}: 1 October 2026 00:00 to 1 January 2027 00:00 Beijing
 * time), the period of the quarterly summary (一季一汇总) a point is counted in.
 */
record Quarter(int year, int number) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern TEXT = Pattern.compile("(\\d{4})Q([1-4])");

    Quarter {
        if (year < 2000 || year > 2999 || number < 1 || number > 4) {
            throw new IllegalArgumentException("no such quarter: " + year + "Q" + number);
        }
    }

    /** The quarter an instant falls in, in Beijing time. */
    static Quarter of(Instant at) {
        LocalDate day = at.atZone(BEIJING).toLocalDate();
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code 2026Q4}; empty when the text is not a quarter of the years 2000 to 2999. */
    static Optional<Quarter> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 2000) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** The first instant of the quarter. */
    Instant start() {
        return LocalDate.of(year, number * 3 - 2, 1).atStartOfDay(BEIJING).toInstant();
    }

    /** The first instant after the quarter. */
    Instant end() {
        return LocalDate.of(year, number * 3 - 2, 1)
                .plusMonths(3)
                .atStartOfDay(BEIJING)
                .toInstant();
    }

    /** 2026年第4季度 */
    String label() {
        return year + "年第" + number + "季度";
    }

    @Override
    public String toString() {
        return year + "Q" + number;
    }
}
