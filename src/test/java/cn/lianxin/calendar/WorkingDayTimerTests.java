package cn.lianxin.calendar;

import static cn.lianxin.calendar.WorkingDaysTests.cst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.lianxin.testing.ProcessTestEngine;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BPMN timers and due dates take their dates from the working-day calendar. */
class WorkingDayTimerTests {

    private static final WorkingDays WORKING_DAYS;

    static {
        UploadedArrangements uploads = mock(UploadedArrangements.class);
        when(uploads.find(anyInt())).thenReturn(Optional.empty());
        WORKING_DAYS = new WorkingDays(new HolidayArrangements(uploads));
    }

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngine.with("working-day-timers", Map.of("workingDays", WORKING_DAYS)))
            .build();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Deployment(resources = "calendar/promise-deadline.bpmn")
    void aThreeDayPromiseMadeBeforeNationalDayIsDueAfterTheMakeUpSaturday() {
        // given
        ProcessEngine processEngine = engine.getProcessEngine();
        ClockUtil.setCurrentTime(Date.from(cst("2026-09-30T10:00")));

        // when
        ProcessInstance promise = processEngine.getRuntimeService().startProcessInstanceByKey("promise-deadline");

        // then
        Date due = Date.from(cst("2026-10-10T10:00"));
        Job timer = processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(promise.getId())
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(due);
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(promise.getId())
                        .singleResult()
                        .getDueDate())
                .isEqualTo(due);
    }

    @Test
    @Deployment(resources = "calendar/promise-deadline.bpmn")
    void theTimerIsNotDueDuringTheHolidaysAndFiresOnceTheDeadlinePasses() {
        // given
        ProcessEngine processEngine = engine.getProcessEngine();
        ClockUtil.setCurrentTime(Date.from(cst("2026-09-30T10:00")));
        ProcessInstance promise = processEngine.getRuntimeService().startProcessInstanceByKey("promise-deadline");

        // when the National Day week is over, on the Friday before the make-up Saturday
        ClockUtil.setCurrentTime(Date.from(cst("2026-10-09T18:00")));

        // then
        assertThat(processEngine
                        .getManagementService()
                        .createJobQuery()
                        .executable()
                        .count())
                .isZero();

        // when the deadline has passed
        ClockUtil.setCurrentTime(Date.from(cst("2026-10-10T10:01")));
        Job due = processEngine
                .getManagementService()
                .createJobQuery()
                .executable()
                .singleResult();
        processEngine.getManagementService().executeJob(due.getId());

        // then
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(promise.getId())
                        .activityId("late")
                        .count())
                .isEqualTo(1);
    }
}
