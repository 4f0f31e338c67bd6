package cn.lianxin.service;

import static cn.lianxin.testing.ProcessSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.lianxin.service.ListRequests.ResourceRequest;
import cn.lianxin.testing.FlowNodeCoverage;
import cn.lianxin.testing.ModelledTasks;
import cn.lianxin.testing.ProcessSteps;
import cn.lianxin.testing.ProcessTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code service-order.bpmn} (群众点单服务), on the real beans: every branch — served and evaluated, declined,
 * not answered in time, turned into an appeal — and the refusals of each task.
 */
@ProcessTest
@ProcessTest.OwnEngine("serviceorders")
class ServiceOrderProcessTests {

    /** Every flow node of service-order.bpmn is reached by the tests of this class, checked after all of them. */
    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of(ServiceOrderProcess.KEY);

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    OrderIntake intake;

    @Autowired
    VillageLists lists;

    @Autowired
    ServiceOrders orders;

    @Autowired
    ServiceOrderTaskRules taskRules;

    @Autowired
    JdbcClient jdbc;

    ProcessSteps steps;

    @BeforeEach
    void init() {
        steps = new ProcessSteps(engine, jdbc);
        BpmnAwareTests.init(engine);
        // a Tuesday morning, a working day
        ClockUtil.setCurrentTime(at("2026-11-24T09:30"));
        member("pm1", "v0101", "CONFIRMED");
        member("pm2", "v0101", "REGISTERED");
        member("pm3", "v0201", "CONFIRMED");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyUserTaskOfTheModelHasAClassOfItsOwn() {
        // when
        List<String> modelled = ModelledTasks.of(repository, ServiceOrderProcess.KEY);

        // then
        assertThat(taskRules.tasks().keySet()).containsExactlyInAnyOrderElementsOf(modelled);
    }

    @Test
    void anOrderFromTheMenuIsDispatchedAcceptedServedEvaluatedAndCredited() {
        // given a resource of the village's menu and a resident's order of it
        long resource = lists.addResource(
                        "v0101", new ResourceRequest("上门理发", "为行动不便的老人理发", "PARTY_MEMBER", "王师傅"), "head-v0101")
                .id();
        ProcessInstance order = place(resource);

        // then the branch secretary of the village dispatches it, choosing among the confirmed members
        assertThat(order).isWaitingAt("dispatch").task().hasCandidateGroup("branch-secretary-v0101");
        Task dispatch = steps.task(order, "dispatch");
        assertThat(dispatch.getDueDate()).isNotNull();
        assertThat(tasks.getVariableLocal(dispatch.getId(), "memberOptions").toString())
                .contains("pm1")
                .doesNotContain("pm2", "pm3");
        assertThat(runtime.getVariable(order.getId(), "resourceTitle")).isEqualTo("上门理发");

        // when
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));

        // then the member answers within 24 hours
        assertThat(order).isWaitingAt("accept").task().isAssignedTo("pm1");
        assertThat(steps.task(order, "accept").getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
        assertThat(status(order)).isEqualTo(OrderStatus.ACCEPTING);

        // when the member accepts two and a half hours later, and serves
        ClockUtil.setCurrentTime(at("2026-11-24T12:00"));
        steps.complete(order, "accept", Map.of("acceptDecision", "ACCEPT"));
        assertThat(order).isWaitingAt("serve").task().isAssignedTo("pm1");
        steps.complete(order, "serve", Map.of("minutesServed", 90, "serviceRecord", "为张奶奶理发并修剪指甲"));

        // then the resident is asked to evaluate
        assertThat(order).isWaitingAt("awaiting-evaluation");
        assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_EVALUATION);

        // when the resident evaluates
        evaluate(order, "SATISFIED");

        // then the member's points are credited once and the order is closed
        assertThat(order).isEnded().hasPassed("credit-points", "close-order", "closed");
        assertThat(jdbc.sql(
                                "select minutes_served, satisfaction from points_entry where user_id = 'pm1' and order_no = ?")
                        .param(order.getBusinessKey())
                        .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo("90 SATISFIED");
        ServiceOrders.Order stored = orders.byNo(order.getBusinessKey()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(stored.satisfaction()).isEqualTo("SATISFIED");
        assertThat(stored.minutesServed()).isEqualTo(90);
        assertThat(publicLog(order))
                .containsExactly("群众在线点单", "支部已派单，等待党员接单", "党员已接单，将与您联系上门服务", "服务已完成，请您评价", "群众评价：满意，服务办结");
        // and the resident was told by SMS when the member accepted and when the service was recorded, without
        // the member's name
        assertThat(steps.messagesTo("13800000001", order))
                .containsExactly(
                        "【连心】您的服务点单 " + order.getBusinessKey() + " 有新进展：党员已接单，将与您联系上门服务",
                        "【连心】您的服务点单 " + order.getBusinessKey() + " 有新进展：服务已完成，请您评价")
                .noneMatch(text -> text.contains("pm1") || text.contains("王师傅"));
        // and the cockpit's times are kept on the row: dispatched, accepted 2.5 hours later, served
        assertThat(jdbc.sql("select accept_seconds from service_order where order_no = ?")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isEqualTo(9000L);
        assertThat(jdbc.sql("select count(*) from service_order where order_no = ? and dispatched_at is not null"
                                + " and accepted_at is not null and served_at is not null")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aServedOrderNobodyEvaluatesClosesAsUnevaluatedAfterFiveWorkingDays() {
        // given an order served on Tuesday 24 November at 09:30
        ProcessInstance order = place(null);
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));
        steps.complete(order, "accept", Map.of("acceptDecision", "ACCEPT"));
        steps.complete(order, "serve", Map.of("minutesServed", 90, "serviceRecord", "帮忙修好了水龙头"));
        Job timer = steps.timer(order, "evaluation-overdue");

        // then the resident has five working days (lianxin.deadlines … working-days.evaluation-overdue)
        assertThat(timer.getDuedate()).isEqualTo(at("2026-12-01T09:30"));
        assertThat(order).isWaitingAt("awaiting-evaluation");

        // when they pass without an evaluation
        steps.fire(timer);

        // then the order is closed as not evaluated, the hours credited without evaluation points
        assertThat(order).isEnded().hasPassed("evaluation-overdue", "credit-points", "close-order", "closed");
        assertThat(order).hasNotPassed("evaluated");
        ServiceOrders.Order stored = orders.byNo(order.getBusinessKey()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(stored.satisfaction()).isNull();
        assertThat(stored.closedAt()).isEqualTo(Instant.parse("2026-12-01T01:30:01Z"));
        assertThat(jdbc.sql("select hour_points || ' ' || evaluation_points || ' ' || coalesce(satisfaction, '-')"
                                + " from points_entry where user_id = 'pm1' and order_no = ?")
                        .param(order.getBusinessKey())
                        .query(String.class)
                        .single())
                .as("1.5 hours × 2 points, no evaluation")
                .isEqualTo("3 0 -");
        assertThat(publicLog(order)).endsWith("超过评价时限未评价，服务自动办结（未评价）");
    }

    @Test
    void anEvaluationBeforeTheDeadlineEndsItsTimer() {
        // given
        ProcessInstance order = place(null);
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));
        steps.complete(order, "accept", Map.of("acceptDecision", "ACCEPT"));
        steps.complete(order, "serve", Map.of("minutesServed", 30, "serviceRecord", "陪同就医"));

        // when the resident evaluates on the last working day
        ClockUtil.setCurrentTime(at("2026-12-01T09:00"));
        evaluate(order, "UNSATISFIED");

        // then no timer is left to close it again
        assertThat(order).isEnded().hasNotPassed("evaluation-overdue");
        assertThat(steps.timers(order, "evaluation-overdue")).isEmpty();
        assertThat(orders.byNo(order.getBusinessKey()).orElseThrow().satisfaction())
                .isEqualTo("UNSATISFIED");
    }

    @Test
    void aDeclinedOrderGoesBackToTheSecretaryWithTheReason() {
        // given
        ProcessInstance order = place(null);
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));

        // when
        steps.complete(order, "accept", Map.of("acceptDecision", "DECLINE", "declineReason", "本周出差"));

        // then
        assertThat(order).isWaitingAt("dispatch");
        assertThat(status(order)).isEqualTo(OrderStatus.DISPATCHING);
        assertThat(steps.messagesTo("13800000001", order))
                .as("no SMS for a decline")
                .isEmpty();
        assertThat(internalLog(order)).contains("党员婉拒：本周出差");
        assertThat(publicLog(order)).contains("党员未能接单，支部正在重新派单").noneMatch(e -> e.contains("出差"));
    }

    @Test
    void anOrderNobodyAcceptsInTimeGoesBackByItself() {
        // given
        ProcessInstance order = place(null);
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));
        Job timer = steps.timer(order, "accept-overdue");
        assertThat(timer.getDuedate()).isEqualTo(steps.task(order, "accept").getDueDate());

        // when the 24 hours pass
        steps.fire(timer);

        // then
        assertThat(order).isWaitingAt("dispatch").hasPassed("record-not-accepted");
        assertThat(steps.task(order, "accept")).isNull();
        assertThat(internalLog(order)).anyMatch(e -> e.contains("pm1 超过接单时限未接单"));
    }

    @Test
    void anOrderThatIsReallyARequestBecomesAnAppeal() {
        // given
        ProcessInstance order = place(null);

        // when
        steps.complete(
                order,
                "dispatch",
                Map.of("dispatchDecision", "CONVERT", "appealCategory", "lighting", "dispatchNote", "需住建部门维修"));

        // then
        assertThat(order).isEnded().hasPassed("convert-to-appeal", "converted");
        ServiceOrders.Order stored = orders.byNo(order.getBusinessKey()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CONVERTED);
        assertThat(stored.trackingNo()).startsWith("LX-");
        assertThat(jdbc.sql("select category || ' ' || village_code || ' ' || phone from appeal where tracking_no = ?")
                        .param(stored.trackingNo())
                        .query(String.class)
                        .single())
                .isEqualTo("lighting v0101 13800000001");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("appeal")
                        .processInstanceBusinessKey(stored.trackingNo())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void eachTaskRefusesWhatItCannotTake() {
        // given
        ProcessInstance order = place(null);
        String dispatch = steps.task(order, "dispatch").getId();

        // then a member not confirmed, or of another village, is no one to dispatch to
        steps.assertRejected(dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm2"), "memberId");
        steps.assertRejected(dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm3"), "memberId");
        steps.assertRejected(dispatch, Map.of("dispatchDecision", "DISPATCH"), "memberId");
        steps.assertRejected(
                dispatch, Map.of("dispatchDecision", "CONVERT", "appealCategory", "nonsense"), "appealCategory");
        steps.assertRejected(dispatch, Map.of("dispatchDecision", "LATER"), "dispatchDecision");
        steps.assertRejected(
                dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1", "orderNo", "FW-forged"), "orderNo");

        // and a decline needs its reason, a service its minutes and record
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));
        String accept = steps.task(order, "accept").getId();
        steps.assertRejected(accept, Map.of("acceptDecision", "DECLINE"), "declineReason");
        steps.assertRejected(accept, Map.of("acceptDecision", "MAYBE"), "acceptDecision");
        steps.complete(order, "accept", Map.of("acceptDecision", "ACCEPT"));
        String serve = steps.task(order, "serve").getId();
        steps.assertRejected(serve, Map.of("minutesServed", 0, "serviceRecord", "做了"), "minutesServed");
        steps.assertRejected(serve, Map.of("minutesServed", 30), "serviceRecord");
        assertThat(order).isWaitingAt("serve");
    }

    @Test
    void anOrderDispatchedToAVolunteerIsAnsweredAndServedAsTheSecretaryRecordsIt() {
        // given an order, and the village's volunteers among the choices of the dispatch
        long volunteer = volunteer("v0101", "刘秀兰", "ACTIVE");
        long retired = volunteer("v0101", "王退休", "RETIRED");
        long elsewhere = volunteer("v0201", "周外村", "ACTIVE");
        ProcessInstance order = place(null);
        Task dispatch = steps.task(order, "dispatch");
        assertThat(tasks.getVariableLocal(dispatch.getId(), "volunteerOptions").toString())
                .contains("刘秀兰", "\"" + volunteer + "\"")
                .doesNotContain("王退休", "周外村", "139");

        // when the secretary dispatches it to the volunteer
        steps.complete(
                order, "dispatch", Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + volunteer));

        // then the secretary records the volunteer's answer, within the same 24 hours as a member's
        assertThat(order).isWaitingAt("volunteer-accept").task().hasCandidateGroup("branch-secretary-v0101");
        Task answer = steps.task(order, "volunteer-accept");
        assertThat(answer.getAssignee()).isNull();
        assertThat(answer.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
        assertThat(answer.getFollowUpDate()).isNotNull();
        assertThat(tasks.getVariableLocal(answer.getId(), "volunteerSummary").toString())
                .contains("刘秀兰")
                .doesNotContain("139");
        assertThat(status(order)).isEqualTo(OrderStatus.ACCEPTING);
        assertThat(jdbc.sql("select volunteer_id from service_order where order_no = ? and member_id is null")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isEqualTo(volunteer);

        // when the volunteer accepts on the phone an hour later, and the secretary records the service
        ClockUtil.setCurrentTime(at("2026-11-24T10:30"));
        steps.complete(order, "volunteer-accept", Map.of("acceptDecision", "ACCEPT"));
        assertThat(order).isWaitingAt("volunteer-serve").task().hasCandidateGroup("branch-secretary-v0101");
        assertThat(status(order)).isEqualTo(OrderStatus.SERVING);
        steps.complete(order, "volunteer-serve", Map.of("minutesServed", 120, "serviceRecord", "上门为张奶奶理发"));

        // then the resident evaluates, and the volunteer is credited by the members' rules
        assertThat(order).isWaitingAt("awaiting-evaluation").hasPassed("service-recorded");
        evaluate(order, "SATISFIED");
        assertThat(order).isEnded().hasPassed("credit-points", "close-order", "closed");
        assertThat(jdbc.sql("select coalesce(user_id, '-') || ' ' || minutes_served || ' ' || hour_points || ' '"
                                + " || evaluation_points || ' ' || satisfaction from points_entry"
                                + " where volunteer_id = ? and order_no = ?")
                        .params(volunteer, order.getBusinessKey())
                        .query(String.class)
                        .single())
                .as("2 hours × 2 points and 满意 +2, no member")
                .isEqualTo("- 120 4 2 SATISFIED");
        assertThat(jdbc.sql("select count(*) from points_entry where order_no = ?")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(publicLog(order))
                .containsExactly("群众在线点单", "支部已派单，等待志愿者接单", "志愿者已接单，将与您联系上门服务", "服务已完成，请您评价", "群众评价：满意，服务办结");
        assertThat(internalLog(order)).contains("支部代志愿者登记：已接单", "支部代志愿者登记服务");
        assertThat(steps.messagesTo("13800000001", order))
                .hasSize(2)
                .noneMatch(text -> text.contains("刘秀兰") || text.contains("139"));
        assertThat(jdbc.sql("select accept_seconds from service_order where order_no = ?")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isEqualTo(3600L);
    }

    @Test
    void aVolunteerWhoDeclinesSendsTheOrderBackToDispatch() {
        // given
        long volunteer = volunteer("v0101", "陈志刚", "ACTIVE");
        ProcessInstance order = place(null);
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", volunteer));

        // when the secretary records the volunteer's decline
        steps.complete(order, "volunteer-accept", Map.of("acceptDecision", "DECLINE", "declineReason", "回老家了"));

        // then the order waits for a new dispatch, which may go to a member
        assertThat(order).isWaitingAt("dispatch").hasPassed("volunteer-accept-decision");
        assertThat(status(order)).isEqualTo(OrderStatus.DISPATCHING);
        assertThat(internalLog(order)).contains("支部代志愿者登记：婉拒，回老家了");
        assertThat(publicLog(order)).contains("志愿者未能接单，支部正在重新派单").noneMatch(e -> e.contains("老家"));
        steps.complete(order, "dispatch", Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1"));
        assertThat(order).isWaitingAt("accept").task().isAssignedTo("pm1");
        assertThat(jdbc.sql("select count(*) from service_order where order_no = ? and member_id = 'pm1'"
                                + " and volunteer_id is null")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anOrderNoVolunteerAnswerIsRecordedForInTimeGoesBackByItself() {
        // given
        long volunteer = volunteer("v0101", "赵永红", "ACTIVE");
        ProcessInstance order = place(null);
        steps.complete(
                order, "dispatch", Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + volunteer));
        Job timer = steps.timer(order, "volunteer-accept-overdue");
        assertThat(timer.getDuedate())
                .isEqualTo(steps.task(order, "volunteer-accept").getDueDate());

        // when the 24 hours pass
        ClockUtil.setCurrentTime(at("2026-11-25T09:31"));
        steps.fire(timer);

        // then
        assertThat(order).isWaitingAt("dispatch").hasPassed("record-volunteer-not-accepted");
        assertThat(steps.task(order, "volunteer-accept")).isNull();
        assertThat(internalLog(order)).anyMatch(e -> e.contains("编号 " + volunteer + "）超过接单时限未接单"));
        assertThat(publicLog(order)).contains("志愿者未及时接单，支部正在重新派单");
    }

    @Test
    void theVolunteerTasksRefuseWhatTheyCannotTake() {
        // given
        long volunteer = volunteer("v0101", "孙丽华", "ACTIVE");
        long retired = volunteer("v0101", "钱已退", "RETIRED");
        long elsewhere = volunteer("v0201", "吴外村", "ACTIVE");
        ProcessInstance order = place(null);
        String dispatch = steps.task(order, "dispatch").getId();

        // then a retired volunteer, another village's, an unknown or forged one, or none, is no one to dispatch to
        for (Object forged : List.of("" + retired, "" + elsewhere, "999999999", "1 or 1=1", -1, retired)) {
            steps.assertRejected(
                    dispatch, Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", forged), "volunteerId");
        }
        steps.assertRejected(dispatch, Map.of("dispatchDecision", "DISPATCH_VOLUNTEER"), "volunteerId");
        steps.assertRejected(
                dispatch,
                Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + volunteer, "phone", "13900000000"),
                "phone");

        // and the secretary's records for the volunteer keep the rules of a member's own
        steps.complete(
                order, "dispatch", Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + volunteer));
        String answer = steps.task(order, "volunteer-accept").getId();
        steps.assertRejected(answer, Map.of("acceptDecision", "DECLINE"), "declineReason");
        steps.assertRejected(answer, Map.of("acceptDecision", "MAYBE"), "acceptDecision");
        steps.assertRejected(answer, Map.of("acceptDecision", "ACCEPT", "volunteerId", "" + elsewhere), "volunteerId");
        steps.complete(order, "volunteer-accept", Map.of("acceptDecision", "ACCEPT"));
        String serve = steps.task(order, "volunteer-serve").getId();
        steps.assertRejected(serve, Map.of("minutesServed", 1441, "serviceRecord", "做了"), "minutesServed");
        steps.assertRejected(serve, Map.of("minutesServed", 30), "serviceRecord");
        assertThat(order).isWaitingAt("volunteer-serve");
        assertThat(jdbc.sql("select count(*) from points_entry where order_no = ?")
                        .param(order.getBusinessKey())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ProcessInstance place(Long resourceId) {
        OrderIntake.Receipt receipt = intake.place(
                new OrderRequest("张桂兰", "13800000001", "v0101", resourceId, "想请人上门帮忙理发", "东风社区 3 号楼"), null);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.orderNo())
                .singleResult();
    }

    private void evaluate(ProcessInstance order, String satisfaction) {
        runtime.createMessageCorrelation(ServiceOrderProcess.Messages.EVALUATED)
                .processInstanceBusinessKey(order.getBusinessKey())
                .setVariables(Map.of("satisfaction", satisfaction, "evaluationComment", ""))
                .correlate();
    }

    private OrderStatus status(ProcessInstance order) {
        return orders.byNo(order.getBusinessKey()).orElseThrow().status();
    }

    private List<String> publicLog(ProcessInstance order) {
        return orders.log(order.getBusinessKey()).stream()
                .filter(ServiceOrders.Entry::shownToResident)
                .map(ServiceOrders.Entry::entry)
                .toList();
    }

    private List<String> internalLog(ProcessInstance order) {
        return orders.log(order.getBusinessKey()).stream()
                .filter(e -> !e.shownToResident())
                .map(ServiceOrders.Entry::entry)
                .toList();
    }

    private long volunteer(String village, String name, String status) {
        jdbc.sql("insert into volunteer (village_code, name, phone, skills, availability, status, registered_by,"
                        + " registered_at) values (?, ?, '13900009999', '理发', '周末', ?, 'sec-v0101', current_timestamp)")
                .params(village, name, status)
                .update();
        return jdbc.sql("select max(id) from volunteer where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private void member(String userId, String village, String status) {
        jdbc.sql("merge into party_member (user_id, village_code, name, employer, skills, availability, status,"
                        + " registered_at) key (user_id) values (?, ?, ?, '县人社局', '理发', '周末', ?, current_timestamp)")
                .params(userId, village, "党员" + userId, status)
                .update();
    }
}
