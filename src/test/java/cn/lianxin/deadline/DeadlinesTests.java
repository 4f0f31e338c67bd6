package cn.lianxin.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.calendar.CalendarFixtures;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.DeadlineRules.ProcessRules;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long each step may take, and its light, on real dates. */
class DeadlinesTests {

    private final Deadlines deadlines = new Deadlines(
            new DeadlineRules(
                    0.6667,
                    Map.of(
                            "appeal",
                            new ProcessRules(
                                    Map.of("triage", 24),
                                    List.of("handle-promised"),
                                    Map.of("town-handle", 3, "dept-handle", 5),
                                    Map.of("road", Map.of("dept-handle", 10)),
                                    null),
                            "deliberation",
                            new ProcessRules(
                                    null, null, Map.of("topic-review", 5), null, Map.of("report-progress", 2)))),
            CalendarFixtures.officialCalendar());

    @Test
    void theFirstResponseIsDueTwentyFourCalendarHoursAfterIntakeAndYellowAfterSixteen() {
        Deadline response = deadlines.of("appeal", "triage", "lighting", null, cst("2026-11-27T18:00"));

        assertThat(response.dueAt()).isEqualTo(cst("2026-11-28T18:00"));
        // two thirds (0.6667) of 24 hours, to the second
        assertThat(response.warnAt()).isEqualTo(cst("2026-11-28T10:00:03"));
    }

    @Test
    void aThreeDayPromiseMadeBeforeNationalDayTurnsRedOnlyAfterTheMakeUpSaturday() {
        Deadline promise = deadlines.of("appeal", "handle-promised", "property", 3, cst("2026-09-30T10:00"));

        assertThat(promise.dueAt()).isEqualTo(cst("2026-10-10T10:00"));
        assertThat(promise.lightAt(cst("2026-10-07T23:59"))).isEqualTo(TrafficLight.GREEN);
        assertThat(promise.lightAt(cst("2026-10-09T12:00"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(promise.lightAt(cst("2026-10-10T09:59"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(promise.lightAt(cst("2026-10-10T10:00"))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aCategoryMayAllowADepartmentMoreTime() {
        Instant start = cst("2026-11-24T09:00");

        assertThat(deadlines.of("appeal", "dept-handle", "road", null, start).dueAt())
                .isEqualTo(cst("2026-12-08T09:00"));
        assertThat(deadlines.of("appeal", "dept-handle", "parking", null, start).dueAt())
                .isEqualTo(cst("2026-12-01T09:00"));
    }

    @Test
    void aStepWithoutARuleHasNoDeadline() {
        assertThat(deadlines.of("appeal", "joint-conclude", "road", null, cst("2026-11-24T09:00")))
                .isNull();
        assertThat(deadlines.of("appeal", "handle-promised", "road", null, cst("2026-11-24T09:00")))
                .isNull();
    }

    @Test
    void eachProcessHasItsOwnDeadlines() {
        Instant start = cst("2026-11-24T09:00");

        assertThat(deadlines
                        .of("deliberation", "topic-review", null, null, start)
                        .dueAt())
                .isEqualTo(cst("2026-12-01T09:00"));
        assertThat(deadlines.of("appeal", "topic-review", null, null, start)).isNull();
        assertThat(deadlines.of("deliberation", "town-handle", null, null, start))
                .isNull();
    }

    @Test
    void aMilestoneIsRemindedTwoWorkingDaysBeforeItsDateAtTheSameTimeOfDay() {
        // given a milestone due on Monday 2026-12-21 18:00
        Instant due = cst("2026-12-21T18:00");

        // when
        Deadline milestone = deadlines.remindedBefore("deliberation", "report-progress", due, cst("2026-12-01T09:00"));

        // then the reminder skips the weekend: Thursday
        assertThat(milestone.warnAt()).isEqualTo(cst("2026-12-17T18:00"));
        assertThat(milestone.dueAt()).isEqualTo(due);
    }

    @Test
    void aMilestoneSetTooCloseIsRemindedAtOnce() {
        Instant now = cst("2026-12-21T09:00");

        assertThat(deadlines
                        .remindedBefore("deliberation", "report-progress", cst("2026-12-21T18:00"), now)
                        .warnAt())
                .isEqualTo(now);
        assertThat(deadlines.remindedBefore("appeal", "report-progress", cst("2026-12-21T18:00"), now))
                .isNull();
    }

    @Test
    void theWarningShareMustBeAShare() {
        assertThatThrownBy(() -> new DeadlineRules(1.5, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDays.ZONE).toInstant();
    }
}
