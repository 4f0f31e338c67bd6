package cn.lianxin.appeal;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Brings a step of a running case to its yellow or red time, as the clock would: the open task's
 * warning (follow-up) or due date is put a second into the past and the step's light timer runs now
 * (this case's only, so no other test's case is touched).
 */
public final class StepLightDriver {

    private final TaskService tasks;
    private final ManagementService management;

    public StepLightDriver(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.management = management;
    }

    /** The step's warning date has passed: it turns yellow (临期). */
    public void dueSoon(String instance, String taskKey) {
        Task task = task(instance, taskKey);
        task.setFollowUpDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(task);
        runLightTimer(instance, taskKey);
    }

    /** The step's due date has passed: it turns red (超期) and supervision starts. */
    public void overdue(String instance, String taskKey) {
        Task task = task(instance, taskKey);
        task.setFollowUpDate(new Date(System.currentTimeMillis() - 2000));
        task.setDueDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(task);
        runLightTimer(instance, taskKey);
    }

    private Task task(String instance, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    private void runLightTimer(String instance, String taskKey) {
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(taskKey + "-light")
                .singleResult()
                .getId());
    }
}
