package cn.lianxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working-day arithmetic on real dates of the 2025 and 2026 arrangements (docs/calendar.md). */
class WorkingDaysTests {

    private final UploadedArrangements uploads = mock(UploadedArrangements.class);
    private final WorkingDays workingDays;

    WorkingDaysTests() {
        when(uploads.find(anyInt())).thenReturn(Optional.empty());
        workingDays = new WorkingDays(new HolidayArrangements(uploads));
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        "2026-02-14, true", // Saturday, make-up day for the Spring Festival
        "2026-01-04, true", // Sunday, make-up day for New Year
        "2025-09-28, true", // Sunday, make-up day for National Day
        "2025-10-11, true", // Saturday, make-up day for National Day
        "2026-10-05, false", // Monday in the National Day week
        "2026-06-19, false", // Friday, Dragon Boat Festival
        "2025-01-28, false", // Tuesday, Spring Festival eve
        "2026-11-24, true", // an ordinary Tuesday
        "2026-11-28, false", // an ordinary Saturday
    })
    void holidaysAreOffAndMakeUpDaysAreWorked(LocalDate date, boolean working) {
        assertThat(workingDays.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // a promise made the day before National Day 2026 runs through the make-up Saturday
        "2026-09-30T10:00, 3, 2026-10-10T10:00",
        "2026-09-30T10:00, 4, 2026-10-12T10:00",
        // the Sunday make-up day before National Day 2025 counts
        "2025-09-26T09:00, 1, 2025-09-28T09:00",
        "2025-09-30T15:00, 2, 2025-10-10T15:00",
        "2025-09-30T15:00, 3, 2025-10-11T15:00",
        "2025-09-30T15:00, 4, 2025-10-13T15:00",
        // Spring Festival 2026: the make-up Saturday, then nine days off
        "2026-02-13T10:00, 1, 2026-02-14T10:00",
        "2026-02-13T10:00, 2, 2026-02-24T10:00",
        // an ordinary week
        "2026-11-20T16:30, 1, 2026-11-23T16:30",
        "2026-11-24T08:15, 5, 2026-12-01T08:15",
    })
    void addingWorkingDaysKeepsTheTimeOfDay(LocalDateTime start, int days, LocalDateTime deadline) {
        assertThat(workingDays.add(cst(start), days)).isEqualTo(cst(deadline));
    }

    @Test
    void aRequestOnAHolidayStartsCountingAtTheNextWorkingDay() {
        // Saturday 3 October 2026 is inside the National Day week; Thursday 8 October is the next working day
        assertThat(workingDays.add(cst("2026-10-03T11:00"), 0)).isEqualTo(cst("2026-10-08T00:00"));
        assertThat(workingDays.add(cst("2026-10-03T11:00"), 1)).isEqualTo(cst("2026-10-09T00:00"));
        assertThat(workingDays.add(cst("2026-10-03T11:00"), 3)).isEqualTo(cst("2026-10-11T00:00"));
    }

    @Test
    void aDeadlineAtMidnightIsTheEndOfTheLastWorkingDayNotTheDayAfterAHoliday() {
        // all of 30 September is one working day: it ends at midnight, before the holidays
        assertThat(workingDays.add(cst("2026-09-30T00:00"), 1)).isEqualTo(cst("2026-10-01T00:00"));
    }

    @Test
    void twoThirdsOfAThreeDayPromiseMadeBeforeNationalDayEndTheFridayAfterIt() {
        // 3 working days from Wednesday 30 September 10:00 end on the make-up Saturday 10 October 10:00;
        // two thirds of them (2 working days) end on Friday 9 October 10:00, after the holiday week
        assertThat(workingDays.addWorkingTime(cst("2026-09-30T10:00"), Duration.ofDays(2)))
                .isEqualTo(cst("2026-10-09T10:00"));
        assertThat(workingDays.addWorkingTime(cst("2026-09-30T10:00"), Duration.ofHours(16)))
                .isEqualTo(cst("2026-10-08T02:00"));
    }

    @Test
    void workingDaysBetweenCountsOnlyWorkingTime() {
        assertThat(workingDays.workingDaysBetween(cst("2026-09-30T10:00"), cst("2026-10-10T10:00")))
                .isEqualTo(3);
        assertThat(workingDays.workingTimeBetween(cst("2026-10-02T00:00"), cst("2026-10-07T23:00")))
                .isZero();
        assertThat(workingDays.workingTimeBetween(cst("2026-11-24T10:00"), cst("2026-11-24T13:30")))
                .isEqualTo(Duration.ofMinutes(210));
        assertThat(workingDays.workingDaysBetween(cst("2026-10-10T10:00"), cst("2026-09-30T10:00")))
                .isEqualTo(-3);
    }

    @Test
    void theFirstResponseIsDueTwentyFourCalendarHoursAfterIntake() {
        // a request on the Friday before a weekend is answered by Saturday, not Monday
        assertThat(workingDays.responseDeadline(cst("2026-11-27T18:00"))).isEqualTo(cst("2026-11-28T18:00"));
    }

    @Test
    void aYearWithoutArrangementIsCountedOnPlainWeekends() {
        // 1 January 2027 is New Year's Day, but no 2027 arrangement is loaded
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(workingDays.add(cst("2026-12-31T10:00"), 1)).isEqualTo(cst("2027-01-01T10:00"));
    }

    @Test
    void anUploadedArrangementOverridesThatYear() {
        // given
        when(uploads.find(2027))
                .thenReturn(Optional.of(YearArrangement.of(
                        2027,
                        ArrangementSource.UPLOADED,
                        List.of(new SpecialDay(LocalDate.of(2027, 1, 1), "元旦", true)))));
        WorkingDays withUpload = new WorkingDays(new HolidayArrangements(uploads));

        // then
        assertThat(withUpload.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(withUpload.add(cst("2026-12-31T10:00"), 1)).isEqualTo(cst("2027-01-04T10:00"));
    }

    @Test
    void expressionsTakeDatesAndIsoStrings() {
        assertThat(workingDays.after(java.util.Date.from(cst("2026-09-30T10:00")), 3))
                .isEqualTo(java.util.Date.from(cst("2026-10-10T10:00")));
        assertThat(workingDays.after("2026-09-30T10:00:00+08:00", 3))
                .isEqualTo(java.util.Date.from(cst("2026-10-10T10:00")));
        assertThat(workingDays.after("2026-09-30T10:00", 3)).isEqualTo(java.util.Date.from(cst("2026-10-10T10:00")));
        assertThat(workingDays.after("2026-09-30", 1)).isEqualTo(java.util.Date.from(cst("2026-10-01T00:00")));
        assertThatThrownBy(() -> workingDays.after("30.09.2026", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingDays.add(cst("2026-09-30T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Instant cst(String localDateTime) {
        return cst(LocalDateTime.parse(localDateTime));
    }

    static Instant cst(LocalDateTime localDateTime) {
        return localDateTime.atZone(WorkingDays.ZONE).toInstant();
    }
}
