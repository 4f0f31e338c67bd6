package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.member.Volunteers;
import cn.lianxin.service.ServiceOrderProcess.AcceptDecision;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 登记志愿者接单 ({@code volunteer-accept}): a volunteer has no account, so after phoning them the branch
 * secretary records their answer on their behalf (代为登记) — accepted, or declined with the reason, and the
 * order goes back to dispatch. The same answer rules as a member's ({@link Accept}); not answering in time
 * sends the order back too (the model's timer).
 */
@Component
class VolunteerAccept implements UserTask {

    private final ServiceOrders orders;
    private final OrderNews news;
    private final Volunteers volunteers;

    VolunteerAccept(ServiceOrders orders, OrderNews news, Volunteers volunteers) {
        this.orders = orders;
        this.news = news;
        this.volunteers = volunteers;
    }

    @Override
    public String processKey() {
        return ServiceOrderProcess.KEY;
    }

    @Override
    public String taskKey() {
        return ServiceOrderProcess.Tasks.VOLUNTEER_ACCEPT;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ACCEPT_DECISION, DECLINE_REASON);
    }

    @Override
    public void check(Map<String, Object> values) {
        Accept.checkAnswer(values);
    }

    @Override
    public void created(DelegateTask task) {
        String no = (String) task.getVariable(ORDER_NO);
        orders.status(no, OrderStatus.ACCEPTING);
        task.setVariableLocal(VOLUNTEER_SUMMARY, summary(volunteers, orders, no));
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues v = new TaskValues(task.getVariables());
        String no = v.text(ORDER_NO);
        if (AcceptDecision.ACCEPT.name().equals(v.text(ACCEPT_DECISION))) {
            orders.accepted(no, OrderSteps.now());
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "支部代志愿者登记：已接单", false);
            news.tell(no, OrderSteps.actor(task), OrderNews.VOLUNTEER_ACCEPTED);
        } else {
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "支部代志愿者登记：婉拒，" + v.text(DECLINE_REASON), false);
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "志愿者未能接单，支部正在重新派单", true);
        }
    }

    /** The volunteer of the order's last dispatch as their tasks show them: name, skills, time; no phone. */
    static String summary(Volunteers volunteers, ServiceOrders orders, String orderNo) {
        return orders.volunteerOf(orderNo)
                .flatMap(id -> volunteers.nameOf(id).map(name -> "志愿者 " + name + "（编号 " + id + "，电话见志愿者名册）"))
                .orElse("");
    }
}
