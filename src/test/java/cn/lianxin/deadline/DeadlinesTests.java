package cn.lianxin.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.calendar.CalendarFixtures;
import cn.lianxin.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long each step may take, and its light, on real dates. */
class DeadlinesTests {

    private final Deadlines deadlines = new Deadlines(
            new DeadlineRules(
                    0.6667, 24, Map.of("town-handle", 3, "dept-handle", 5), Map.of("road", Map.of("dept-handle", 10))),
            CalendarFixtures.officialCalendar());

    @Test
    void theFirstResponseIsDueTwentyFourCalendarHoursAfterIntakeAndYellowAfterSixteen() {
        Deadline response = deadlines.of("triage", "lighting", null, cst("2026-11-27T18:00"));

        assertThat(response.dueAt()).isEqualTo(cst("2026-11-28T18:00"));
        // two thirds (0.6667) of 24 hours, to the second
        assertThat(response.warnAt()).isEqualTo(cst("2026-11-28T10:00:03"));
    }

    @Test
    void aThreeDayPromiseMadeBeforeNationalDayTurnsRedOnlyAfterTheMakeUpSaturday() {
        Deadline promise = deadlines.of("handle-promised", "property", 3, cst("2026-09-30T10:00"));

        assertThat(promise.dueAt()).isEqualTo(cst("2026-10-10T10:00"));
        assertThat(promise.lightAt(cst("2026-10-07T23:59"))).isEqualTo(TrafficLight.GREEN);
        assertThat(promise.lightAt(cst("2026-10-09T12:00"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(promise.lightAt(cst("2026-10-10T09:59"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(promise.lightAt(cst("2026-10-10T10:00"))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aCategoryMayAllowADepartmentMoreTime() {
        Instant start = cst("2026-11-24T09:00");

        assertThat(deadlines.of("dept-handle", "road", null, start).dueAt()).isEqualTo(cst("2026-12-08T09:00"));
        assertThat(deadlines.of("dept-handle", "parking", null, start).dueAt()).isEqualTo(cst("2026-12-01T09:00"));
    }

    @Test
    void aStepWithoutARuleHasNoDeadline() {
        assertThat(deadlines.of("joint-conclude", "road", null, cst("2026-11-24T09:00")))
                .isNull();
        assertThat(deadlines.of("handle-promised", "road", null, cst("2026-11-24T09:00")))
                .isNull();
    }

    @Test
    void theWarningShareMustBeAShare() {
        assertThatThrownBy(() -> new DeadlineRules(1.5, 24, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDays.ZONE).toInstant();
    }
}
