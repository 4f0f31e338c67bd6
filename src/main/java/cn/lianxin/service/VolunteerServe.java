package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.member.Volunteers;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 登记志愿者服务 ({@code volunteer-serve}): the branch secretary records the volunteer's service on their
 * behalf — how long it took and what was done, by the same rules as a member's ({@link Serve}), photos through
 * the order's photo route while this step is open ({@link OrderPhotos}); the resident is then asked to evaluate,
 * and the minutes count toward the volunteer's points.
 */
@Component
class VolunteerServe implements UserTask {

    private final ServiceOrders orders;
    private final OrderNews news;
    private final Volunteers volunteers;

    VolunteerServe(ServiceOrders orders, OrderNews news, Volunteers volunteers) {
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
        return ServiceOrderProcess.Tasks.VOLUNTEER_SERVE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(MINUTES_SERVED, SERVICE_RECORD);
    }

    @Override
    public void check(Map<String, Object> values) {
        Serve.checkService(values);
    }

    @Override
    public void created(DelegateTask task) {
        String no = (String) task.getVariable(ORDER_NO);
        orders.status(no, OrderStatus.SERVING);
        task.setVariableLocal(VOLUNTEER_SUMMARY, VolunteerAccept.summary(volunteers, orders, no));
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues v = new TaskValues(task.getVariables());
        String no = v.text(ORDER_NO);
        orders.served(no, v.integer(MINUTES_SERVED), v.text(SERVICE_RECORD), OrderSteps.now());
        orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "支部代志愿者登记服务", false);
        news.tell(no, OrderSteps.actor(task), OrderNews.SERVED);
    }
}
