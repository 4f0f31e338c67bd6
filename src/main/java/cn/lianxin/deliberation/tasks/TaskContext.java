package cn.lianxin.deliberation.tasks;

import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.FormOptions;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What the deliberation tasks read the same way: who completes the task, the engine's time. */
final class TaskContext {

    private TaskContext() {}

    /** The assignee, or whoever completes the unclaimed task. */
    static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return CurrentUser.of(task.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse(null);
    }

    /** The engine's time, so process tests that move the engine's clock move it here too. */
    static Instant now() {
        return EngineClock.now();
    }

    static FormOptions.Option option(String label, String value) {
        return new FormOptions.Option(label, value);
    }
}
