package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.TOWN_CODE;
import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The traffic light (红黄绿灯) of each step, kept on each of its tasks: the light of the task's own
 * warning (follow-up) and due dates against the clock. A step's light timer only says "look again":
 * however early, late or often it runs, the light is what the dates say now, and it only ever gets
 * worse while the task is open — a missed deadline stays missed even when a supervisor sets a new
 * one. A task turning yellow tells its handlers (a {@link CadreNotice}: its assignee, else its
 * candidate groups); turning red tells them and starts supervision. The
 * case's own light is {@link CaseLights}'.
 */
@Component
class StepLights {

    /** Task-local variable: the step's traffic light. */
    static final String LIGHT = "light";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Appeals appeals;
    private final CaseLights caseLights;
    private final ApplicationEventPublisher events;

    StepLights(Appeals appeals, CaseLights caseLights, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.caseLights = caseLights;
        this.events = events;
    }

    /** A new step takes the light of its dates (green: its time has just begun); the case looks again. */
    void started(DelegateTask task) {
        task.setVariableLocal(
                LIGHT,
                lightOf(task.getFollowUpDate(), task.getDueDate(), EngineClock.now())
                        .name());
        caseLights.changed((String) task.getVariable(TRACKING_NO));
    }

    /** A step ends: the case looks again once the step is gone. */
    void ended(DelegateTask task) {
        caseLights.changed((String) task.getVariable(TRACKING_NO));
    }

    /**
     * A step's light timer ran: each open task of the step takes the light its dates give now, if that
     * is worse than its light so far; the case log records the change, the handlers are told, and red
     * starts supervision. A run that changes nothing (early, repeated, retried) leaves no trace.
     */
    void changed(DelegateExecution execution) {
        String stepKey = ((BoundaryEvent) execution.getBpmnModelElementInstance())
                .getAttachedTo()
                .getId();
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        Instant now = EngineClock.now();
        List<Task> turned = new ArrayList<>();
        Map<String, TrafficLight> lights = new HashMap<>();
        TrafficLight reached = TrafficLight.GREEN;
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(stepKey)
                .list()) {
            TrafficLight was = recorded(taskService.getVariableLocal(task.getId(), LIGHT));
            TrafficLight is = lightOf(task.getFollowUpDate(), task.getDueDate(), now);
            if (is.compareTo(was) > 0) {
                taskService.setVariableLocal(task.getId(), LIGHT, is.name());
                turned.add(task);
                lights.put(task.getId(), is);
                reached = reached.worst(is);
            }
        }
        if (turned.isEmpty()) {
            return;
        }
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        caseLights.changed(trackingNo);
        boolean overdue = reached == TrafficLight.RED;
        Task step = turned.get(0);
        appeals.log(trackingNo, now, null, "LIGHT", step.getName() + (overdue ? "已超期（红灯）" : "临期（黄灯）"), true);
        Set<String> groups = new LinkedHashSet<>();
        for (Task task : turned) {
            String due = DUE.format(task.getDueDate().toInstant().atZone(WorkingDays.ZONE));
            List<String> candidates = candidateGroups(taskService, task);
            groups.addAll(candidates);
            boolean red = lights.get(task.getId()) == TrafficLight.RED;
            // a claimed task's handler is its assignee; an open one's, every member of its groups
            events.publishEvent(new CadreNotice(
                    red ? CadreNotice.Kind.OVERDUE : CadreNotice.Kind.DUE_SOON,
                    task.getAssignee() == null ? Set.of() : Set.of(task.getAssignee()),
                    task.getAssignee() == null ? Set.copyOf(candidates) : Set.of(),
                    trackingNo,
                    task.getId(),
                    trackingNo + " 的“" + task.getName() + "”"
                            + (red ? "已超期（" + due + "），已进入督办。" : "即将到期（" + due + "），请抓紧办理。"),
                    null));
        }
        if (overdue) {
            Appeal appeal = appeals.byTrackingNo(trackingNo).orElseThrow();
            events.publishEvent(new StepEvents.StepTurnedRed(
                    trackingNo, stepKey, step.getName(), List.copyOf(groups), appeal.villageCode(), (String)
                            execution.getVariable(TOWN_CODE)));
        }
    }

    private static List<String> candidateGroups(TaskService taskService, Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    static TrafficLight recorded(Object light) {
        return light == null ? TrafficLight.GREEN : TrafficLight.valueOf(light.toString());
    }

    private static TrafficLight lightOf(Date warnAt, Date dueAt, Instant now) {
        return TrafficLight.at(
                now, warnAt == null ? null : warnAt.toInstant(), dueAt == null ? null : dueAt.toInstant());
    }
}
