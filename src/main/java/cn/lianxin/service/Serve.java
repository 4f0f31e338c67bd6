package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

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
 * 上门服务 ({@code serve}): the member records how long the service took and what was done; the resident is
 * then asked to evaluate it. The minutes count toward the member's points once evaluated.
 */
@Component
class Serve implements UserTask {

    /** A day: more in one order is a typo, not a service. */
    static final int MAX_MINUTES = 1440;

    private final ServiceOrders orders;
    private final OrderNews news;

    Serve(ServiceOrders orders, OrderNews news) {
        this.orders = orders;
        this.news = news;
    }

    @Override
    public String processKey() {
        return ServiceOrderProcess.KEY;
    }

    @Override
    public String taskKey() {
        return ServiceOrderProcess.Tasks.SERVE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(MINUTES_SERVED, SERVICE_RECORD);
    }

    @Override
    public void check(Map<String, Object> values) {
        checkService(values);
    }

    /** A service as recorded — by the member, or by the secretary for a volunteer. */
    static void checkService(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        Integer minutes = v.integer(MINUTES_SERVED);
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            problems.add(new FieldError(MINUTES_SERVED, "应为 1 到 " + MAX_MINUTES + " 之间的整数（分钟）"));
        }
        String record = v.text(SERVICE_RECORD);
        if (record == null) {
            problems.add(new FieldError(SERVICE_RECORD, "必须填写服务内容"));
        } else if (record.length() > 2000) {
            problems.add(new FieldError(SERVICE_RECORD, "不能超过 2000 个字"));
        }
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    @Override
    public void created(DelegateTask task) {
        orders.status((String) task.getVariable(ORDER_NO), OrderStatus.SERVING);
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues v = new TaskValues(task.getVariables());
        String no = v.text(ORDER_NO);
        orders.served(no, v.integer(MINUTES_SERVED), v.text(SERVICE_RECORD), OrderSteps.now());
        news.tell(no, OrderSteps.actor(task), OrderNews.SERVED);
    }
}
