package cn.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuarterTests {

    @Test
    void aQuarterBeginsAtMidnightBeijingTime() {
        Quarter q4 = new Quarter(2026, 4);

        assertThat(q4.start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(q4.end()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(new Quarter(2026, 1).start()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
    }

    @Test
    void anInstantCountsInItsBeijingQuarter() {
        // 2026-09-30 23:59 in Beijing is still the third quarter, 00:00 on 1 October the fourth
        assertThat(Quarter.of(Instant.parse("2026-09-30T15:59:59Z"))).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarter.of(Instant.parse("2026-09-30T16:00:00Z"))).isEqualTo(new Quarter(2026, 4));
        // New Year's Eve at 17:00 UTC is already the next year's first quarter in Beijing
        assertThat(Quarter.of(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.of(Instant.parse("2026-12-31T15:59:59Z"))).isEqualTo(new Quarter(2026, 4));
    }

    @Test
    void itReadsAndWritesTheFormYearQNumber() {
        assertThat(Quarter.parse("2026Q4")).contains(new Quarter(2026, 4));
        assertThat(Quarter.parse(" 2027Q1 ")).contains(new Quarter(2027, 1));
        assertThat(new Quarter(2026, 4)).hasToString("2026Q4");
        assertThat(new Quarter(2026, 4).label()).isEqualTo("2026年第4季度");
    }

    @Test
    void anythingElseIsNoQuarter() {
        assertThat(Quarter.parse("2026Q5")).isEmpty();
        assertThat(Quarter.parse("2026Q0")).isEmpty();
        assertThat(Quarter.parse("2026q4")).isEmpty();
        assertThat(Quarter.parse("26Q4")).isEmpty();
        assertThat(Quarter.parse("1999Q4")).isEmpty();
        assertThat(Quarter.parse("2026-Q4")).isEmpty();
        assertThat(Quarter.parse("")).isEmpty();
        assertThat(Quarter.parse(null)).isEmpty();
    }
}
