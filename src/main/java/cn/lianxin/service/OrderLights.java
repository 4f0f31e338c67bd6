package cn.lianxin.service;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.service.ServiceOrders.Order;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 红黄绿灯 of orders: the open step's due and follow-up dates, which the deadline module set when the step began
 * ({@code ${deadlines.dueAt('dispatch', execution)}}, {@code accept} likewise), against the engine's clock. Only
 * the waits for the branch (派单) and the member (接单) have a deadline; an order serving, awaiting its
 * evaluation or ended has no light.
 */
@Component
class OrderLights {

    /** The open step's due date and light. */
    record Light(Instant dueAt, TrafficLight light) {}

    private final TaskService tasks;
    private final EngineAsPlatform platform;

    OrderLights(TaskService tasks, EngineAsPlatform platform) {
        this.tasks = tasks;
        this.platform = platform;
    }

    /**
     * The light of each order with a step under a deadline, by order number; one task query for them all. Read
     * as the platform: a station head sees the light of the branch secretary's step, whose task is not theirs.
     */
    Map<String, Light> of(Collection<Order> orders) {
        Map<String, String> orderOfInstance = new HashMap<>();
        orders.stream()
                .filter(o -> o.processInstanceId() != null && o.closedAt() == null)
                .forEach(o -> orderOfInstance.put(o.processInstanceId(), o.orderNo()));
        Map<String, Light> lights = new HashMap<>();
        if (orderOfInstance.isEmpty()) {
            return lights;
        }
        List<Task> open = platform.call(() -> tasks.createTaskQuery()
                .processInstanceIdIn(orderOfInstance.keySet().toArray(String[]::new))
                .list());
        Instant now = EngineClock.now();
        open.stream().filter(t -> t.getDueDate() != null).forEach(t -> {
            Instant due = t.getDueDate().toInstant();
            Instant warn =
                    t.getFollowUpDate() == null ? due : t.getFollowUpDate().toInstant();
            lights.merge(
                    orderOfInstance.get(t.getProcessInstanceId()),
                    new Light(due, TrafficLight.at(now, warn, due)),
                    (a, b) -> a.light().worst(b.light()) == a.light() ? a : b);
        });
        return lights;
    }

    /** The light of one order, if a step of it is under a deadline. */
    Light of(Order order) {
        return of(List.of(order)).get(Objects.requireNonNull(order.orderNo()));
    }
}
