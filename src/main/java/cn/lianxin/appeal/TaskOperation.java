package cn.lianxin.appeal;

import cn.lianxin.workflow.CurrentUser;
import org.camunda.bpm.engine.task.Task;

/**
 * One thing a cadre may do to an open task besides completing it (转办, 委派, 驳回, 催办 …): each
 * operation is a bean, and {@code GET /api/tasks/{id}/operations} lists the ones the user may do now,
 * so Tasklist shows only the buttons that work. The operation checks again when it is done.
 */
interface TaskOperation {

    /** The operation's name in the list, e.g. {@code transfer}, {@code send-back}. */
    String name();

    /** Whether this user may do it to this task now (the task is one the user can see). */
    boolean allowed(Task task, CurrentUser me);
}
