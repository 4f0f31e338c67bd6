package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Tasks.*;
import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case's one light and each step's light, whatever order things happen in: parallel steps,
 * departments of a joint case finishing at different times, supervisions opened and closed, and light
 * timers that run early, late, twice or after a failure. The clock is moved and each job run by hand.
 */
@ProcessTest
@ProcessTest.OwnEngine("case-light")
class CaseLightProcessTests {

    /** 2026-11-24 (a Tuesday) 09:30 in China: a request arrives. */
    private static final Date ARRIVAL = at("2026-11-24T09:30");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    AppealIntake intake;

    @Autowired
    Appeals appeals;

    @Autowired
    JdbcClient jdbc;

    /** Makes the next light change fail, as a broken inbox would; otherwise it does nothing. */
    static class BrokenInbox {
        boolean failNext;

        @EventListener
        void tell(CadreNotice notice) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("站内消息不可用");
            }
        }
    }

    @TestConfiguration
    static class Inbox {
        @Bean
        BrokenInbox brokenInbox() {
            return new BrokenInbox();
        }
    }

    @Autowired
    BrokenInbox brokenInbox;

    ProcessSteps steps;

    @BeforeEach
    void arrive() {
        steps = new ProcessSteps(engine, jdbc);
        ClockUtil.setCurrentTime(ARRIVAL);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- 1. the case is as red as its worst open step or supervision ----

    @Test
    void aRedStationHeadAlertKeepsTheCaseRedWhileNewStepsStartGreen() {
        // given: a case reopened a second time, so that the station head's alert runs beside triage
        ProcessInstance appeal = open();
        for (int round = 0; round < 2; round++) {
            steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE", "overrideReason", "现场可办"));
            steps.complete(appeal, HANDLE_IMMEDIATE, Map.of("result", "已处理"));
            steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
            runtime.createMessageCorrelation(AppealProcess.Messages.EVALUATED)
                    .processInstanceBusinessKey(appeal.getBusinessKey())
                    .setVariable("satisfaction", "UNSATISFIED")
                    .correlate();
        }
        assertThat(openSteps(appeal)).containsExactlyInAnyOrder(TRIAGE, REOPEN_ALERT);
        Task alert = steps.task(appeal, REOPEN_ALERT);

        // when the alert's day passes unanswered
        moveTo(alert.getDueDate());
        runLightJob(appeal, REOPEN_ALERT);
        assertThat(lightOf(alert)).isEqualTo(TrafficLight.RED);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.RED);

        // and the station works on: triage is done, a new step starts with its own time
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE", "overrideReason", "现场可办"));

        // then the new step is green, the case stays red
        assertThat(lightOf(steps.task(appeal, HANDLE_IMMEDIATE))).isEqualTo(TrafficLight.GREEN);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.RED);

        // until the red step is done: its supervision ends, the case takes the light of what is open
        steps.complete(appeal, REOPEN_ALERT, Map.of("alertNote", "站长已约谈网格员"));
        assertThat(openSupervisions(appeal)).isZero();
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.GREEN);
    }

    @Test
    void aJointCaseIsRedWhileTheLateDepartmentWorksAndGreenWhenTheLeadConcludes() {
        // given: a road repaired jointly by 交通 (lead) and 城管
        ProcessInstance appeal = open();
        steps.complete(
                appeal,
                TRIAGE,
                Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg"), "overrideReason", "需多部门"));
        Task transport = jointTask(appeal, "dept-jt");
        Task cityManagement = jointTask(appeal, "dept-cg");

        // when 交通 finishes its part in time and 城管 lets its deadline pass
        tasks.complete(transport.getId(), Map.of("jointResult", "路面已修补"));
        moveTo(cityManagement.getDueDate());
        runLightJob(appeal, JOINT_HANDLE);

        // then only the department still at work is red: it is told, and supervision goes to it
        assertThat(lightOf(cityManagement)).isEqualTo(TrafficLight.RED);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.RED);
        assertThat(steps.toldOf("OVERDUE", appeal)).containsExactly("dept-cg");
        ProcessInstance supervision = supervisionOf(appeal, JOINT_HANDLE);
        assertThat(runtime.getVariable(supervision.getId(), "handlerGroup")).isEqualTo("dept-cg");

        // when 城管 finishes too, the lead's new step starts green and the case is green again
        tasks.complete(cityManagement.getId(), Map.of("jointResult", "占道摊点已清理"));
        steps.continueAsync(appeal);
        assertThat(lightOf(steps.task(appeal, JOINT_CONCLUDE))).isEqualTo(TrafficLight.GREEN);
        assertThat(openSupervisions(appeal)).isZero();
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.GREEN);
        // and the cockpit's facts remember the red light, the supervision and both departments
        assertThat(jdbc.sql("select light, ever_red, supervised from appeal_fact where tracking_no = ?")
                        .param(appeal.getBusinessKey())
                        .query((rs, i) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3))
                        .single())
                .isEqualTo("GREEN true true");
        assertThat(jdbc.sql("select dept_code from appeal_fact_dept where tracking_no = ?")
                        .param(appeal.getBusinessKey())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("jt", "cg");
    }

    @Test
    void aCaseWithdrawnWhileRedEndsItsSupervisionAndShowsNoLight() {
        // given a red, supervised case
        ProcessInstance appeal = open();
        moveTo(steps.task(appeal, TRIAGE).getDueDate());
        runLightJob(appeal, TRIAGE);
        assertThat(openSupervisions(appeal)).isOne();

        // when the citizen withdraws it
        runtime.createMessageCorrelation(AppealProcess.Messages.WITHDRAWN)
                .processInstanceBusinessKey(appeal.getBusinessKey())
                .correlate();

        // then nothing is left open and red
        assertThat(openSupervisions(appeal)).isZero();
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.GREEN);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .extracting(CaseLogEntry::entry)
                .contains("案件已结束，“分类分流”的督办随之结束");
    }

    // ---- 2. a light never depends on how often, how early or how late its timer ran ----

    @Test
    void aLightTimerRunEarlyChangesNothingAndComesBackAtTheWarningTime() {
        // given: triage has 24 calendar hours
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);
        assertThat(triage.getDueDate()).isEqualTo(Date.from(ARRIVAL.toInstant().plus(Duration.ofHours(24))));

        // when an operator runs the light timer an hour after arrival ("execute now" in Cockpit)
        moveTo(Date.from(ARRIVAL.toInstant().plus(Duration.ofHours(1))));
        runLightJob(appeal, TRIAGE);

        // then nothing turned yellow, nobody was told, and the timer waits for the warning time again
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.GREEN);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.GREEN);
        assertThat(lightLog(appeal)).isEmpty();
        assertThat(lightJob(appeal, TRIAGE).getDuedate()).isEqualTo(triage.getFollowUpDate());

        // and yellow and red still come exactly at their times
        yellowThenRedExactlyOnTime(appeal, triage);
    }

    @Test
    void aLightTimerRunTwiceBeforeTheDeadlineDoesNotBringRedForward() {
        // given: yellow on time
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);
        moveTo(triage.getFollowUpDate());
        runLightJob(appeal, TRIAGE);
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.YELLOW);

        // when the red firing is run by hand, twice, an hour and two hours before the deadline
        for (int hoursBefore = 2; hoursBefore >= 1; hoursBefore--) {
            moveTo(Date.from(triage.getDueDate().toInstant().minus(Duration.ofHours(hoursBefore))));
            runLightJob(appeal, TRIAGE);
            assertThat(lightOf(triage)).isEqualTo(TrafficLight.YELLOW);
            assertThat(lightJob(appeal, TRIAGE).getDuedate()).isEqualTo(triage.getDueDate());
        }

        // then one yellow in the log, and red exactly at the deadline
        assertThat(lightLog(appeal)).containsExactly("分类分流临期（黄灯）");
        moveTo(triage.getDueDate());
        runLightJob(appeal, TRIAGE);
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.RED);
        assertThat(lightLog(appeal)).containsExactly("分类分流临期（黄灯）", "分类分流已超期（红灯）");
        nothingIsAheadAfterRed(appeal, triage);
    }

    @Test
    void aLightTimerThatFiresLateGoesStraightToWhatTheDatesSay() {
        // given: a node was down from before the warning time until after the deadline
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);
        assertThat(lightJob(appeal, TRIAGE).getDuedate()).isEqualTo(triage.getFollowUpDate());

        // when the yellow firing finally runs, three hours after the deadline
        moveTo(Date.from(triage.getDueDate().toInstant().plus(Duration.ofHours(3))));
        runLightJob(appeal, TRIAGE);

        // then the step is red at once, told once, supervised once, and no firing is left over
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.RED);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.RED);
        assertThat(lightLog(appeal)).containsExactly("分类分流已超期（红灯）");
        assertThat(steps.toldOf("DUE_SOON", appeal)).isEmpty();
        assertThat(steps.toldOf("OVERDUE", appeal)).containsExactly("gw-v0101");
        assertThat(steps.toldOf("SUPERVISION", appeal)).containsExactly("supervisor");
        // no SMS for cadres unless lianxin.inbox.sms-kinds names the kind (empty by default)
        assertThat(cadreSms(appeal)).isEmpty();
        assertThat(openSupervisions(appeal)).isOne();
        assertThat(jobsOf(appeal, TRIAGE)).isEmpty();
    }

    @Test
    void aLightTimerThatFiredLateButBeforeTheDeadlineStillTurnsRedExactlyAtIt() {
        // given
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);

        // when yellow fires two hours late
        moveTo(Date.from(triage.getFollowUpDate().toInstant().plus(Duration.ofHours(2))));
        runLightJob(appeal, TRIAGE);

        // then red still comes at the deadline, not two hours after it
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.YELLOW);
        assertThat(lightJob(appeal, TRIAGE).getDuedate()).isEqualTo(triage.getDueDate());
        moveTo(triage.getDueDate());
        runLightJob(appeal, TRIAGE);
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aLightTimerThatFailedOnceIsRetriedAndRedStillArrivesAtTheDeadline() {
        // given: the first attempt at yellow fails (the inbox refuses the notice)
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);
        brokenInbox.failNext = true;
        moveTo(triage.getFollowUpDate());
        Job first = lightJob(appeal, TRIAGE);
        assertThatThrownBy(() -> management.executeJob(first.getId())).hasMessageContaining("站内消息不可用");

        // then nothing of it stayed: still green, nothing logged; the job waits for a retry, and the
        // next firing (red at the deadline) already exists beside it
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.GREEN);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.GREEN);
        assertThat(lightLog(appeal)).isEmpty();
        assertThat(steps.toldOf("DUE_SOON", appeal)).isEmpty();
        Job failed = management.createJobQuery().jobId(first.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(jobsOf(appeal, TRIAGE))
                .extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(triage.getFollowUpDate(), triage.getDueDate());

        // when the retry runs five minutes later
        moveTo(Date.from(triage.getFollowUpDate().toInstant().plus(Duration.ofMinutes(5))));
        management.executeJob(failed.getId());

        // then yellow, told once; and red at the deadline from the one firing left
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.YELLOW);
        assertThat(steps.toldOf("DUE_SOON", appeal)).containsExactly("gw-v0101");
        assertThat(jobsOf(appeal, TRIAGE)).extracting(Job::getDuedate).containsExactly(triage.getDueDate());
        moveTo(triage.getDueDate());
        runLightJob(appeal, TRIAGE);
        assertThat(lightOf(triage)).isEqualTo(TrafficLight.RED);
        assertThat(lightLog(appeal)).containsExactly("分类分流临期（黄灯）", "分类分流已超期（红灯）");
        nothingIsAheadAfterRed(appeal, triage);
    }

    // ---- 3. each light change tells the step's handlers once ----

    @Test
    void eachLightChangeTellsTheHandlersOnceAndAClaimedStepOnlyItsAssignee() {
        // given: a new case whose triage the station head has claimed
        ProcessInstance appeal = open();
        Task triage = steps.task(appeal, TRIAGE);
        tasks.claim(triage.getId(), "head-v0101");

        // when yellow comes, and the timer is run again an hour before red
        moveTo(triage.getFollowUpDate());
        runLightJob(appeal, TRIAGE);
        moveTo(Date.from(triage.getDueDate().toInstant().minus(Duration.ofHours(1))));
        runLightJob(appeal, TRIAGE);

        // then the assignee alone was told once that the task is due soon, and about which task
        assertThat(steps.toldOf("DUE_SOON", appeal)).containsExactly("head-v0101");
        assertThat(noticedTasks(appeal)).containsExactly(triage.getId());
        assertThat(steps.toldOf("OVERDUE", appeal)).isEmpty();

        // when red comes, and whatever firing is left runs after it
        moveTo(triage.getDueDate());
        runLightJob(appeal, TRIAGE);
        nothingIsAheadAfterRed(appeal, triage);

        // then the assignee was told once it is overdue, and the supervisors once of the new supervision
        assertThat(steps.toldOf("DUE_SOON", appeal)).containsExactly("head-v0101");
        assertThat(steps.toldOf("OVERDUE", appeal)).containsExactly("head-v0101");
        assertThat(steps.toldOf("SUPERVISION", appeal)).containsExactly("supervisor");
        assertThat(steps.inboxOf("head-v0101", "OVERDUE", appeal))
                .singleElement()
                .asString()
                .contains(appeal.getBusinessKey(), "分类分流", "已超期");
    }

    // ---- helpers ----

    private List<String> noticedTasks(ProcessInstance appeal) {
        return jdbc.sql("select task_id from cadre_inbox where number = ? order by id")
                .param(appeal.getBusinessKey())
                .query(String.class)
                .list();
    }

    /** Yellow exactly at the warning time, not a second before; red exactly at the due date, likewise. */
    private void yellowThenRedExactlyOnTime(ProcessInstance appeal, Task step) {
        moveTo(new Date(step.getFollowUpDate().getTime() - 1000));
        assertThat(dueNow(appeal, step.getTaskDefinitionKey())).isZero();
        moveTo(step.getFollowUpDate());
        assertThat(dueNow(appeal, step.getTaskDefinitionKey())).isOne();
        runLightJob(appeal, step.getTaskDefinitionKey());
        assertThat(lightOf(step)).isEqualTo(TrafficLight.YELLOW);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.YELLOW);
        moveTo(new Date(step.getDueDate().getTime() - 1000));
        assertThat(dueNow(appeal, step.getTaskDefinitionKey())).isZero();
        moveTo(step.getDueDate());
        runLightJob(appeal, step.getTaskDefinitionKey());
        assertThat(lightOf(step)).isEqualTo(TrafficLight.RED);
        assertThat(caseLight(appeal)).isEqualTo(TrafficLight.RED);
        nothingIsAheadAfterRed(appeal, step);
    }

    /**
     * After red nothing is ahead: no firing is scheduled after the deadline. (Run at the very
     * millisecond of the deadline, Camunda schedules the cycle's end once more for that same
     * instant; run then, it changes nothing and schedules nothing.)
     */
    private void nothingIsAheadAfterRed(ProcessInstance appeal, Task step) {
        List<Job> left = jobsOf(appeal, step.getTaskDefinitionKey());
        assertThat(left).allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(step.getDueDate()));
        List<String> log = lightLog(appeal);
        moveTo(new Date(step.getDueDate().getTime() + 1));
        left.forEach(job -> management.executeJob(job.getId()));
        assertThat(jobsOf(appeal, step.getTaskDefinitionKey())).isEmpty();
        assertThat(lightOf(step)).isEqualTo(TrafficLight.RED);
        assertThat(lightLog(appeal)).isEqualTo(log);
    }

    private ProcessInstance open() {
        AppealIntake.Receipt receipt = intake.intake(
                new IntakeRequest(
                        "张三",
                        "13800000001",
                        null,
                        "road",
                        "村口道路坑洼，雨天积水",
                        "v0101",
                        "村口",
                        Channel.ONLINE,
                        "NORMAL",
                        "CROSS_AREA"),
                null);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.trackingNo())
                .singleResult();
    }

    private Task jointTask(ProcessInstance appeal, String group) {
        return tasks.createTaskQuery()
                .processInstanceId(appeal.getId())
                .taskDefinitionKey(JOINT_HANDLE)
                .taskCandidateGroup(group)
                .singleResult();
    }

    private List<String> openSteps(ProcessInstance appeal) {
        return tasks.createTaskQuery().processInstanceId(appeal.getId()).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    private TrafficLight lightOf(Task task) {
        return TrafficLight.valueOf((String) tasks.getVariableLocal(task.getId(), "light"));
    }

    private TrafficLight caseLight(ProcessInstance appeal) {
        return appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light();
    }

    private List<String> lightLog(ProcessInstance appeal) {
        return appeals.log(appeal.getBusinessKey()).stream()
                .filter(entry -> entry.kind().equals("LIGHT"))
                .map(CaseLogEntry::entry)
                .toList();
    }

    private List<String> cadreSms(ProcessInstance appeal) {
        return jdbc.sql("select recipient from notification_outbox where tracking_no = ? and recipient_kind <> ?")
                .params(appeal.getBusinessKey(), "CITIZEN")
                .query(String.class)
                .list();
    }

    private ProcessInstance supervisionOf(ProcessInstance appeal, String stepKey) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(appeal.getBusinessKey() + ":" + stepKey)
                .singleResult();
    }

    private long openSupervisions(ProcessInstance appeal) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .variableValueEquals("trackingNo", appeal.getBusinessKey())
                .count();
    }

    private List<Job> jobsOf(ProcessInstance appeal, String taskKey) {
        return steps.timers(appeal, taskKey + "-light");
    }

    private Job lightJob(ProcessInstance appeal, String taskKey) {
        return steps.timer(appeal, taskKey + "-light");
    }

    /** How many of the step's light firings are due at the engine's time now. */
    private long dueNow(ProcessInstance appeal, String taskKey) {
        return management
                .createJobQuery()
                .processInstanceId(appeal.getId())
                .activityId(taskKey + "-light")
                .executable()
                .count();
    }

    /** Runs the step's light timer at the engine's time now, due or not (as Cockpit's "execute" does). */
    private void runLightJob(ProcessInstance appeal, String taskKey) {
        management.executeJob(lightJob(appeal, taskKey).getId());
    }

    private static void moveTo(Date at) {
        ClockUtil.setCurrentTime(at);
    }
}
