package cn.lianxin.deliberation.tasks;

import cn.lianxin.workflow.FormOptions;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** What the deliberation tasks read the same way: who completes the task, the engine's time. */
final class TaskContext {

    private TaskContext() {}

    /** The assignee, or whoever completes the unclaimed task. */
    static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** The engine's time, so process tests that move the engine's clock move it here too. */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static FormOptions.Option option(String label, String value) {
        return new FormOptions.Option(label, value);
    }
}
