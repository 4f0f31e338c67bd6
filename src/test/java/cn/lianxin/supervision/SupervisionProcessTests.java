package cn.lianxin.supervision;

import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.lianxin.appeal.AppealIntake;
import cn.lianxin.appeal.Channel;
import cn.lianxin.appeal.IntakeRequest;
import cn.lianxin.testing.FlowNodeCoverage;
import cn.lianxin.testing.ModelledTasks;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import cn.lianxin.workflow.TaskDataRejected;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code supervision.bpmn} (督办), on the real beans: opened by a red light or a leader, closed by the step. */
@ProcessTest
@ProcessTest.OwnEngine("supervision")
class SupervisionProcessTests {

    /** Every flow node of supervision.bpmn is reached by the tests of this class, checked after all of them. */
    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of(SupervisionProcess.KEY, "step-completed");

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
    Supervisions supervisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @Autowired
    SupervisionTaskRules taskRules;

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
    }

    @Test
    void everyUserTaskOfTheModelHasAClassOfItsOwn() {
        // when
        List<String> modelled = ModelledTasks.of(repository, SupervisionProcess.KEY);

        // then
        assertThat(taskRules.tasks().keySet()).containsExactlyInAnyOrderElementsOf(modelled);
        assertThat(taskRules.fieldsOf(SupervisionProcess.Tasks.SUPERVISE))
                .containsExactlyInAnyOrder("action", "note", "newDeadline");
        assertThat(taskRules.fieldsOf(SupervisionProcess.Tasks.REPLY)).containsExactly("reply");
    }

    @Test
    void aRedStepOpensASupervisionThatEndsWhenTheStepIsDone() {
        // given
        String trackingNo = submit();

        // when triage is left until red
        turnRed(trackingNo, "triage");

        // then
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");
        assertThat(supervision).isWaitingAt("supervise").task().hasCandidateGroup("supervisor");
        assertThat(runtime.getVariable(supervision.getId(), "levelLabel")).isEqualTo("站点督办");

        // when the grid worker finally triages
        tasks.complete(appealTask(trackingNo, "triage").getId(), Map.of("path", "PROMISED", "promisedDays", 2));

        // then
        assertThat(supervision).isEnded().hasPassed("record-closing", "closed");
        assertThat(log(trackingNo)).anyMatch(e -> e.contains("进入督办")).anyMatch(e -> e.contains("督办结束"));
    }

    @Test
    void theSupervisorUrgesAndTheHandlerReplies() {
        // given
        String trackingNo = submit();
        turnRed(trackingNo, "triage");
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");

        // when
        steps.complete(supervision, "supervise", Map.of("action", "URGE", "note", "请今天内分流"));

        // then
        assertThat(supervision).isWaitingAt("reply").task().hasCandidateGroup("grid-worker-v0101");
        assertThat(jdbc.sql("select text from cadre_inbox where kind = 'URGED' and number = ? and user_id = ?")
                        .params(trackingNo, "gw-v0101")
                        .query(String.class)
                        .single())
                .contains("督办提醒", "请今天内分流");
        steps.complete(supervision, "reply", Map.of("reply", "已联系群众，下午分流"));
        assertThat(supervision).isWaitingAt("supervise");
        assertThat(log(trackingNo)).anyMatch(e -> e.contains("督办员催办")).anyMatch(e -> e.contains("承办单位回复督办"));
    }

    @Test
    void aNewDeadlinePassingWithTheStepStillOpenEscalatesByItself() {
        // given
        String trackingNo = submit();
        turnRed(trackingNo, "triage");
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");
        Date newDeadline = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2)));

        // when
        steps.complete(
                supervision,
                "supervise",
                Map.of("action", "RESET_DEADLINE", "note", "给两天时间", "newDeadline", newDeadline));

        // then the step's own due date moved
        assertThat(appealTask(trackingNo, "triage").getDueDate()).isEqualTo(newDeadline);
        Job timer = management
                .createJobQuery()
                .processInstanceId(supervision.getId())
                .activityId("new-deadline")
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(newDeadline);

        // when the new deadline passes
        ClockUtil.setCurrentTime(new Date(newDeadline.getTime() + 1000));
        management.executeJob(timer.getId());

        // then it is the town's business now, and then the county's
        assertThat(runtime.getVariable(supervision.getId(), "level")).isEqualTo("TOWN");
        assertThat(supervision).isWaitingAt("supervise");
        steps.complete(supervision, "supervise", Map.of("action", "ESCALATE", "note", "镇里也未推动"));
        assertThat(runtime.getVariable(supervision.getId(), "level")).isEqualTo("COUNTY");
        assertThat(jdbc.sql("select user_id from cadre_inbox where kind = 'SUPERVISION' and number = ? order by id")
                        .param(trackingNo)
                        .query(String.class)
                        .list())
                .containsSubsequence("center-t01", "leader");
        assertThat(log(trackingNo)).anyMatch(e -> e.contains("自动升级")).anyMatch(e -> e.contains("督办员升级督办"));
    }

    @Test
    void aSupervisionDecisionWithoutItsDataIsRefusedAndTheTaskStaysOpen() {
        // given
        String trackingNo = submit();
        turnRed(trackingNo, "triage");
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");
        String supervise = steps.task(supervision, "supervise").getId();

        // then
        assertThatThrownBy(() -> tasks.complete(supervise, Map.of("note", "x")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> tasks.complete(supervise, Map.of("action", "URGE")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> tasks.complete(
                        supervise,
                        Map.of("action", "RESET_DEADLINE", "note", "x", "newDeadline", at("2026-01-01T00:00"))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("newDeadline");
        assertThat(tasks.createTaskQuery().taskId(supervise).count()).isEqualTo(1);
    }

    @Test
    void aSupervisionTaskCannotRewriteWhatTheSupervisionWasOpenedFor() {
        // given
        String trackingNo = submit();
        turnRed(trackingNo, "triage");
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");
        String supervise = steps.task(supervision, "supervise").getId();

        // then: the reason and the step reach the citizen's timeline; completing the task changes neither
        assertThatThrownBy(
                        () -> tasks.complete(supervise, Map.of("action", "URGE", "note", "请今天内分流", "reason", "群众无理取闹")))
                .isInstanceOf(TaskDataRejected.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> tasks.complete(
                        supervise, Map.of("action", "URGE", "note", "请今天内分流", "handlerGroup", "grid-worker-v0201")))
                .isInstanceOf(TaskDataRejected.class)
                .hasMessageContaining("handlerGroup");
        assertThatThrownBy(() -> tasks.complete(supervise, Map.of("action", "URGE", "note", "请今天内分流", "extra", "1")))
                .isInstanceOf(TaskDataRejected.class)
                .hasMessageContaining("extra");
        assertThat(runtime.getVariable(supervision.getId(), "reason")).isNotEqualTo("群众无理取闹");
        assertThat(runtime.getVariable(supervision.getId(), "handlerGroup")).isEqualTo("grid-worker-v0101");
        assertThat(tasks.createTaskQuery().taskId(supervise).count()).isEqualTo(1);
    }

    @Test
    void aLeadersInstructionOpensASupervisionAtCountyLevel() {
        // given
        String trackingNo = submit();

        // when
        supervisions.instruct(trackingNo, "leader", "群众反映强烈，请尽快办理");

        // then
        ProcessInstance supervision = supervisionOf(trackingNo, "triage");
        assertThat(runtime.getVariable(supervision.getId(), "level")).isEqualTo("COUNTY");
        assertThat((String) runtime.getVariable(supervision.getId(), "reason")).startsWith("领导批示");

        // and the supervisors (with their 督办 task) and the step's handlers (with theirs) are told once
        String supervise =
                steps.task(supervision, SupervisionProcess.Tasks.SUPERVISE).getId();
        String triage = appealTask(trackingNo, "triage").getId();
        assertThat(jdbc.sql("select user_id, task_id, actor from cadre_inbox where kind = 'SUPERVISION' and number = ?"
                                + " order by id")
                        .param(trackingNo)
                        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .list())
                .containsExactlyInAnyOrder("supervisor " + supervise + " leader", "gw-v0101 " + triage + " leader");
    }

    @Test
    void aLeadersInstructionMakesAGreenCaseYellowUntilTheStepIsDone() {
        // given
        String trackingNo = submit();

        // when a leader instructs on it, long before any deadline
        supervisions.instruct(trackingNo, "leader", "群众反映强烈，请尽快办理");

        // then the case is watched (yellow), not overdue (red), and its step keeps its own green
        assertThat(tasks.getVariableLocal(appealTask(trackingNo, "triage").getId(), "light"))
                .isEqualTo("GREEN");
        assertThat(caseLight(trackingNo)).isEqualTo("YELLOW");

        // when the step is done, the instruction's supervision ends with it, and so does the yellow
        tasks.complete(appealTask(trackingNo, "triage").getId(), Map.of("path", "IMMEDIATE", "overrideReason", "现场可办"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(SupervisionProcess.KEY)
                        .variableValueEquals("trackingNo", trackingNo)
                        .count())
                .isZero();
        assertThat(caseLight(trackingNo)).isEqualTo("GREEN");
    }

    private String caseLight(String trackingNo) {
        return jdbc.sql("select light from appeal where tracking_no = ?")
                .param(trackingNo)
                .query(String.class)
                .single();
    }

    private String submit() {
        return intake.intake(
                        new IntakeRequest(
                                "张三",
                                "13800000001",
                                null,
                                "lighting",
                                "楼道灯坏了",
                                "v0101",
                                null,
                                Channel.ONLINE,
                                "NORMAL",
                                "BUILDING"),
                        null)
                .trackingNo();
    }

    private void turnRed(String trackingNo, String stepKey) {
        String instance = appealTask(trackingNo, stepKey).getProcessInstanceId();
        for (int i = 0; i < 2; i++) {
            Job light = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId(stepKey + "-light")
                    .singleResult();
            ClockUtil.setCurrentTime(new Date(light.getDuedate().getTime() + 1000));
            management.executeJob(light.getId());
        }
    }

    private ProcessInstance supervisionOf(String trackingNo, String stepKey) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(Supervisions.businessKey(trackingNo, stepKey))
                .singleResult();
    }

    private Task appealTask(String trackingNo, String key) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(trackingNo)
                .taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> log(String trackingNo) {
        return jdbc.sql("select entry from appeal_log where tracking_no = ? order by id")
                .param(trackingNo)
                .query(String.class)
                .list();
    }
}
