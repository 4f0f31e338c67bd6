package cn.lianxin.workflow;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One user task of one process, found from its task key in one step: the fields a person may submit,
 * the checks the submission must pass, and what happens when the task is created and completed.
 * Each task is a Spring bean of its own ({@code appeal/tasks/Triage}, {@code deliberation/tasks/MeetingRecord}
 * …); {@link ProcessTasks} gathers a process's tasks behind the {@link UserTaskRules} port, so the
 * engine hooks reach them on every route (Tasklist, Camunda's REST API, the platform's API).
 */
public interface UserTask {

    /** The key of the process the task belongs to. */
    String processKey();

    /** The task's id in the model (its task definition key). */
    String taskKey();

    /** The fields a person may submit to complete the task (a task reached again must answer them anew). */
    Set<String> fields();

    /**
     * Refuses the completion with {@link TaskDataRejected} naming every problem at once.
     *
     * @param values the task's variables overlaid with what was submitted now
     */
    default void check(Map<String, Object> values) {}

    /** The task was created: prepare what its form shows. */
    default void created(DelegateTask task) {}

    /** The task is being completed (its data already checked): put it on record. */
    default void completing(DelegateTask task) {}
}
