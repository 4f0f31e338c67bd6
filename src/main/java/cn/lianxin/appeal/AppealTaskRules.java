package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.ProcessTasks;
import cn.lianxin.workflow.UserTask;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The appeal process's user tasks, one class each in {@code appeal.tasks} (the task key's class is
 * the task's whole rule), and what every step shares: its traffic light starts from its dates, a
 * finished step ends its supervision, and either way the case's light is worked out again.
 */
@Component
class AppealTaskRules extends ProcessTasks {

    /** Set by the process, shown read-only in forms: a submission may repeat them, never change them. */
    static final Set<String> PROTECTED = Set.of(
            TRACKING_NO,
            VILLAGE_CODE,
            TOWN_CODE,
            SUGGESTED_PATH,
            MAX_PROMISED_DAYS,
            SUGGESTED_DEPT,
            REOPEN_COUNT,
            JOINT_DEPTS,
            JOINT_DEPT,
            STATUS,
            CATEGORY,
            SENT_BACK_REASON);

    private final StepLights lights;
    private final ApplicationEventPublisher events;

    AppealTaskRules(List<UserTask> tasks, StepLights lights, ApplicationEventPublisher events) {
        super(AppealProcess.KEY, PROTECTED, tasks);
        this.lights = lights;
        this.events = events;
    }

    @Override
    protected void everyTaskCreated(DelegateTask task) {
        lights.started(task);
        if (Tasks.JOINT_CONCLUDE.equals(task.getTaskDefinitionKey())) {
            // the departments complete their parts in transactions of their own, side by side, so none
            // of them can tell it was the last; the joint step is over when the lead's conclusion starts
            events.publishEvent(
                    new StepEvents.StepCompleted((String) task.getVariable(TRACKING_NO), Tasks.JOINT_HANDLE));
        }
    }

    /** The last open task of a step (joint handling has several) ends the step's supervision. */
    @Override
    protected void everyTaskCompleting(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        long stillOpen = task.getProcessEngineServices()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(key)
                .count();
        if (stillOpen <= 1) {
            events.publishEvent(new StepEvents.StepCompleted((String) task.getVariable(TRACKING_NO), key));
        }
        lights.ended(task);
    }
}
