package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Tasks.*;
import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 走访后 3 个工作日反馈: a case a cadre registers from a visit (channel {@code VISIT}) opens
 * {@code visit-feedback} beside its handling, with a working-day deadline, a light and supervision
 * like every other step. Cases are registered as a cadre does, through the start form in Tasklist.
 * The job executor is off: the tests move the clock and run the light timer themselves.
 */
@ProcessTest
@ProcessTest.OwnEngine("visit")
class VisitFeedbackProcessTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    AppealIntake intake;

    @Autowired
    Appeals appeals;

    @Autowired
    JdbcClient jdbc;

    ProcessSteps steps;

    @BeforeEach
    void init() {
        steps = new ProcessSteps(engine, jdbc);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(at("2026-11-24T09:30"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void aCaseRegisteredFromAVisitOpensVisitFeedbackBesideTriage() {
        // when
        ProcessInstance appeal = register("VISIT");

        // then
        assertThat(appeal).isWaitingAtExactly(TRIAGE, VISIT_FEEDBACK);
        Task visit = steps.task(appeal, VISIT_FEEDBACK);
        assertThat(visit.getName()).isEqualTo("走访反馈");
        assertThat(steps.candidateGroup(visit)).isEqualTo("grid-worker-v0201");
        assertThat(steps.candidateGroup(steps.task(appeal, TRIAGE))).isEqualTo("grid-worker-v0201");
        assertThat(tasks.getVariableLocal(visit.getId(), "light")).isEqualTo("GREEN");
        assertThat(lightJob(appeal)).isNotNull();
    }

    @Test
    void casesFromOtherChannelsOpenNoVisitFeedback() {
        // when
        ProcessInstance byPhone = register("PHONE");
        ProcessInstance walkIn = register("WALK_IN");
        ProcessInstance online = submitOnline();

        // then
        for (ProcessInstance appeal : List.of(byPhone, walkIn, online)) {
            assertThat(appeal).isWaitingAtExactly(TRIAGE).hasPassed("visit-split");
            assertThat(appeal).hasNotPassed(VISIT_FEEDBACK);
        }
    }

    /**
     * 2026-09-30 (Wednesday) 10:00, the eve of National Day: 1–7 October are off, 8 and 9 October
     * (Thursday, Friday) are worked, and so is Saturday 10 October (调休上班). The third working day
     * after the visit is that Saturday, due at the same time of day; yellow comes after two thirds
     * of the working time, on Friday 9 October at 10:00 (plus the rounding of 0.6667).
     */
    @Test
    void aVisitBeforeNationalDayIsDueOnTheThirdWorkingDayAndTurnsYellowThenRedIntoSupervision() {
        // given
        ClockUtil.setCurrentTime(at("2026-09-30T10:00"));

        // when
        ProcessInstance appeal = register("VISIT");

        // then: due on the make-up Saturday
        Task visit = steps.task(appeal, VISIT_FEEDBACK);
        assertThat(visit.getDueDate()).isEqualTo(at("2026-10-10T10:00"));
        assertThat(visit.getFollowUpDate()).isAfter(at("2026-10-09T10:00")).isBefore(at("2026-10-09T10:01"));
        Job yellow = lightJob(appeal);
        assertThat(yellow.getDuedate()).isEqualTo(visit.getFollowUpDate());

        // when the warning time passes
        steps.fire(yellow);

        // then
        assertThat(tasks.getVariableLocal(visit.getId(), "light")).isEqualTo("YELLOW");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light())
                .isEqualTo(TrafficLight.YELLOW);
        assertThat(steps.inboxOf("gw-v0201", "DUE_SOON", appeal))
                .singleElement()
                .asString()
                .contains("走访反馈", "即将到期", "10月10日 10:00");
        assertThat(supervisionOf(appeal)).isNull();

        // when the due date passes
        Job red = lightJob(appeal);
        assertThat(red.getDuedate()).isEqualTo(at("2026-10-10T10:00"));
        steps.fire(red);

        // then
        assertThat(tasks.getVariableLocal(visit.getId(), "light")).isEqualTo("RED");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light())
                .isEqualTo(TrafficLight.RED);
        assertThat(steps.inboxOf("gw-v0201", "DUE_SOON", appeal)).hasSize(1);
        assertThat(steps.inboxOf("gw-v0201", "OVERDUE", appeal))
                .singleElement()
                .asString()
                .contains("走访反馈", "已超期", "10月10日 10:00");
        ProcessInstance supervision = supervisionOf(appeal);
        assertThat(supervision).isNotNull();
        assertThat(supervision).isWaitingAt(SupervisionProcess.Tasks.SUPERVISE);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("LIGHT"))
                .extracting(CaseLogEntry::entry)
                .containsExactly("走访反馈临期（黄灯）", "走访反馈已超期（红灯）");
        assertThat(appeal).isWaitingAt(TRIAGE, VISIT_FEEDBACK);
    }

    @Test
    void completingVisitFeedbackLogsTheProgressForTheCitizenAndEndsItsSupervision() {
        // given a visit left until red
        ProcessInstance appeal = register("VISIT");
        steps.fire(lightJob(appeal));
        steps.fire(lightJob(appeal));
        ProcessInstance supervision = supervisionOf(appeal);
        assertThat(supervision).isWaitingAt(SupervisionProcess.Tasks.SUPERVISE);

        // when
        complete(appeal, VISIT_FEEDBACK, Map.of("visitFeedbackChannel", "PHONE", "visitProgress", "已联系环卫所，明天上午清运"));

        // then
        assertThat(appeal).isWaitingAtExactly(TRIAGE).hasPassed("visit-fed-back");
        assertThat(lightJob(appeal)).isNull();
        assertThat(supervision).isEnded();
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("VISIT_FEEDBACK"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.entry()).isEqualTo("走访反馈（电话告知）：已联系环卫所，明天上午清运");
                    assertThat(entry.shownToCitizen()).isTrue();
                    assertThat(entry.actor()).isEqualTo("gw-v0201");
                });
        assertThat(runtime.getVariable(appeal.getId(), "visitProgress")).isEqualTo("已联系环卫所，明天上午清运");
    }

    @Test
    void visitFeedbackRefusesBadInputNamingTheFieldAndStoresNothing() {
        // given
        ProcessInstance appeal = register("VISIT");
        String visit = steps.task(appeal, VISIT_FEEDBACK).getId();

        // then
        steps.assertRejected(visit, Map.of("visitFeedbackChannel", "PHONE"), "visitProgress");
        steps.assertRejected(visit, Map.of("visitFeedbackChannel", "PHONE", "visitProgress", "   "), "visitProgress");
        steps.assertRejected(
                visit, Map.of("visitFeedbackChannel", "PHONE", "visitProgress", "进".repeat(2001)), "visitProgress");
        steps.assertRejected(visit, Map.of("visitProgress", "已告知"), "visitFeedbackChannel");
        steps.assertRejected(
                visit, Map.of("visitFeedbackChannel", "PIGEON", "visitProgress", "已告知"), "visitFeedbackChannel");
        steps.assertRejected(
                visit, Map.of("visitFeedbackChannel", "PHONE", "visitProgress", "已告知", "result", "已办结"), "result");
        steps.assertRejected(
                visit,
                Map.of("visitFeedbackChannel", "PHONE", "visitProgress", "已告知", "trackingNo", "LX-20260101-000001"),
                "trackingNo");
        assertThat(runtime.getVariables(appeal.getId()))
                .doesNotContainKeys("visitProgress", "visitFeedbackChannel", "result");
        assertThat(appeals.log(appeal.getBusinessKey()))
                .noneMatch(entry -> entry.kind().equals("VISIT_FEEDBACK"));

        // and the longest progress allowed is taken
        complete(appeal, VISIT_FEEDBACK, Map.of("visitFeedbackChannel", "VISIT", "visitProgress", "进".repeat(2000)));
        assertThat(appeal).hasPassed("visit-fed-back");
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("VISIT_FEEDBACK"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.entry()).endsWith("进".repeat(2000)));
    }

    @Test
    void theCaseFollowsItsMainPathWhateverTheVisitFeedbackDoes() {
        // given
        ProcessInstance reported = register("VISIT");
        ProcessInstance unreported = register("VISIT");

        // when one case reports its progress half-way and the other never does
        complete(reported, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));
        complete(reported, VISIT_FEEDBACK, Map.of("visitFeedbackChannel", "VISIT", "visitProgress", "已承诺两个工作日内清运"));
        handleAndClose(reported);
        complete(unreported, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));
        handleAndClose(unreported);

        // then both are closed; closing ended the open visit feedback and its light timer with the case
        assertThat(reported).isEnded().hasPassed("visit-fed-back", "archive", "closed");
        assertThat(unreported).isEnded().hasPassed("archive", "closed").hasNotPassed("visit-fed-back");
        assertThat(tasks.createTaskQuery().processInstanceId(unreported.getId()).count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(unreported.getId())
                        .count())
                .isZero();
        assertThat(appeals.byTrackingNo(unreported.getBusinessKey())
                        .orElseThrow()
                        .status())
                .isEqualTo(AppealStatus.CLOSED);
    }

    private void handleAndClose(ProcessInstance appeal) {
        complete(appeal, HANDLE_PROMISED, Map.of("outcome", "DONE", "result", "垃圾已清运"));
        complete(appeal, FEEDBACK, Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知"));
        runtime.createMessageCorrelation(AppealProcess.Messages.EVALUATED)
                .processInstanceBusinessKey(appeal.getBusinessKey())
                .setVariable("satisfaction", "SATISFIED")
                .correlate();
    }

    /** A cadre of 河口村 registers a request in Tasklist's start form, by the given channel. */
    private ProcessInstance register(String channel) {
        identity.setAuthentication("gw-v0201", List.of("grid-worker-v0201"), List.of("v0201"));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("citizenName", "李四");
            form.put("phone", "13900000002");
            form.put("category", "sanitation");
            form.put("channel", channel);
            form.put("urgency", "NORMAL");
            form.put("scope", "BUILDING");
            form.put("description", "垃圾桶满了没人清");
            form.put("location", "河口村委会旁");
            return runtime.startProcessInstanceByKey(AppealProcess.KEY, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessInstance submitOnline() {
        AppealIntake.Receipt receipt = intake.intake(
                new IntakeRequest(
                        "张三",
                        "13800000001",
                        null,
                        "sanitation",
                        "垃圾桶满了没人清",
                        "v0201",
                        null,
                        Channel.ONLINE,
                        "NORMAL",
                        "BUILDING"),
                null);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.trackingNo())
                .singleResult();
    }

    private ProcessInstance supervisionOf(ProcessInstance appeal) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(appeal.getBusinessKey() + ":" + VISIT_FEEDBACK)
                .singleResult();
    }

    private Job lightJob(ProcessInstance appeal) {
        return management
                .createJobQuery()
                .processInstanceId(appeal.getId())
                .activityId(VISIT_FEEDBACK + "-light")
                .singleResult();
    }

    private void complete(ProcessInstance appeal, String taskKey, Map<String, Object> variables) {
        identity.setAuthentication("gw-v0201", List.of("grid-worker-v0201"), List.of("v0201"));
        try {
            tasks.complete(steps.task(appeal, taskKey).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
