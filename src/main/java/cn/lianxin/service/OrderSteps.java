package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.appeal.AppealIntake;
import cn.lianxin.appeal.Channel;
import cn.lianxin.appeal.IntakeRequest;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.member.PointsLedger;
import cn.lianxin.service.ServiceOrderProcess.DispatchDecision;
import cn.lianxin.service.ServiceOrders.Order;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The service steps of {@code service-order.bpmn}: turning an order into an appeal, the member or volunteer
 * who did not answer in time, the points for an evaluated order, the order's close.
 */
@Component
class OrderSteps {

    /** The appeal an order becomes is keyed by the order: a retried step finds the same appeal. */
    static final String APPEAL_KEY_PREFIX = "service-order:";

    private final ServiceOrders orders;
    private final AppealIntake appeals;
    private final PointsLedger points;
    private final EngineAsPlatform platform;

    OrderSteps(ServiceOrders orders, AppealIntake appeals, PointsLedger points, EngineAsPlatform platform) {
        this.orders = orders;
        this.appeals = appeals;
        this.points = points;
        this.platform = platform;
    }

    /**
     * 转入诉求办理: an appeal of the village with the resident's data and the category the secretary chose,
     * through the appeal module's public intake (the resident gets its receipt by SMS); the order ends
     * {@code CONVERTED} with the tracking number.
     */
    void convertToAppeal(DelegateExecution execution) {
        Order order = orders.byNo((String) execution.getVariable(ORDER_NO)).orElseThrow();
        String note = (String) execution.getVariable(DISPATCH_NOTE);
        String description =
                order.description() + (note == null || note.isBlank() ? "" : "\n（支部派单说明：" + note.trim() + "）");
        IntakeRequest request = new IntakeRequest(
                order.residentName(),
                order.phone(),
                null,
                (String) execution.getVariable(APPEAL_CATEGORY),
                description.length() > 2000 ? description.substring(0, 2000) : description,
                order.villageCode(),
                order.address(),
                Channel.ONLINE,
                null,
                null);
        // the branch secretary may not start appeals: the conversion is the platform's act
        String trackingNo = platform.call(() ->
                appeals.intake(request, APPEAL_KEY_PREFIX + order.orderNo()).trackingNo());
        Instant now = now();
        orders.converted(order.orderNo(), trackingNo, now);
        orders.log(order.orderNo(), now, actor(execution), "已转为群众诉求办理，受理编号 " + trackingNo + "（查询码已短信发送）", true);
        execution.setVariable(TRACKING_NO, trackingNo);
        execution.setVariable(STATUS, OrderStatus.CONVERTED.name());
    }

    /** 超时未接单: the order goes back to the branch secretary; the log says who did not answer. */
    void notAccepted(DelegateExecution execution) {
        String no = (String) execution.getVariable(ORDER_NO);
        Instant now = now();
        orders.log(no, now, "平台", "党员 " + execution.getVariable(MEMBER_ID) + " 超过接单时限未接单，退回重新派单", false);
        orders.log(no, now, "平台", "党员未及时接单，支部正在重新派单", true);
    }

    /** 志愿者超时未接单: the secretary recorded no answer in time; the order goes back to dispatch. */
    void volunteerNotAccepted(DelegateExecution execution) {
        String no = (String) execution.getVariable(ORDER_NO);
        Instant now = now();
        orders.log(no, now, "平台", "志愿者（编号 " + execution.getVariable(VOLUNTEER_ID) + "）超过接单时限未接单，退回重新派单", false);
        orders.log(no, now, "平台", "志愿者未及时接单，支部正在重新派单", true);
    }

    /**
     * 积分入账: the points of whoever served — the member, or the volunteer when the last dispatch was to a
     * volunteer — for the minutes served and the resident's evaluation; none for an order nobody evaluated in
     * time (no {@code satisfaction}), whose hours still count.
     */
    void creditPoints(DelegateExecution execution) {
        int minutes = ((Number) execution.getVariable(MINUTES_SERVED)).intValue();
        String satisfaction = (String) execution.getVariable(SATISFACTION);
        Satisfaction evaluated = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        String village = (String) execution.getVariable(VILLAGE_CODE);
        String no = (String) execution.getVariable(ORDER_NO);
        if (DispatchDecision.DISPATCH_VOLUNTEER.name().equals(execution.getVariable(DISPATCH_DECISION))) {
            points.creditVolunteer(orders.volunteerOf(no).orElseThrow(), village, no, minutes, evaluated);
        } else {
            points.credit((String) execution.getVariable(MEMBER_ID), village, no, minutes, evaluated);
        }
    }

    /**
     * 点单办结: the evaluation recorded and the order closed; or, when the evaluation deadline passed
     * ({@code evaluation-overdue}), closed as 未评价 with that in its log.
     */
    void close(DelegateExecution execution) {
        String no = (String) execution.getVariable(ORDER_NO);
        String satisfaction = (String) execution.getVariable(SATISFACTION);
        Instant now = now();
        orders.closed(no, satisfaction, now);
        if (satisfaction == null) {
            orders.log(no, now, "平台", "超过评价时限未评价，服务自动办结（未评价）", true);
        } else {
            orders.log(
                    no, now, "群众", "群众评价：" + Satisfaction.valueOf(satisfaction).label() + "，服务办结", true);
        }
        execution.setVariable(STATUS, OrderStatus.CLOSED.name());
    }

    static Instant now() {
        return EngineClock.now();
    }

    /** The assignee, or whoever completes the unclaimed task, or the platform. */
    static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return CurrentUser.of(task.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse("平台");
    }

    private static String actor(DelegateExecution execution) {
        return CurrentUser.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse("平台");
    }
}
