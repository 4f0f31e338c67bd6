package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Tasks.*;
import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.lianxin.appeal.AppealIntake;
import cn.lianxin.appeal.Channel;
import cn.lianxin.appeal.IntakeRequest;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.testing.FlowNodeCoverage;
import cn.lianxin.testing.ModelledTasks;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import cn.lianxin.workflow.TaskDataRejected;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code deliberation.bpmn}, branch by branch, on the real beans with an in-memory H2 database:
 * reject, merge, objection → revision → new notice, quorum missed, vote failed, vote passed →
 * ledger → overdue milestone (督办) → completion → evaluation. The job executor is off: notice
 * periods, reminders and overdue milestones fire when a test moves the engine's clock and runs the
 * job. The demo village v0101 has five representatives (rep1 … rep5): four make a quorum.
 */
@ProcessTest
@ProcessTest.OwnEngine("deliberation")
class DeliberationProcessTests {

    /** Every flow node of deliberation.bpmn is reached by the tests of this class, checked after all of them. */
    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of(DeliberationProcess.KEY);

    /** The public board limits wrong access codes per client address: the tests come from this one. */
    static final String CLIENT = "192.0.2.1";

    private static final String PROPOSER_PHONE = "13800000009";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    DeliberationIntake intake;

    @Autowired
    DeliberationBoard board;

    @Autowired
    PublicRecords records;

    @Autowired
    TopicLinks links;

    @Autowired
    Topics topics;

    @Autowired
    TopicLog log;

    @Autowired
    Notices notices;

    @Autowired
    Meetings meetings;

    @Autowired
    Ledgers ledgers;

    @Autowired
    LinkedCases linkedCases;

    @Autowired
    DeliberationTaskRules taskRules;

    @Autowired
    AppealIntake appeals;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    ProcessSteps steps;

    @BeforeEach
    void setUp() {
        steps = new ProcessSteps(engine, jdbc);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(at("2026-11-24T09:30"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void everyUserTaskOfTheModelHasAClassOfItsOwn() {
        // when
        List<String> modelled = ModelledTasks.of(repository, DeliberationProcess.KEY);

        // then
        assertThat(taskRules.tasks().keySet()).containsExactlyInAnyOrderElementsOf(modelled);
        assertThat(taskRules.tasks().values())
                .extracting(task -> task.getClass().getPackageName())
                .containsOnly("cn.lianxin.deliberation.tasks");
    }

    @Test
    void aRejectedTopicIsPublishedWithItsReasonsAndArchived() {
        // given
        ProcessInstance topic = propose("小区广场跳舞音量太大");
        assertThat(topic).isWaitingAt(TOPIC_REVIEW).task().hasCandidateGroup("deliberation-host-v0101");
        assertThat(steps.task(topic, TOPIC_REVIEW).getDueDate())
                .isEqualTo(Date.from(workingDays.add(ClockUtil.getCurrentTime().toInstant(), 5)));
        // 临期 after two thirds of the five working days: Tuesday 09:30 + 3⅓ working days
        assertThat(steps.task(topic, TOPIC_REVIEW).getFollowUpDate()).isEqualTo(at("2026-11-27T17:30:14"));

        // when: a rejection must say why
        steps.assertRejected(steps.task(topic, TOPIC_REVIEW).getId(), Map.of("decision", "REJECT"), "reasons");
        steps.complete(topic, TOPIC_REVIEW, Map.of("decision", "REJECT", "reasons", "属于个人噪音纠纷，已转人民调解"));

        // then
        assertThat(topic).isEnded().hasPassed("publish-rejection", "archived");
        assertThat(variable(topic, "status")).isEqualTo("REJECTED");
        Topic stored = stored(topic);
        assertThat(stored.status()).isEqualTo(TopicStatus.REJECTED);
        assertThat(stored.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(board.board("v0101", null, 100).items())
                .filteredOn(n -> n.deliberationNo().equals(topic.getBusinessKey()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("REJECTION");
                    assertThat(n.body()).contains("已转人民调解");
                });
        assertThat(records.view(topic.getBusinessKey()).reviewReasons()).contains("已转人民调解");
        assertThat(steps.messagesTo(PROPOSER_PHONE, topic))
                .anyMatch(m -> m.contains("查询码"))
                .anyMatch(m -> m.contains("不予受理") && m.contains("已转人民调解"));
    }

    @Test
    void aTopicLikeAnOpenOneIsMergedIntoItAndItsCaseFollows() {
        // given: an open topic, and the same matter raised by the grid worker from a citizen's request
        ProcessInstance first = propose("东风路 3 号楼前加装路灯");
        String trackingNo = appeal();
        identity.setAuthentication("gw-v0101", List.of("grid-worker-v0101"), List.of("v0101"));
        String raised =
                intake.raiseFromCase(trackingNo, new DeliberationIntake.FromCase("3 号楼前路灯", "晚上太黑，老人摔倒过", null, null));
        identity.clearAuthentication();
        ProcessInstance second = instance(raised);
        assertThat(stored(second).origin()).isEqualTo(Origin.APPEAL);
        assertThat(links.of(trackingNo))
                .extracting(LinkedTopics -> LinkedTopics.deliberationNo())
                .containsExactly(raised);
        Task review = steps.task(second, TOPIC_REVIEW);
        assertThat(tasks.getVariableLocal(review.getId(), "mergeOptions").toString())
                .contains(first.getBusinessKey());

        // when: merging into itself or into nothing is refused
        steps.assertRejected(review.getId(), Map.of("decision", "MERGE", "mergeInto", raised), "mergeInto");
        steps.assertRejected(review.getId(), Map.of("decision", "MERGE"), "mergeInto");
        steps.complete(
                second,
                TOPIC_REVIEW,
                Map.of("decision", "MERGE", "mergeInto", first.getBusinessKey(), "reasons", "同一处路灯"));

        // then
        assertThat(second).isEnded().hasPassed("merge-topic", "archived");
        assertThat(stored(second).status()).isEqualTo(TopicStatus.MERGED);
        assertThat(stored(second).mergedInto()).isEqualTo(first.getBusinessKey());
        assertThat(linkedCases.of(first.getBusinessKey())).containsExactly(trackingNo);
        assertThat(log.of(first.getBusinessKey(), true))
                .anyMatch(e -> e.entry().contains(raised) && e.entry().contains("并入本议题"));
        assertThat(links.of(trackingNo))
                .extracting(LinkedTopics -> LinkedTopics.deliberationNo())
                .containsExactlyInAnyOrder(raised, first.getBusinessKey());
        assertThat(first).isWaitingAt(TOPIC_REVIEW);
    }

    @Test
    void objectionsSendThePlanBackForRevisionAndTheNoticeStartsAgain() {
        // given
        ProcessInstance topic = propose("老旧小区加装电梯费用分摊");
        steps.complete(topic, TOPIC_REVIEW, Map.of("decision", "ACCEPT"));
        assertThat(stored(topic).stage()).isEqualTo(Stage.PLANNING);
        String planTask = steps.task(topic, PREPARE_PLAN).getId();

        // when: the meeting may not come before the notice period ends, nor lie in the past
        steps.assertRejected(planTask, plan("2026-11-27T15:00:00+08:00"), "meetingAt");
        steps.assertRejected(planTask, plan("2026-11-20T15:00:00+08:00"), "meetingAt");
        Map<String, Object> incomplete = new HashMap<>(plan("2026-12-02T15:00:00+08:00"));
        incomplete.remove("plan");
        steps.assertRejected(planTask, incomplete, "plan");
        steps.complete(topic, PREPARE_PLAN, plan("2026-12-02T15:00:00+08:00"));

        // then: the plan is on the board for five working days
        Notices.Notice notice = openNotice(topic, NoticeKind.PLAN);
        assertThat(notice.closesAt()).isEqualTo(at("2026-12-01T09:30").toInstant());
        assertThat(notice.onTime()).isTrue();
        assertThat(noticeJob(topic, "plan-notice-period").getDuedate()).isEqualTo(at("2026-12-01T09:30"));

        // when: a neighbour objects while the notice is open
        board.postOpinion(
                topic.getBusinessKey(),
                new DeliberationBoard.OpinionRequest("王小明", "13700000007", "一楼住户不应分摊", true),
                null,
                null);
        steps.fire(noticeJob(topic, "plan-notice-period"));

        // then: the notice is closed, and an opinion now is refused with 409
        assertThat(topic).isWaitingAt(REVIEW_OPINIONS);
        assertThatThrownBy(() -> board.postOpinion(
                        topic.getBusinessKey(),
                        new DeliberationBoard.OpinionRequest("赵六", null, "晚了也想说两句", false),
                        null,
                        null))
                .isInstanceOfSatisfying(
                        ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        Task review = steps.task(topic, REVIEW_OPINIONS);
        assertThat((String) tasks.getVariableLocal(review.getId(), "opinionsSummary"))
                .contains("【异议】王*明：一楼住户不应分摊")
                .doesNotContain("13700000007");

        // when: the host finds the objection significant
        steps.assertRejected(review.getId(), Map.of("objectionsSignificant", true), "opinionResponse");
        steps.complete(topic, REVIEW_OPINIONS, Map.of("objectionsSignificant", true, "opinionResponse", "一楼住户不分摊"));

        // then: the neighbour hears the answer; the revised plan is noticed again from now on
        assertThat(steps.messagesTo("13700000007", topic))
                .singleElement()
                .asString()
                .contains("意见已采纳", "一楼住户不分摊");
        assertThat(topic).isWaitingAt(PREPARE_PLAN);
        ClockUtil.setCurrentTime(at("2026-12-01T10:00"));
        steps.complete(topic, PREPARE_PLAN, plan("2026-12-09T15:00:00+08:00"));
        assertThat(notices.ofTopic(topic.getBusinessKey()))
                .filteredOn(n -> n.kind() == NoticeKind.PLAN)
                .hasSize(2)
                .last()
                .satisfies(n -> {
                    assertThat(n.title()).startsWith("【修改后重新公示】");
                    assertThat(n.closesAt()).isEqualTo(at("2026-12-08T10:00").toInstant());
                });
        steps.fire(noticeJob(topic, "plan-notice-period"));
        steps.complete(topic, REVIEW_OPINIONS, Map.of("objectionsSignificant", false));
        assertThat(topic).isWaitingAt(MEETING_RECORD);
        assertThat(steps.task(topic, MEETING_RECORD).getFollowUpDate()).isEqualTo(at("2026-12-09T15:00"));
    }

    @Test
    void aMeetingWithoutQuorumMayNotVoteAndIsCalledAgain() {
        // given
        ProcessInstance topic = toMeeting("小区停车位划线");
        Task meeting = steps.task(topic, MEETING_RECORD);
        assertThat((String) tasks.getVariableLocal(meeting.getId(), "quorumNote"))
                .contains("议事代表 5 人", "至少 4 人");
        assertThat(tasks.getVariableLocal(meeting.getId(), "representativeOptions")
                        .toString())
                .contains("rep1", "rep5");

        // when: three of five came and still voted
        steps.assertRejected(meeting.getId(), meeting(List.of("rep1", "rep2", "rep3"), 3, 0, 0), "attendees");
        steps.complete(topic, MEETING_RECORD, meeting(List.of("rep1", "rep2", "rep3"), 0, 0, 0));

        // then: 流会, recorded, and the host plans a new meeting
        assertThat(topic).isWaitingAt(PREPARE_PLAN);
        assertThat(variable(topic, "quorate")).isEqualTo(false);
        assertThat(meetings.minutesOf(topic.getBusinessKey())).singleElement().satisfies(m -> {
            assertThat(m.quorate()).isFalse();
            assertThat(m.attendees()).containsExactly("rep1", "rep2", "rep3");
            assertThat(m.passed()).isNull();
        });
        assertThat(records.view(topic.getBusinessKey()).timeline())
                .anyMatch(e -> e.entry().contains("流会"));
    }

    @Test
    void aFailedVoteIsNoticedAndTheTopicArchivedAsNotPassed() {
        // given
        ProcessInstance topic = toMeeting("取消小区东门");
        String meeting = steps.task(topic, MEETING_RECORD).getId();

        // when: the tally must fit the attendance, and only the unit's representatives sign in
        steps.assertRejected(meeting, meeting(List.of("rep1", "rep2", "rep3", "rep4"), 3, 1, 1), "votesFor");
        steps.assertRejected(meeting, meeting(List.of("rep1", "rep2", "rep3", "gw-v0101"), 2, 1, 1), "attendees");
        steps.assertRejected(meeting, meeting(List.of("rep1", "rep2", "rep3", "rep4"), -1, 4, 1), "votesFor");
        steps.complete(topic, MEETING_RECORD, meeting(List.of("rep1", "rep2", "rep3", "rep4"), 2, 1, 1));

        // then: half is no majority; the result is noticed, then the topic is archived
        assertThat(variable(topic, "passed")).isEqualTo(false);
        Notices.Notice result = openNotice(topic, NoticeKind.RESULT);
        assertThat(result.body()).contains("赞成 2 票", "反对 1 票", "弃权 1 票", "表决未通过");
        assertThat(result.onTime()).isTrue();
        steps.fire(noticeJob(topic, "result-notice-period"));
        assertThat(topic).isEnded().hasPassed("close-result-notice", "archive-topic");
        assertThat(variable(topic, "status")).isEqualTo("NOT_PASSED");
        assertThat(stored(topic).status()).isEqualTo(TopicStatus.NOT_PASSED);
        assertThat(steps.messagesTo(PROPOSER_PHONE, topic)).anyMatch(m -> m.contains("表决未通过"));
    }

    @Test
    void aPassedTopicIsTrackedMilestoneByMilestoneToCompletionAndEvaluated() {
        // given: a passed topic after its result notice
        ProcessInstance topic = toMeeting("东风社区 3 号楼前加装路灯");
        steps.complete(topic, MEETING_RECORD, meeting(List.of("rep1", "rep2", "rep3", "rep4", "rep5"), 4, 1, 0));
        assertThat(variable(topic, "passed")).isEqualTo(true);
        steps.fire(noticeJob(topic, "result-notice-period"));
        assertThat(topic).isWaitingAt(SET_UP_LEDGER);
        ClockUtil.setCurrentTime(at("2026-12-14T09:00"));
        String ledger = steps.task(topic, SET_UP_LEDGER).getId();

        // when: a milestone dated in the past, or an unknown unit, is refused
        steps.assertRejected(ledger, ledger("cg", "2026-12-10 完成选址"), "milestones");
        steps.assertRejected(ledger, ledger("moon", "2026-12-20 完成选址"), "responsibleUnit");
        steps.assertRejected(ledger, ledger("cg", "明天 完成选址"), "milestones");
        steps.complete(
                topic,
                SET_UP_LEDGER,
                Map.of(
                        "responsibleUnit",
                        "cg",
                        "measures",
                        "城管局安装两盏太阳能路灯",
                        "milestones",
                        List.of(
                                Map.of("title", "完成选址和采购", "dueDate", "2026-12-18"),
                                Map.of("title", "完成安装并通电", "dueDate", "2026-12-31"))));

        // then: the department reports on the first milestone, due at the end of its day
        Task report = steps.task(topic, REPORT_PROGRESS);
        assertThat(report).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(report.getId())).anyMatch(l -> "dept-cg".equals(l.getGroupId()));
        assertThat(report.getDueDate()).isEqualTo(at("2026-12-18T18:00"));
        assertThat(report.getFollowUpDate()).isEqualTo(at("2026-12-16T18:00"));
        assertThat(stored(topic).stage()).isEqualTo(Stage.IMPLEMENTING);

        // when: two working days before, the department is reminded (yellow) …
        Job reminder = job(topic, "milestone-light");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-12-16T18:00"));
        steps.fire(reminder);
        assertThat(tasks.getVariableLocal(report.getId(), "light")).isEqualTo("YELLOW");
        assertThat(steps.inboxOf("dept-cg", "DUE_SOON", topic))
                .singleElement()
                .asString()
                .contains("即将到期", "完成选址和采购");

        // … and at the date without a report the milestone turns red and supervision starts
        Job overdue = job(topic, "milestone-light");
        assertThat(overdue.getDuedate()).isEqualTo(at("2026-12-18T18:00"));
        steps.fire(overdue);
        assertThat(tasks.getVariableLocal(report.getId(), "light")).isEqualTo("RED");
        assertThat(ledgers.milestonesOf(topic.getBusinessKey()).get(0).light()).isEqualTo("RED");
        ProcessInstance supervision = runtime.createProcessInstanceQuery()
                .processDefinitionKey("supervision")
                .processInstanceBusinessKey(topic.getBusinessKey() + ":" + REPORT_PROGRESS)
                .singleResult();
        assertThat(supervision).isNotNull();
        assertThat(supervision).isWaitingAt("supervise");
        assertThat(log.of(topic.getBusinessKey(), true))
                .anyMatch(e -> e.kind().equals("SUPERVISION") && e.entry().contains("进入督办"));

        // when: the department reports; the supervision ends with it
        steps.assertRejected(report.getId(), Map.of("progress", " "), "progress");
        steps.complete(topic, REPORT_PROGRESS, Map.of("progress", "已完成选址，路灯已到货"));
        assertThat(supervision).isEnded();
        assertThat(board.board("v0101", null, 100).items())
                .anyMatch(n -> n.kind().equals("PROGRESS") && n.body().contains("路灯已到货"));
        assertThat(steps.messagesTo(PROPOSER_PHONE, topic)).anyMatch(m -> m.contains("路灯已到货"));
        steps.complete(topic, REPORT_PROGRESS, Map.of("progress", "两盏路灯已安装通电"));

        // when: the host finds it not yet done and adds a milestone
        assertThat(topic).isWaitingAt(CONFIRM_COMPLETION);
        steps.assertRejected(
                steps.task(topic, CONFIRM_COMPLETION).getId(), Map.of("implemented", true), "completionSummary");
        steps.complete(topic, CONFIRM_COMPLETION, Map.of("implemented", false, "completionSummary", "还差路灯照度验收"));
        steps.complete(topic, SET_UP_LEDGER, ledger("cg", "2026-12-30 完成照度验收"));
        steps.complete(topic, REPORT_PROGRESS, Map.of("progress", "照度验收合格"));
        steps.complete(topic, CONFIRM_COMPLETION, Map.of("implemented", true, "completionSummary", "两盏路灯已安装并验收合格"));

        // then: the result is noticed and anyone may evaluate until the period ends
        assertThat(stored(topic).stage()).isEqualTo(Stage.EVALUATION);
        assertThatThrownBy(() -> board.evaluate(
                        topic.getBusinessKey(),
                        new DeliberationBoard.EvaluationRequest("SATISFIED", null, "WRONG123"),
                        CLIENT))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ApiProblemException.FieldError::field)
                        .containsExactly("accessCode"));
        board.evaluate(
                topic.getBusinessKey(), new DeliberationBoard.EvaluationRequest("SATISFIED", "晚上亮堂了", null), CLIENT);
        board.evaluate(
                topic.getBusinessKey(),
                new DeliberationBoard.EvaluationRequest("BASICALLY_SATISFIED", null, null),
                CLIENT);
        steps.fire(noticeJob(topic, "evaluation-period"));
        assertThat(topic).isEnded().hasPassed("close-evaluation", "archive-topic");
        assertThat(variable(topic, "status")).isEqualTo("IMPLEMENTED");
        PublicRecords.PublicTopic view = records.view(topic.getBusinessKey());
        assertThat(view.status()).isEqualTo("IMPLEMENTED");
        assertThat(view.evaluations()).containsEntry("SATISFIED", 1L).containsEntry("BASICALLY_SATISFIED", 1L);
        assertThat(view.ledger().milestones()).hasSize(3).allMatch(m -> m.reportedAt() != null);
        assertThat(view.proposer()).isEqualTo("陈*");
        assertThatThrownBy(() -> board.evaluate(
                        topic.getBusinessKey(),
                        new DeliberationBoard.EvaluationRequest("SATISFIED", null, null),
                        CLIENT))
                .isInstanceOfSatisfying(
                        ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aMilestoneTimerRunEarlyChangesNothingAndOneRunLateGoesStraightToRed() {
        // given: a ledger whose first milestone is due 18 December, reminded two working days before
        ProcessInstance topic = toMeeting("河口村活动室修缮");
        steps.complete(topic, MEETING_RECORD, meeting(List.of("rep1", "rep2", "rep3", "rep4", "rep5"), 5, 0, 0));
        steps.fire(noticeJob(topic, "result-notice-period"));
        ClockUtil.setCurrentTime(at("2026-12-14T09:00"));
        steps.complete(topic, SET_UP_LEDGER, ledger("cg", "2026-12-18 完成屋顶防水\n2026-12-31 完成内墙粉刷"));
        Task report = steps.task(topic, REPORT_PROGRESS);

        // when an operator runs the milestone's timer on the day the ledger was set up
        management.executeJob(job(topic, "milestone-light").getId());

        // then nothing turned yellow and nobody was reminded; the timer waits for the reminder date again
        assertThat(tasks.getVariableLocal(report.getId(), "light")).isEqualTo("GREEN");
        assertThat(ledgers.milestonesOf(topic.getBusinessKey()).get(0).light()).isEqualTo("GREEN");
        assertThat(steps.inboxOf("dept-cg", "DUE_SOON", topic)).isEmpty();
        assertThat(job(topic, "milestone-light").getDuedate()).isEqualTo(at("2026-12-16T18:00"));

        // when the node that runs timers was down until after the milestone's date
        ClockUtil.setCurrentTime(at("2026-12-19T08:00"));
        management.executeJob(job(topic, "milestone-light").getId());

        // then the milestone is red at once, with supervision, and no firing is left over
        assertThat(tasks.getVariableLocal(report.getId(), "light")).isEqualTo("RED");
        assertThat(ledgers.milestonesOf(topic.getBusinessKey()).get(0).light()).isEqualTo("RED");
        assertThat(steps.inboxOf("dept-cg", "DUE_SOON", topic)).isEmpty();
        assertThat(steps.inboxOf("dept-cg", "OVERDUE", topic))
                .singleElement()
                .asString()
                .contains("已超期");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("supervision")
                        .processInstanceBusinessKey(topic.getBusinessKey() + ":" + REPORT_PROGRESS)
                        .count())
                .isOne();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(topic.getId())
                        .activityId("milestone-light")
                        .count())
                .isZero();
    }

    @Test
    void aTopicsTaskTakesOnlyItsOwnFieldsAndNoneItsFormOnlyShows() {
        // given
        ProcessInstance topic = propose("小区广场夜间噪音");
        String review = steps.task(topic, TOPIC_REVIEW).getId();

        // then: a field the task does not have, and a value the form only shows, are refused
        steps.assertRejected(review, Map.of("decision", "ACCEPT", "status", "IMPLEMENTED"), "status");
        steps.assertRejected(review, Map.of("decision", "ACCEPT", "villageCode", "v0201"), "villageCode");
        steps.assertRejected(review, Map.of("decision", "ACCEPT", "title", "别的议题"), "title");
        assertThat(runtime.getVariable(topic.getId(), "villageCode")).isEqualTo("v0101");
        assertThat(runtime.getVariable(topic.getId(), "title")).isEqualTo("小区广场夜间噪音");
    }

    @Test
    void aHostStartsATopicFromTasklistAndTheProposersDataLeavesTheProcess() {
        // given
        String trackingNo = appeal();
        identity.setAuthentication("host-v0101", List.of("deliberation-host-v0101"), List.of("v0101"));
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(DeliberationProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
        Map<String, Object> form = new HashMap<>(Map.of(
                "title", "河边护栏加固",
                "background", "护栏松动，孩子常在河边玩",
                "proposerName", "刘芳",
                "phone", "13600000006",
                "linkedTrackingNo", "LX-20991231-999999"));

        // when: a case of no village of the host's is refused, then the right one is accepted
        assertThatThrownBy(() -> forms.submitStartForm(definition, form))
                .isInstanceOfSatisfying(
                        TaskDataRejected.class,
                        e -> assertThat(e.fields()).extracting(f -> f.field()).containsExactly("linkedTrackingNo"));
        form.put("linkedTrackingNo", trackingNo);
        ProcessInstance topic = forms.submitStartForm(definition, form);
        identity.clearAuthentication();

        // then
        assertThat(topic.getBusinessKey()).startsWith("YS-");
        assertThat(stored(topic).origin()).isEqualTo(Origin.APPEAL);
        assertThat(stored(topic).proposerName()).isEqualTo("刘芳");
        assertThat(runtime.getVariables(topic.getId())).doesNotContainKeys("proposerName", "phone");
        assertThat(variable(topic, "proposerSummary")).isEqualTo("刘* 136****0006");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(topic.getId())
                        .variableNameIn("proposerName", "phone")
                        .count())
                .isZero();
        assertThat(linkedCases.of(topic.getBusinessKey())).containsExactly(trackingNo);

        // and: a grid worker may not start topics from Tasklist
        identity.setAuthentication("gw-v0101", List.of("grid-worker-v0101"), List.of("v0101"));
        assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("title", "x", "background", "y")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    // ---- helpers ----

    private ProcessInstance propose(String title) {
        DeliberationIntake.Receipt receipt = intake.propose(
                new ProposalRequest(title, "楼里的老人反映多次", "东风社区", null, "陈静", PROPOSER_PHONE, "v0101"), null);
        return instance(receipt.deliberationNo());
    }

    /** Accepted, planned for 2 December, noticed and reviewed without objection. */
    private ProcessInstance toMeeting(String title) {
        ProcessInstance topic = propose(title);
        steps.complete(topic, TOPIC_REVIEW, Map.of("decision", "ACCEPT"));
        steps.complete(topic, PREPARE_PLAN, plan("2026-12-02T15:00:00+08:00"));
        steps.fire(noticeJob(topic, "plan-notice-period"));
        steps.complete(topic, REVIEW_OPINIONS, Map.of("objectionsSignificant", false));
        ClockUtil.setCurrentTime(at("2026-12-02T17:00"));
        return topic;
    }

    private String appeal() {
        return appeals.intake(
                        new IntakeRequest(
                                "张三",
                                "13800000001",
                                null,
                                "lighting",
                                "楼前没有路灯",
                                "v0101",
                                "3号楼",
                                Channel.ONLINE,
                                "NORMAL",
                                "BUILDING"),
                        null)
                .trackingNo();
    }

    private static Map<String, Object> plan(String meetingAt) {
        return Map.of(
                "meetingAt", meetingAt,
                "meetingPlace", "东风社区党群服务中心议事厅",
                "participants", "议事代表 5 人，3 号楼住户代表，城管局",
                "plan", "讨论路灯位置和经费来源，表决是否实施");
    }

    private static Map<String, Object> meeting(List<String> attendees, int votesFor, int against, int abstain) {
        return Map.of(
                "attendees", attendees,
                "agenda", "一、介绍方案；二、自由发言；三、表决",
                "speeches", "议事代表1：支持\n议事代表2：担心经费",
                "votesFor", votesFor,
                "votesAgainst", against,
                "votesAbstain", abstain,
                "minutes", "与会代表充分讨论后表决");
    }

    private static Map<String, Object> ledger(String unit, String milestones) {
        return Map.of("responsibleUnit", unit, "measures", "城管局安装两盏太阳能路灯", "milestones", milestones);
    }

    private ProcessInstance instance(String no) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(DeliberationProcess.KEY)
                .processInstanceBusinessKey(no)
                .singleResult();
    }

    private Topic stored(ProcessInstance topic) {
        return topics.byNo(topic.getBusinessKey()).orElseThrow();
    }

    private Notices.Notice openNotice(ProcessInstance topic, NoticeKind kind) {
        return notices.ofTopic(topic.getBusinessKey()).stream()
                .filter(n -> n.kind() == kind && n.closedAt() == null)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private Job noticeJob(ProcessInstance topic, String activityId) {
        return job(topic, activityId);
    }

    private Job job(ProcessInstance topic, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(topic.getId())
                .activityId(activityId)
                .singleResult();
    }

    private Object variable(ProcessInstance topic, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(topic.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }
}
