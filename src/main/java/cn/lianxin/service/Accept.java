package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.service.ServiceOrderProcess.AcceptDecision;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 党员接单 ({@code accept}): the member the order was dispatched to accepts it, or declines with a reason
 * and the order goes back to the branch secretary. Not answering in time does the same (the model's timer).
 */
@Component
class Accept implements UserTask {

    private final ServiceOrders orders;
    private final OrderNews news;

    Accept(ServiceOrders orders, OrderNews news) {
        this.orders = orders;
        this.news = news;
    }

    @Override
    public String processKey() {
        return ServiceOrderProcess.KEY;
    }

    @Override
    public String taskKey() {
        return ServiceOrderProcess.Tasks.ACCEPT;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ACCEPT_DECISION, DECLINE_REASON);
    }

    @Override
    public void check(Map<String, Object> values) {
        checkAnswer(values);
    }

    /** An answer to a dispatch — the member's own, or the volunteer's as the secretary records it. */
    static void checkAnswer(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        String decision = v.text(ACCEPT_DECISION);
        if (AcceptDecision.DECLINE.name().equals(decision)) {
            String reason = v.text(DECLINE_REASON);
            if (reason == null) {
                problems.add(new FieldError(DECLINE_REASON, "婉拒时必须说明原因"));
            } else if (reason.length() > 500) {
                problems.add(new FieldError(DECLINE_REASON, "不能超过 500 个字"));
            }
        } else if (!AcceptDecision.ACCEPT.name().equals(decision)) {
            problems.add(new FieldError(ACCEPT_DECISION, "应为 ACCEPT（接单）或 DECLINE（婉拒）"));
        }
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    @Override
    public void created(DelegateTask task) {
        orders.status((String) task.getVariable(ORDER_NO), OrderStatus.ACCEPTING);
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues v = new TaskValues(task.getVariables());
        String no = v.text(ORDER_NO);
        if (AcceptDecision.ACCEPT.name().equals(v.text(ACCEPT_DECISION))) {
            orders.accepted(no, OrderSteps.now());
            news.tell(no, OrderSteps.actor(task), OrderNews.ACCEPTED);
        } else {
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "党员婉拒：" + v.text(DECLINE_REASON), false);
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "党员未能接单，支部正在重新派单", true);
        }
    }
}
