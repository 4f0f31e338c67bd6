package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.TOWN_CODE;
import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The traffic light (红黄绿灯) of each step: green when a task starts, yellow then red when the step's
 * light timers fire; a red step starts supervision and the handlers are told either way.
 */
@Component
class StepLights {

    /** Task-local variable: the step's traffic light. */
    static final String LIGHT = "light";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Appeals appeals;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    StepLights(Appeals appeals, Notifications notifications, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.notifications = notifications;
        this.events = events;
    }

    /** A new step starts green; a late step still open beside it keeps its own red task. */
    void started(DelegateTask task) {
        task.setVariableLocal(LIGHT, TrafficLight.GREEN.name());
        appeals.recordLight((String) task.getVariable(TRACKING_NO), TrafficLight.GREEN);
    }

    /**
     * A step's light timer fired (yellow, then red): the step's tasks and the case take the new
     * light, and the case log records it.
     */
    void changed(DelegateExecution execution) {
        String stepKey = ((BoundaryEvent) execution.getBpmnModelElementInstance())
                .getAttachedTo()
                .getId();
        var taskService = execution.getProcessEngineServices().getTaskService();
        List<Task> open = taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(stepKey)
                .list();
        if (open.isEmpty()) {
            return;
        }
        Instant now = EngineClock.now();
        boolean overdue = open.stream()
                .anyMatch(t ->
                        t.getDueDate() != null && !t.getDueDate().toInstant().isAfter(now));
        TrafficLight light = overdue ? TrafficLight.RED : TrafficLight.YELLOW;
        if (light.name().equals(taskService.getVariableLocal(open.get(0).getId(), LIGHT))) {
            return; // a late job executor may fire yellow after red was already shown: nothing changes
        }
        open.forEach(t -> taskService.setVariableLocal(t.getId(), LIGHT, light.name()));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Appeal appeal = appeals.byTrackingNo(trackingNo).orElseThrow();
        if (light.compareTo(appeal.light()) > 0) {
            appeals.recordLight(trackingNo, light);
        }
        Task step = open.get(0);
        appeals.log(trackingNo, now, null, "LIGHT", step.getName() + (overdue ? "已超期（红灯）" : "临期（黄灯）"), true);
        List<String> groups = taskService.getIdentityLinksForTask(step.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        if (overdue) {
            events.publishEvent(new StepEvents.StepTurnedRed(
                    trackingNo, stepKey, step.getName(), groups, appeal.villageCode(), (String)
                            execution.getVariable(TOWN_CODE)));
        }
        String due = DUE.format(step.getDueDate().toInstant().atZone(WorkingDays.ZONE));
        groups.forEach(group -> notifications.queue(
                overdue ? Template.OVERDUE : Template.DUE_SOON,
                Recipient.group(group),
                trackingNo,
                trackingNo,
                step.getName(),
                due));
    }
}
