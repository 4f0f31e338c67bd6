package cn.lianxin.workflow;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What one process does around its user tasks, whichever route a task is worked through (Tasklist,
 * Camunda's REST API, the platform's API): the rules a completion must keep, checked before the
 * engine completes the task ({@link TaskDataGuard}), and what happens when a task is created and
 * completed. {@link WorkflowEngineHooks} puts them on every user task of the process, so a designer
 * adding a task in Camunda Modeler need not remember them.
 */
public interface UserTaskRules {

    /** The key of the process whose tasks these are. */
    String processKey();

    /** Variables set by the process and shown read-only in forms: a submission may repeat them, never change them. */
    Set<String> protectedFields();

    /** The fields a user may submit to complete the task (a task reached again must answer them anew). */
    Set<String> fieldsOf(String taskKey);

    /**
     * Refuses the completion with {@link TaskDataRejected} naming every problem at once.
     *
     * @param values the task's variables overlaid with what was submitted now
     */
    void check(String taskKey, Map<String, Object> values);

    /** The task was created: prepare what its form shows. */
    void created(DelegateTask task);

    /** The task is being completed (its data already checked): put it on record. */
    void completing(DelegateTask task);
}
