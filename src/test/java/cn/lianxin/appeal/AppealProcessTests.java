package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Tasks.*;
import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.UnitTenants;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.testing.FlowNodeCoverage;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.TaskDataRejected;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
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
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@code appeal.bpmn}, path by path and branch by branch, on the real beans with an in-memory H2
 * database. The job executor is off: timers fire when a test moves the clock and runs the job.
 * process-test-coverage reports the flow-node and sequence-flow coverage of the model (100%, report
 * in target/process-test-coverage); its own threshold check does not fail a Spring test class, so
 * {@link FlowNodeCoverage} asserts, after all tests here, that every flow node was reached on this
 * class's own engine.
 */
@ProcessTest
@ProcessTest.OwnEngine("appeal")
@RecordApplicationEvents
class AppealProcessTests {

    /** Every flow node of appeal.bpmn is reached by the tests of this class, checked after all of them. */
    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of(AppealProcess.KEY, "withdrawal");

    @Autowired
    UnitTenants unitTenants;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    AppealIntake intake;

    @Autowired
    Appeals appeals;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    SendBack sendBack;

    @Autowired
    Recalls recalls;

    @Autowired
    StepsBack stepsBack;

    @Autowired
    ApplicationEvents notices;

    ProcessSteps steps;

    @BeforeEach
    void initAssertions() {
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
    void aPolicyQuestionIsAnsweredOnTheSpotAndClosedWhenTheCitizenIsSatisfied() {
        // given
        ProcessInstance appeal = open("policy", "NORMAL", "HOUSEHOLD");
        assertThat(appeal).isWaitingAt(TRIAGE).task().hasCandidateGroup("grid-worker-v0101");
        assertThat(variable(appeal, "suggestedPath")).isEqualTo("IMMEDIATE");

        // when
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE"));
        steps.complete(appeal, HANDLE_IMMEDIATE, Map.of("onSite", true, "result", "已当面解释医保报销政策"));
        steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知"));
        assertThat(appeal).isWaitingAt("await-evaluation");
        evaluate(appeal, "SATISFIED");

        // then
        assertThat(appeal).isEnded().hasPassed("archive", "closed").variables().containsEntry("status", "CLOSED");
        Appeal stored = appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(stored.path()).isEqualTo(Path.IMMEDIATE);
        assertThat(stored.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .extracting(CaseLogEntry::kind)
                .contains("APPOINTMENT", "TRIAGE", "ON_SITE", "RESULT", "SIGN_OFF", "EVALUATION", "ARCHIVE");
        assertThat(steps.messagesTo("13800000001", appeal))
                .hasSize(3)
                .anyMatch(m -> m.contains("已受理"))
                .anyMatch(m -> m.contains("有新进展：已确定办理方式：即办"))
                .anyMatch(m -> m.contains("已办结"));
    }

    @Test
    void aPromiseIsDueAfterItsWorkingDaysAndARevisitFollowsWhenNoEvaluationComes() {
        // given: a stairwell light, suggested 承诺办 of at most 3 working days
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        assertThat(variable(appeal, "maxPromisedDays")).isEqualTo(3);

        // when
        steps.complete(appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));

        // then: Tuesday 09:30 + 2 working days
        assertThat(steps.task(appeal, HANDLE_PROMISED).getDueDate()).isEqualTo(at("2026-11-26T09:30"));

        // when
        steps.complete(appeal, HANDLE_PROMISED, Map.of("outcome", "DONE", "result", "已更换楼道灯"));
        steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "SMS", "feedbackContent", "楼道灯已修好"));
        Job window =
                management.createJobQuery().processInstanceId(appeal.getId()).singleResult();
        assertThat(window.getDuedate())
                .isEqualTo(Date.from(workingDays.add(ClockUtil.getCurrentTime().toInstant(), 3)));
        ClockUtil.setCurrentTime(new Date(window.getDuedate().getTime() + 60_000));
        management.executeJob(window.getId());

        // then
        assertThat(appeal).isWaitingAt(REVISIT);
        steps.complete(appeal, REVISIT, Map.of("satisfaction", "BASICALLY_SATISFIED", "revisitNote", "群众表示基本满意"));
        assertThat(appeal).isEnded().hasPassed("evaluation-window", "revisit", "closed");
    }

    @Test
    void aPromiseBeyondTheStationIsConvertedToAnEscalationAndHandledByTheTown() {
        // given
        ProcessInstance appeal = open("property", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 5));

        // when
        steps.complete(appeal, HANDLE_PROMISED, Map.of("outcome", "ESCALATE", "escalationReason", "需要住建部门维修资金"));

        // then
        assertThat(appeal).isWaitingAt(REVIEW_ESCALATION).task().hasCandidateGroup("station-head-v0101");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().path())
                .isEqualTo(Path.ESCALATE);
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", true));
        assertThat(appeal).isWaitingAt(TOWN_HANDLE).task().hasCandidateGroup("town-center-t01");
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "HANDLED", "result", "镇里协调物业完成维修"));
        assertThat(appeal).isWaitingAt(FEEDBACK);
    }

    @Test
    void anEscalationGoesBackToTriageThenThroughTheTownToADepartmentThatHandsItBackOnce() {
        // given: a pothole, suggested 上报 to 交通
        ProcessInstance appeal = open("road", "NORMAL", "VILLAGE");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));

        // when the station head sends it back
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", false, "comment", "请先核实具体位置"));

        // then
        assertThat(appeal).isWaitingAt(TRIAGE);

        // when
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", true));
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "DISPATCH", "deptCode", "cg"));
        assertThat(appeal).isWaitingAt(DEPT_HANDLE).task().hasCandidateGroup("dept-cg");
        steps.complete(appeal, DEPT_HANDLE, Map.of("deptOutcome", "HAND_BACK", "handBackReason", "道路维修属交通部门"));
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "DISPATCH", "deptCode", "jt"));
        assertThat(appeal).isWaitingAt(DEPT_HANDLE).task().hasCandidateGroup("dept-jt");
        steps.complete(appeal, DEPT_HANDLE, Map.of("deptOutcome", "DONE", "result", "已修补路面"));

        // then
        assertThat(appeal).isWaitingAt(FEEDBACK);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .extracting(CaseLogEntry::entry)
                .anyMatch(entry -> entry.contains("派发到城管"))
                .anyMatch(entry -> entry.contains("城管退回镇便民服务中心"))
                .anyMatch(entry -> entry.contains("交通已办结"));
    }

    @Test
    void theTownMayReturnACaseWhichIsThenExplainedToTheCitizenOnce() {
        // given
        ProcessInstance appeal = open("vendors", "NORMAL", "HOUSEHOLD");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", true));

        // when
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "RETURN", "townComment", "已进入行政复议"));

        // then
        assertThat(appeal).isWaitingAt(NOTIFY_RETURN);
        steps.complete(
                appeal,
                NOTIFY_RETURN,
                Map.of(
                        "returnReasons", List.of("诉求事项已进入诉讼、仲裁或行政复议程序"),
                        "returnBasis", "《信访工作条例》第三十一条",
                        "alternatives", "请等待复议结果"));
        assertThat(appeal).isEnded().hasPassed("returned").variables().containsEntry("status", "RETURNED");
    }

    @Test
    void aReturnTellsEveryReasonAtOnceIncludingTheOnesWrittenByHand() {
        // given
        ProcessInstance appeal = open("parking", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "RETURN", "overrideReason", "属于业主共有事项"));
        // the choices are typed JSON, so that Tasklist submits the picked reasons as JSON too
        List<String> offered = ((SpinJsonNode) variable(appeal, "standardReturnReasons"))
                .elements().stream().map(o -> o.prop("value").stringValue()).toList();
        assertThat(offered).contains("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定");

        // when
        steps.complete(
                appeal,
                NOTIFY_RETURN,
                Map.of(
                        "returnReasons", List.of(offered.get(0)),
                        "extraReason", "车位纠纷已在法院审理\n 需先召开业主大会 ",
                        "returnBasis", "《民法典》第二百七十六条",
                        "alternatives", "请联系业主委员会"));

        // then
        assertThat(appeal).isEnded();
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) history.createHistoricVariableInstanceQuery()
                .processInstanceId(appeal.getId())
                .variableName("returnReasons")
                .singleResult()
                .getValue();
        assertThat(reasons).hasSize(3).contains("车位纠纷已在法院审理", "需先召开业主大会");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().status())
                .isEqualTo(AppealStatus.RETURNED);
    }

    @Test
    void jointHandlingGivesTheLeadAndEachCoDepartmentItsOwnTaskThenTheLeadConcludes() {
        // given: a road across villages, suggested 联合办理 led by 交通
        ProcessInstance appeal = open("road", "URGENT", "CROSS_AREA");
        assertThat(variable(appeal, "suggestedPath")).isEqualTo("JOINT");

        // when
        steps.complete(appeal, TRIAGE, Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg", "zj")));

        // then
        List<Task> joint = tasks.createTaskQuery()
                .processInstanceId(appeal.getId())
                .taskDefinitionKey(JOINT_HANDLE)
                .list();
        assertThat(joint).hasSize(3);
        assertThat(joint.stream().map(steps::candidateGroup))
                .containsExactlyInAnyOrder("dept-jt", "dept-cg", "dept-zj");
        for (Task task : joint) {
            tasks.complete(task.getId(), Map.of("jointResult", steps.candidateGroup(task) + " 已完成本部门部分"));
        }
        // each department's part stayed on its own branch, and the model goes on one department at a time
        assertThat(runtime.getVariables(appeal.getId())).doesNotContainKey("jointResult");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(appeal.getId())
                        .messages()
                        .count())
                .isEqualTo(3);
        assertThat(steps.task(appeal, JOINT_CONCLUDE)).isNull();
        steps.continueAsync(appeal);
        assertThat(appeal).isWaitingAt(JOINT_CONCLUDE).task().hasCandidateGroup("dept-jt");
        assertThat((String) tasks.getVariable(steps.task(appeal, JOINT_CONCLUDE).getId(), "jointResultsSummary"))
                .contains("交通：dept-jt 已完成本部门部分", "城管：dept-cg 已完成本部门部分", "住建：dept-zj 已完成本部门部分");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .variableName("jointDeptLabel")
                        .list())
                .extracting(v -> v.getValue())
                .contains("交通", "城管", "住建");
        steps.complete(appeal, JOINT_CONCLUDE, Map.of("result", "三部门联合修复道路并加装护栏"));
        assertThat(appeal).isWaitingAt(FEEDBACK);
    }

    @Test
    void anUnsatisfiedCitizenReopensTheCaseAndASecondTimeAlertsTheStationHead() {
        // given
        ProcessInstance appeal = open("sanitation", "NORMAL", "BUILDING");
        handleOnTheSpotAndFeedBack(appeal);

        // when
        evaluate(appeal, "UNSATISFIED");

        // then
        assertThat(appeal).isWaitingAt(TRIAGE);
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().reopenCount())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(appeal.getId())
                        .taskDefinitionKey(REOPEN_ALERT)
                        .count())
                .isZero();

        // when it happens again
        handleOnTheSpotAndFeedBack(appeal);
        evaluate(appeal, "UNSATISFIED");

        // then
        assertThat(appeal).isWaitingAt(TRIAGE, REOPEN_ALERT);
        assertThat(steps.task(appeal, REOPEN_ALERT).getName()).isEqualTo("站长关注");
        assertThat(steps.candidateGroup(steps.task(appeal, REOPEN_ALERT))).isEqualTo("station-head-v0101");
        steps.complete(appeal, REOPEN_ALERT, Map.of("alertNote", "站长带队上门"));
        handleOnTheSpotAndFeedBack(appeal);
        evaluate(appeal, "SATISFIED");
        assertThat(appeal).isEnded().hasPassed("alert-handled", "closed");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().reopenCount())
                .isEqualTo(2);
    }

    @Test
    void closingTheCaseEndsTheStationHeadsOpenAlertToo() {
        // given: reopened twice, the alert is still open when the third handling satisfies the citizen
        ProcessInstance appeal = open("sanitation", "NORMAL", "BUILDING");
        handleOnTheSpotAndFeedBack(appeal);
        evaluate(appeal, "UNSATISFIED");
        handleOnTheSpotAndFeedBack(appeal);
        evaluate(appeal, "UNSATISFIED");
        assertThat(appeal).isWaitingAt(TRIAGE, REOPEN_ALERT);

        // when
        handleOnTheSpotAndFeedBack(appeal);
        evaluate(appeal, "SATISFIED");

        // then
        assertThat(appeal).isEnded().hasPassed("closed");
        assertThat(tasks.createTaskQuery().processInstanceId(appeal.getId()).count())
                .isZero();
    }

    @Test
    void aTaskReachedAgainMustBeAnsweredAgain() {
        // given: the station head sent an escalation back, so triage is open a second time
        ProcessInstance appeal = open("road", "NORMAL", "VILLAGE");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", false, "comment", "请核实位置"));

        // then the earlier answer does not count
        steps.assertRejected(steps.task(appeal, TRIAGE).getId(), Map.of(), "path");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        steps.assertRejected(steps.task(appeal, REVIEW_ESCALATION).getId(), Map.of(), "approved");
    }

    @Test
    void aWithdrawalEndsTheCaseAtAnyTimeWithNoOpenTask() {
        // given
        ProcessInstance appeal = open("road", "NORMAL", "CROSS_AREA");
        steps.complete(appeal, TRIAGE, Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg")));

        // when
        runtime.createMessageCorrelation(AppealProcess.Messages.WITHDRAWN)
                .processInstanceBusinessKey(appeal.getBusinessKey())
                .correlate();

        // then
        assertThat(appeal).isEnded().hasPassed("withdrawn").variables().containsEntry("status", "WITHDRAWN");
        assertThat(tasks.createTaskQuery().processInstanceId(appeal.getId()).count())
                .isZero();
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().status())
                .isEqualTo(AppealStatus.WITHDRAWN);
    }

    @Test
    void aCadreRegistersARequestInTasklistAndThePersonalDataLeavesTheProcess() {
        // given
        identity.setAuthentication("gw-v0201", List.of("grid-worker-v0201"), List.of("v0201"));
        Map<String, Object> form = startForm();

        // when
        ProcessInstance appeal = runtime.startProcessInstanceByKey(AppealProcess.KEY, form);
        identity.clearAuthentication();

        // then
        assertThat(appeal.getBusinessKey()).matches("LX-20261124-\\d{6}");
        assertThat(appeal).isWaitingAt(TRIAGE).task(TRIAGE).hasCandidateGroup("grid-worker-v0201");
        assertThat(runtime.getVariables(appeal.getId()))
                .doesNotContainKeys("phone", "idNumber", "citizenName")
                .containsEntry("citizenSummary", "李* 139****0002")
                .containsEntry("townCode", "t02");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .variableNameIn("phone", "idNumber", "citizenName")
                        .count())
                .isZero();
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(appeal.getId())
                        .list())
                .noneMatch(detail -> detail.toString().contains("13900000002"));
        Appeal stored = appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow();
        assertThat(stored.phone()).isEqualTo("13900000002");
        assertThat(steps.messagesTo("13900000002", appeal))
                .singleElement()
                .asString()
                .contains(appeal.getBusinessKey(), "查询码");
        assertThat(stored.channel()).isEqualTo(Channel.VISIT);
    }

    @Test
    void aStartFormWithBadDataStartsNothing() {
        // given
        identity.setAuthentication("gw-v0101", List.of("grid-worker-v0101"), List.of("v0101"));
        Map<String, Object> form = new HashMap<>(startForm());
        form.put("phone", "12345");
        form.put("category", "weather");
        long before = runtime.createProcessInstanceQuery().count();

        // then
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(AppealProcess.KEY, form))
                .isInstanceOf(TaskDataRejected.class)
                .hasMessageContaining("phone")
                .hasMessageContaining("category");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void triageRefusesEveryIncompleteDecisionAndTheTaskStaysOpen() {
        // given
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        String triage = steps.task(appeal, TRIAGE).getId();

        // then
        steps.assertRejected(triage, Map.of(), "path");
        steps.assertRejected(triage, Map.of("path", "SOMEDAY"), "path");
        steps.assertRejected(triage, Map.of("path", "PROMISED"), "promisedDays");
        steps.assertRejected(triage, Map.of("path", "PROMISED", "promisedDays", 4), "promisedDays");
        steps.assertRejected(triage, Map.of("path", "JOINT", "leadDept", "jt", "overrideReason", "x"), "coDepts");
        steps.assertRejected(
                triage,
                Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of(), "overrideReason", "x"),
                "coDepts");
        steps.assertRejected(
                triage,
                Map.of("path", "JOINT", "leadDept", "xx", "coDepts", List.of("cg"), "overrideReason", "x"),
                "leadDept");
        steps.assertRejected(
                triage,
                Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("moon"), "overrideReason", "x"),
                "coDepts");
        steps.assertRejected(triage, Map.of("path", "IMMEDIATE"), "overrideReason");
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isEqualTo(1);
        assertThat(runtime.getVariable(appeal.getId(), "path")).isNull();
    }

    /**
     * The engine's own check (TaskDataGuard), under every route that completes a task: a task takes
     * exactly its form's fields, and a field the form only shows cannot be written. The HTTP routes
     * are asserted once each in EngineAttacksIT and AppealHttpIT.
     */
    @Test
    void aTaskTakesOnlyItsOwnFieldsAndNoneItsFormOnlyShows() {
        // given
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        String triage = steps.task(appeal, TRIAGE).getId();
        Map<String, Object> decision = Map.of("path", "PROMISED", "promisedDays", 2);

        // then
        Map<String, Object> unknown = new HashMap<>(decision);
        unknown.put("status", "CLOSED");
        steps.assertRejected(triage, unknown, "status");
        Map<String, Object> shownOnly = new HashMap<>(decision);
        shownOnly.put("maxPromisedDays", 30);
        steps.assertRejected(triage, shownOnly, "maxPromisedDays");
        assertThat(variable(appeal, "maxPromisedDays")).isEqualTo(3);
        assertThat(runtime.getVariable(appeal.getId(), "status")).isNotEqualTo("CLOSED");
    }

    @Test
    void returnsAndDispatchesNeedTheirData() {
        // given
        ProcessInstance returned = open("parking", "NORMAL", "BUILDING");
        steps.complete(returned, TRIAGE, Map.of("path", "RETURN", "overrideReason", "不属于受理范围"));
        ProcessInstance escalated = open("road", "NORMAL", "VILLAGE");
        steps.complete(escalated, TRIAGE, Map.of("path", "ESCALATE"));
        steps.complete(escalated, REVIEW_ESCALATION, Map.of("approved", true));

        // then
        String notify = steps.task(returned, NOTIFY_RETURN).getId();
        steps.assertRejected(notify, Map.of("returnBasis", "依据", "alternatives", "建议"), "returnReasons");
        steps.assertRejected(
                notify, Map.of("returnReasons", List.of(), "returnBasis", "依据", "alternatives", "建议"), "returnReasons");
        steps.assertRejected(notify, Map.of("returnReasons", List.of("理由")), "returnBasis");
        String town = steps.task(escalated, TOWN_HANDLE).getId();
        steps.assertRejected(town, Map.of("townDecision", "DISPATCH"), "deptCode");
        steps.assertRejected(town, Map.of("townDecision", "DISPATCH", "deptCode", "v0101"), "deptCode");
        steps.assertRejected(town, Map.of("townDecision", "MAYBE"), "townDecision");
        steps.assertRejected(steps.task(escalated, TOWN_HANDLE).getId(), Map.of("townDecision", "HANDLED"), "result");
    }

    @Test
    void everyStepTurnsYellowThenRedAndItsTimerEndsWithTheStep() {
        // given: a joint case, reopened twice, then escalated and dispatched
        ProcessInstance appeal = open("road", "NORMAL", "CROSS_AREA");
        lightsOut(appeal, TRIAGE);
        steps.complete(appeal, TRIAGE, Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg")));
        lightsOut(appeal, JOINT_HANDLE);
        tasks.createTaskQuery()
                .processInstanceId(appeal.getId())
                .taskDefinitionKey(JOINT_HANDLE)
                .list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("jointResult", "已处理")));
        steps.continueAsync(appeal);
        lightsOut(appeal, JOINT_CONCLUDE);
        steps.complete(appeal, JOINT_CONCLUDE, Map.of("result", "联合处理完毕"));
        lightsOut(appeal, FEEDBACK);
        steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
        evaluate(appeal, "UNSATISFIED");
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE", "overrideReason", "现场可办"));
        lightsOut(appeal, HANDLE_IMMEDIATE);
        steps.complete(appeal, HANDLE_IMMEDIATE, Map.of("result", "已处理"));
        steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
        Job window = management
                .createJobQuery()
                .processInstanceId(appeal.getId())
                .activityId("evaluation-window")
                .singleResult();
        ClockUtil.setCurrentTime(new Date(window.getDuedate().getTime() + 1000));
        management.executeJob(window.getId());
        lightsOut(appeal, REVISIT);
        steps.complete(appeal, REVISIT, Map.of("satisfaction", "UNSATISFIED"));
        lightsOut(appeal, REOPEN_ALERT);
        steps.complete(appeal, REOPEN_ALERT, Map.of("alertNote", "站长督促"));
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE", "overrideReason", "需交通部门"));
        lightsOut(appeal, REVIEW_ESCALATION);
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", true));
        lightsOut(appeal, TOWN_HANDLE);
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "DISPATCH", "deptCode", "jt"));
        lightsOut(appeal, DEPT_HANDLE);
        steps.complete(appeal, DEPT_HANDLE, Map.of("deptOutcome", "DONE", "result", "已修复"));

        // then every light change is in the case log, and finished steps left no timer behind
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("LIGHT"))
                .hasSize(2 * 10);
        assertThat(management.createJobQuery().processInstanceId(appeal.getId()).list())
                .extracting(Job::getJobDefinitionId)
                .allSatisfy(definition -> assertThat(management
                                .createJobDefinitionQuery()
                                .jobDefinitionId(definition)
                                .singleResult()
                                .getActivityId())
                        .isEqualTo(FEEDBACK + "-light"));
    }

    @Test
    void aThreeDayPromiseMadeBeforeNationalDayTurnsRedOnlyAfterTheMakeUpSaturday() {
        // given
        ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
        ProcessInstance appeal = open("property", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 3));

        // then
        Task promise = steps.task(appeal, HANDLE_PROMISED);
        assertThat(promise.getDueDate()).isEqualTo(at("2026-10-10T10:00"));
        Job light = lightJob(appeal, HANDLE_PROMISED);
        assertThat(light.getDuedate()).isAfter(at("2026-10-09T10:00")).isBefore(at("2026-10-09T10:01"));
        steps.fire(light);
        assertThat(tasks.getVariableLocal(promise.getId(), "light")).isEqualTo("YELLOW");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light())
                .isEqualTo(cn.lianxin.deadline.TrafficLight.YELLOW);
        Job red = lightJob(appeal, HANDLE_PROMISED);
        assertThat(red.getDuedate()).isEqualTo(at("2026-10-10T10:00"));
        steps.fire(red);
        assertThat(tasks.getVariableLocal(promise.getId(), "light")).isEqualTo("RED");
        assertThat(steps.inboxOf("gw-v0101", "OVERDUE", appeal))
                .singleElement()
                .asString()
                .contains("已超期", "10月10日 10:00");
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light())
                .isEqualTo(cn.lianxin.deadline.TrafficLight.RED);

        // when the promise is kept after all, its timer is gone and the next step starts green
        steps.complete(appeal, HANDLE_PROMISED, Map.of("outcome", "DONE", "result", "已维修"));
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(appeal.getId())
                        .activityId(HANDLE_PROMISED + "-light")
                        .count())
                .isZero();
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey()).orElseThrow().light())
                .isEqualTo(cn.lianxin.deadline.TrafficLight.GREEN);
    }

    @Test
    void aReturnToBeExplainedTurnsRedTooWhenForgotten() {
        ProcessInstance appeal = open("parking", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "RETURN", "overrideReason", "业主共有事项"));
        lightsOut(appeal, NOTIFY_RETURN);
        steps.complete(
                appeal,
                NOTIFY_RETURN,
                Map.of("returnReasons", List.of("理由"), "returnBasis", "依据", "alternatives", "建议"));
        assertThat(appeal).isEnded();
    }

    @Test
    void aPromiseTurnsYellowAndRedAndIsStillKept() {
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));
        lightsOut(appeal, HANDLE_PROMISED);
        steps.complete(appeal, HANDLE_PROMISED, Map.of("outcome", "DONE", "result", "已修好"));
        assertThat(appeal).isWaitingAt(FEEDBACK);
    }

    // ---- 驳回 (send back) and 撤回 (recall), modelled as boundary message events ----

    @Test
    void aHandlerSendsAnImmediateCaseBackToTriageWithAReasonTheGridWorkerSees() {
        // given
        ProcessInstance appeal = open("policy", "NORMAL", "HOUSEHOLD");
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE"));
        Task immediate = steps.task(appeal, HANDLE_IMMEDIATE);
        ClockUtil.setCurrentTime(at("2026-11-25T10:00"));

        // when
        as("gw-v0101", "grid-worker-v0101");
        sendBack.sendBack(immediate.getId(), "政策咨询需先核实户籍");
        identity.clearAuthentication();

        // then: triage again, with the reason, a new deadline and a green light
        assertThat(appeal).isWaitingAt(TRIAGE).hasPassed("handle-immediate-sent-back");
        Task again = steps.task(appeal, TRIAGE);
        assertThat(tasks.getVariableLocal(again.getId(), "sentBackReason")).isEqualTo("政策咨询需先核实户籍");
        assertThat(again.getDueDate()).isAfter(at("2026-11-25T10:00"));
        assertThat(tasks.getVariableLocal(again.getId(), "light")).isEqualTo("GREEN");
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("SEND_BACK"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("gw-v0101");
                    assertThat(entry.entry()).contains("即办驳回到分类分流", "政策咨询需先核实户籍");
                    assertThat(entry.shownToCitizen()).isFalse();
                });
        assertThat(notices.stream(CadreNotice.class)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(CadreNotice.Kind.SENT_BACK);
            assertThat(notice.groups()).containsExactly("grid-worker-v0101");
            assertThat(notice.taskId()).isEqualTo(again.getId());
            assertThat(notice.text()).contains(appeal.getBusinessKey(), "政策咨询需先核实户籍");
        });

        // and the reason is shown once: triage answered anew, it is gone from the next step
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE", "sentBackReason", "政策咨询需先核实户籍"));
        assertThat(runtime.getVariables(appeal.getId())).doesNotContainKey("sentBackReason");
    }

    @Test
    void aRedPromiseSentBackEndsItsSupervisionAndTheCaseTakesTheNewStepsLight() {
        // given: a promise overdue, so under supervision, the case red
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));
        lightsOut(appeal, HANDLE_PROMISED);
        assertThat(supervisions(appeal)).isOne();
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey())
                        .orElseThrow()
                        .light()
                        .name())
                .isEqualTo("RED");

        // when
        as("gw-v0101", "grid-worker-v0101");
        sendBack.sendBack(steps.task(appeal, HANDLE_PROMISED).getId(), "承诺期限不合理，重新分流");
        identity.clearAuthentication();

        // then
        assertThat(appeal).isWaitingAt(TRIAGE).hasPassed("handle-promised-sent-back");
        assertThat(supervisions(appeal)).isZero();
        assertThat(appeals.byTrackingNo(appeal.getBusinessKey())
                        .orElseThrow()
                        .light()
                        .name())
                .isEqualTo("GREEN");
    }

    @Test
    void eachEscalationStepSendsTheCaseBackOneStep() {
        // given: at the department
        ProcessInstance appeal = open("road", "NORMAL", "VILLAGE");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        steps.complete(appeal, REVIEW_ESCALATION, Map.of("approved", true));
        steps.complete(appeal, TOWN_HANDLE, Map.of("townDecision", "DISPATCH", "deptCode", "jt"));

        // when / then: department → town → station head → triage
        as("dept-jt", "dept-jt");
        sendBack.sendBack(steps.task(appeal, DEPT_HANDLE).getId(), "派单信息不全");
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(TOWN_HANDLE).hasPassed("dept-handle-sent-back");
        as("center-t01", "town-center-t01");
        sendBack.sendBack(steps.task(appeal, TOWN_HANDLE).getId(), "上报材料缺少照片");
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(REVIEW_ESCALATION).hasPassed("town-handle-sent-back");
        assertThat(tasks.getVariableLocal(steps.task(appeal, REVIEW_ESCALATION).getId(), "sentBackReason"))
                .isEqualTo("上报材料缺少照片");
        as("head-v0101", "station-head-v0101");
        sendBack.sendBack(steps.task(appeal, REVIEW_ESCALATION).getId(), "请网格员重新分流");
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(TRIAGE).hasPassed("review-escalation-sent-back");
        assertThat(appeals.log(appeal.getBusinessKey()))
                .filteredOn(entry -> entry.kind().equals("SEND_BACK"))
                .extracting(CaseLogEntry::actor)
                .containsExactly("dept-jt", "center-t01", "head-v0101");
    }

    @Test
    void aReturnNotYetToldIsSentBackToTriage() {
        // given
        ProcessInstance appeal = open("parking", "NORMAL", "BUILDING");
        steps.complete(appeal, TRIAGE, Map.of("path", "RETURN", "overrideReason", "属于业主共有事项"));

        // when
        as("gw-v0101-2", "grid-worker-v0101");
        sendBack.sendBack(steps.task(appeal, NOTIFY_RETURN).getId(), "可以协调物业解决，不应退回");
        identity.clearAuthentication();

        // then
        assertThat(appeal).isWaitingAt(TRIAGE).hasPassed("notify-return-sent-back");
    }

    @Test
    void onlyStepsTheModelLetsGoBackAreSentBackAndOnlyByTheirHandlers() {
        // given
        ProcessInstance appeal = open("policy", "NORMAL", "HOUSEHOLD");
        Task triage = steps.task(appeal, TRIAGE);

        // then: triage is the first step, nothing before it
        as("gw-v0101", "grid-worker-v0101");
        assertThat(sendBack.allowed(triage, me())).isFalse();
        assertRefused(() -> sendBack.sendBack(triage.getId(), "无"), 409);

        // and a step that may go back goes back only for its handler
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE"));
        Task immediate = steps.task(appeal, HANDLE_IMMEDIATE);
        assertThat(sendBack.allowed(immediate, me())).isTrue();
        as("head-v0101", "station-head-v0101");
        assertThat(sendBack.allowed(immediate, me())).isFalse();
        assertRefused(() -> sendBack.sendBack(immediate.getId(), "站长越权"), 403);
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(HANDLE_IMMEDIATE);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .extracting(CaseLogEntry::kind)
                .doesNotContain("SEND_BACK");
    }

    @Test
    void aGridWorkerRecallsATriageUntilTheNextStepIsClaimed() {
        for (String path : List.of("IMMEDIATE", "PROMISED", "ESCALATE", "RETURN")) {
            // given: triage completed by gw-v0101
            ProcessInstance appeal = open("property", "NORMAL", "BUILDING");
            String triage = completeAs("gw-v0101", "grid-worker-v0101", appeal, TRIAGE, triageOf(path));
            String next = steps.task(appeal, nextAfterTriage(path)).getId();
            notices.clear();

            // when
            as("gw-v0101", "grid-worker-v0101");
            assertThat(recalls.recallable()).anySatisfy(r -> {
                assertThat(r.taskId()).isEqualTo(triage);
                assertThat(r.number()).isEqualTo(appeal.getBusinessKey());
                assertThat(r.nextTaskName())
                        .isEqualTo(steps.task(appeal, nextAfterTriage(path)).getName());
            });
            recalls.recall(triage, "分流选错了");
            identity.clearAuthentication();

            // then
            assertThat(appeal).as(path).isWaitingAt(TRIAGE).hasPassed(nextAfterTriage(path) + "-recalled");
            assertThat(notices.stream(CadreNotice.class)).singleElement().satisfies(notice -> {
                assertThat(notice.kind()).isEqualTo(CadreNotice.Kind.RECALLED);
                assertThat(notice.taskId()).isEqualTo(next);
            });
            assertThat(appeals.log(appeal.getBusinessKey()))
                    .filteredOn(entry -> entry.kind().equals("RECALL"))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.shownToCitizen()).isFalse());
            // and a second recall of the same completion finds nothing left to take back
            as("gw-v0101", "grid-worker-v0101");
            assertRefused(() -> recalls.recall(triage, "再撤一次"), 409);
            identity.clearAuthentication();
        }
    }

    @Test
    void theStationHeadAndTheTownRecallTheirDecisionsBeforeTheNextStepStarts() {
        // given
        ProcessInstance appeal = open("road", "NORMAL", "VILLAGE");
        steps.complete(appeal, TRIAGE, Map.of("path", "ESCALATE"));
        String review =
                completeAs("head-v0101", "station-head-v0101", appeal, REVIEW_ESCALATION, Map.of("approved", true));

        // when / then
        as("head-v0101", "station-head-v0101");
        recalls.recall(review, "还需补充现场照片");
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(REVIEW_ESCALATION).hasPassed("town-handle-recalled");
        String review2 =
                completeAs("head-v0101", "station-head-v0101", appeal, REVIEW_ESCALATION, Map.of("approved", true));
        String town = completeAs(
                "center-t01",
                "town-center-t01",
                appeal,
                TOWN_HANDLE,
                Map.of("townDecision", "DISPATCH", "deptCode", "cg"));
        as("center-t01", "town-center-t01");
        recalls.recall(town, "派错部门");
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(TOWN_HANDLE).hasPassed("dept-handle-recalled");

        // and the station head's earlier approval is no longer recallable: the town worked since
        as("head-v0101", "station-head-v0101");
        assertThat(recalls.recallable()).extracting(Recalls.Recallable::taskId).doesNotContain(review, review2);
        assertRefused(() -> recalls.recall(review2, "晚了"), 409);
    }

    @Test
    void aStepIsNotRecalledOnceTheNextIsClaimedNorBySomeoneElseNorWhereTheModelLeadsElsewhere() {
        // given: triage done by gw-v0101, the promise claimed by a colleague
        ProcessInstance appeal = open("lighting", "NORMAL", "BUILDING");
        String triage = completeAs(
                "gw-v0101", "grid-worker-v0101", appeal, TRIAGE, Map.of("path", "PROMISED", "promisedDays", 2));
        Task promise = steps.task(appeal, HANDLE_PROMISED);

        // then: someone else's step is not theirs to recall
        as("gw-v0101-2", "grid-worker-v0101");
        assertRefused(() -> recalls.recall(triage, "不是我办的"), 404);
        assertRefused(() -> recalls.recall("no-such-task", "伪造"), 404);

        // when the next step is claimed
        tasks.claim(promise.getId(), "gw-v0101-2");

        // then it is too late
        as("gw-v0101", "grid-worker-v0101");
        assertThat(recalls.recallable()).extracting(Recalls.Recallable::taskId).doesNotContain(triage);
        assertRefused(() -> recalls.recall(triage, "来不及了"), 409);
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(HANDLE_PROMISED);

        // and a promise turned into an escalation is not recalled by the review's recall (it leads to triage)
        String promised = completeAs(
                "gw-v0101-2",
                "grid-worker-v0101",
                appeal,
                HANDLE_PROMISED,
                Map.of("outcome", "ESCALATE", "escalationReason", "需住建"));
        as("gw-v0101-2", "grid-worker-v0101");
        assertRefused(() -> recalls.recall(promised, "想撤回"), 409);
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAt(REVIEW_ESCALATION);
        assertThat(appeals.log(appeal.getBusinessKey()))
                .extracting(CaseLogEntry::kind)
                .doesNotContain("RECALL");
    }

    @Test
    void aStepFinishedInTheMeantimeIsAConflictNotAnError() {
        // given: the handler's page still shows 即办 while a colleague completes it
        ProcessInstance appeal = open("policy", "NORMAL", "HOUSEHOLD");
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE"));
        Task immediate = steps.task(appeal, HANDLE_IMMEDIATE);
        steps.complete(appeal, HANDLE_IMMEDIATE, Map.of("result", "已当面解释"));

        // then
        assertRefused(() -> stepsBack.goBack(immediate, AppealProcess.Messages.SENT_BACK), 409);
        assertThat(appeal).isWaitingAt(FEEDBACK);
    }

    /** The operation is refused with this HTTP status. */
    private static void assertRefused(ThrowingCallable operation, int status) {
        assertThatThrownBy(operation).isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(
                        e.status().value())
                .isEqualTo(status));
    }

    /** Acts as this user a minute later than the last step, as people do (the history orders steps by time). */
    private void as(String user, String group) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        identity.setAuthentication(user, List.of(group), unitTenants.of(List.of(group)));
    }

    private CurrentUser me() {
        return CurrentUser.of(identity).orElseThrow();
    }

    /** Completes the step as this user (so the engine records who did it) and returns its task id. */
    private String completeAs(
            String user, String group, ProcessInstance appeal, String taskKey, Map<String, Object> data) {
        as(user, group);
        String id = steps.task(appeal, taskKey).getId();
        tasks.complete(id, data);
        identity.clearAuthentication();
        return id;
    }

    private static Map<String, Object> triageOf(String path) {
        return switch (path) {
            case "PROMISED" -> Map.of("path", path, "promisedDays", 3);
            case "RETURN" -> Map.of("path", path, "overrideReason", "不属受理范围");
            default -> Map.of("path", path, "overrideReason", "需改变办理方式");
        };
    }

    private static String nextAfterTriage(String path) {
        return switch (path) {
            case "IMMEDIATE" -> HANDLE_IMMEDIATE;
            case "PROMISED" -> HANDLE_PROMISED;
            case "ESCALATE" -> REVIEW_ESCALATION;
            default -> NOTIFY_RETURN;
        };
    }

    private long supervisions(ProcessInstance appeal) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .variableValueEquals("trackingNo", appeal.getBusinessKey())
                .count();
    }

    /** Fires a step's light timer twice (yellow, then red) and checks the step's light after each. */
    private void lightsOut(ProcessInstance appeal, String taskKey) {
        steps.fire(lightJob(appeal, taskKey));
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(appeal.getId())
                        .taskDefinitionKey(taskKey)
                        .list())
                .allSatisfy(t ->
                        assertThat(tasks.getVariableLocal(t.getId(), "light")).isEqualTo("YELLOW"));
        steps.fire(lightJob(appeal, taskKey));
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(appeal.getId())
                        .taskDefinitionKey(taskKey)
                        .list())
                .allSatisfy(t ->
                        assertThat(tasks.getVariableLocal(t.getId(), "light")).isEqualTo("RED"));
    }

    private Job lightJob(ProcessInstance appeal, String taskKey) {
        return steps.timer(appeal, taskKey + "-light");
    }

    private void handleOnTheSpotAndFeedBack(ProcessInstance appeal) {
        steps.complete(appeal, TRIAGE, Map.of("path", "IMMEDIATE", "overrideReason", "现场即可处理"));
        steps.complete(appeal, HANDLE_IMMEDIATE, Map.of("result", "已清理垃圾"));
        steps.complete(appeal, FEEDBACK, Map.of("feedbackChannel", "VISIT", "feedbackContent", "已上门告知"));
    }

    private ProcessInstance open(String category, String urgency, String scope) {
        AppealIntake.Receipt receipt = intake.intake(
                new IntakeRequest(
                        "张三",
                        "13800000001",
                        null,
                        category,
                        "楼道灯坏了三天",
                        "v0101",
                        "3号楼2单元",
                        Channel.ONLINE,
                        urgency,
                        scope),
                null);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.trackingNo())
                .singleResult();
    }

    private Map<String, Object> startForm() {
        return Map.of(
                "citizenName", "李四",
                "phone", "13900000002",
                "category", "sanitation",
                "channel", "VISIT",
                "urgency", "NORMAL",
                "scope", "BUILDING",
                "description", "垃圾桶满了没人清",
                "location", "河口村委会旁");
    }

    private void evaluate(ProcessInstance appeal, String satisfaction) {
        runtime.createMessageCorrelation(AppealProcess.Messages.EVALUATED)
                .processInstanceBusinessKey(appeal.getBusinessKey())
                .setVariable("satisfaction", satisfaction)
                .correlate();
    }

    private Object variable(ProcessInstance appeal, String name) {
        return runtime.getVariable(appeal.getId(), name);
    }

    /** 走访后 3 个工作日反馈, on this class's engine; VisitFeedbackProcessTests holds its rules and dates. */
    @Test
    void aCaseRegisteredFromAVisitReportsItsProgressBesideItsHandling() {
        // given
        identity.setAuthentication("gw-v0201", List.of("grid-worker-v0201"), List.of("v0201"));
        ProcessInstance appeal = runtime.startProcessInstanceByKey(AppealProcess.KEY, startForm());
        identity.clearAuthentication();
        assertThat(appeal).isWaitingAtExactly(TRIAGE, VISIT_FEEDBACK);

        // when its light turns yellow, then red, and the progress is reported
        for (int firing = 0; firing < 2; firing++) {
            Job light = management
                    .createJobQuery()
                    .processInstanceId(appeal.getId())
                    .activityId(VISIT_FEEDBACK + "-light")
                    .singleResult();
            ClockUtil.setCurrentTime(new Date(light.getDuedate().getTime() + 1000));
            management.executeJob(light.getId());
        }
        steps.complete(appeal, VISIT_FEEDBACK, Map.of("visitFeedbackChannel", "VISIT", "visitProgress", "已联系环卫所清运"));

        // then
        assertThat(appeal)
                .isWaitingAtExactly(TRIAGE)
                .hasPassed("visit-split", VISIT_FEEDBACK, "visit-fed-back", "visit-feedback-light-changed");
    }
}
