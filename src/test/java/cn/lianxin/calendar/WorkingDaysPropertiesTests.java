package cn.lianxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the working-day arithmetic, over random instants of 2025–2026. */
class WorkingDaysPropertiesTests {

    private final WorkingDays workingDays;

    WorkingDaysPropertiesTests() {
        UploadedArrangements uploads = mock(UploadedArrangements.class);
        when(uploads.find(anyInt())).thenReturn(Optional.empty());
        workingDays = new WorkingDays(new HolidayArrangements(uploads));
    }

    @Property
    void countingBackTheDaysAddedGivesTheSameNumber(
            @ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 60) int days) {
        Instant deadline = workingDays.add(start, days);

        assertThat(workingDays.workingTimeBetween(start, deadline)).isEqualTo(Duration.ofDays(days));
        assertThat(workingDays.workingDaysBetween(start, deadline)).isEqualTo(days);
    }

    @Property
    void addingNoDaysToAWorkingInstantChangesNothing(@ForAll("instants") Instant start) {
        if (workingDays.isWorkingDay(start.atZone(WorkingDays.ZONE).toLocalDate())) {
            assertThat(workingDays.add(start, 0)).isEqualTo(start);
        } else {
            assertThat(workingDays.add(start, 0)).isAfter(start);
        }
    }

    @Property
    void oneMoreDayNeverEndsEarlier(@ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 60) int days) {
        assertThat(workingDays.add(start, days + 1)).isAfter(workingDays.add(start, days));
        assertThat(workingDays.add(start, days)).isAfterOrEqualTo(start);
    }

    @Property
    void aDeadlineFallsInsideWorkingTimeOrAtTheEndOfAWorkingDay(
            @ForAll("instants") Instant start, @ForAll @IntRange(min = 1, max = 60) int days) {
        var deadline = workingDays.add(start, days).atZone(WorkingDays.ZONE);
        boolean onWorkingDay = workingDays.isWorkingDay(deadline.toLocalDate());
        boolean endOfWorkingDay = deadline.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && workingDays.isWorkingDay(deadline.toLocalDate().minusDays(1));
        assertThat(onWorkingDay || endOfWorkingDay).isTrue();
    }

    @Property
    void aShareOfTheTimeIsCountedInWorkingTimeToo(
            @ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 60 * 24 * 10) int minutes) {
        Instant reached = workingDays.addWorkingTime(start, Duration.ofMinutes(minutes));

        assertThat(workingDays.workingTimeBetween(start, reached)).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(workingDays.addWorkingTime(start, Duration.ofMinutes(minutes + 1)))
                .isAfter(reached);
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = WorkingDaysTests.cst("2025-01-01T00:00").getEpochSecond();
        long to = WorkingDaysTests.cst("2026-10-31T23:59").getEpochSecond();
        Arbitrary<Instant> anyMinute =
                Arbitraries.longs().between(from, to).map(s -> Instant.ofEpochSecond(s - s % 60));
        Arbitrary<Instant> midnights = Arbitraries.longs()
                .between(from / 86400, to / 86400)
                .map(day ->
                        WorkingDaysTests.cst(java.time.LocalDate.ofEpochDay(day).atStartOfDay()));
        return Arbitraries.oneOf(anyMinute, midnights);
    }
}
