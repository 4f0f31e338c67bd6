package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL with the job executor running, as in production: once a step's time is up, the
 * engine itself fires its light timer; nobody runs the job by hand.
 */
@PlatformIntegrationTest
class DeadlineTimersIT {

    @Autowired
    AppealIntake intake;

    @Autowired
    Appeals appeals;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theJobExecutorTurnsAnUnansweredRequestYellowThenRed() {
        // given: a request nobody triages
        String trackingNo = intake.intake(
                        new IntakeRequest(
                                "赵六",
                                "13600000006",
                                null,
                                "lighting",
                                "路灯不亮",
                                "v0201",
                                null,
                                Channel.ONLINE,
                                "NORMAL",
                                "HOUSEHOLD"),
                        null)
                .trackingNo();
        String instance = appeals.byTrackingNo(trackingNo).orElseThrow().processInstanceId();
        Job light = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("triage-light")
                .singleResult();

        // when its yellow time comes (the step's warning date and its timer brought forward, so that
        // no other case's timer is touched)
        Task triage = tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("triage")
                .singleResult();
        triage.setFollowUpDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(triage);
        management.setJobDuedate(light.getId(), new Date());

        // then the job executor turns it yellow by itself
        await().atMost(Duration.ofSeconds(60))
                .until(() -> appeals.byTrackingNo(trackingNo).orElseThrow().light() == TrafficLight.YELLOW);

        // when the 24 hours are over (the step's due date and its red time brought forward likewise)
        triage = tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("triage")
                .singleResult();
        triage.setDueDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(triage);
        Job red = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("triage-light")
                .singleResult();
        management.setJobDuedate(red.getId(), new Date());

        // then red
        await().atMost(Duration.ofSeconds(60))
                .until(() -> appeals.byTrackingNo(trackingNo).orElseThrow().light() == TrafficLight.RED);
        assertThat(jdbc.sql("select count(*) from appeal_log where tracking_no = ? and kind = 'LIGHT'")
                        .param(trackingNo)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from cadre_inbox where number = ? and kind = 'OVERDUE'")
                        .param(trackingNo)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
