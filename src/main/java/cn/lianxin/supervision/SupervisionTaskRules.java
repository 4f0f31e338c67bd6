package cn.lianxin.supervision;

import static cn.lianxin.supervision.SupervisionProcess.Variables.*;

import cn.lianxin.workflow.ProcessTasks;
import cn.lianxin.workflow.UserTask;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The supervision process's two tasks ({@code supervision/tasks}: {@code Supervise}, {@code Reply}) as
 * the engine asks for them. No one completing a task can rewrite the case, step or reason the
 * supervision was opened for (those reach the citizen's timeline): they are read-only here.
 */
@Component
class SupervisionTaskRules extends ProcessTasks {

    private static final Set<String> PROTECTED = Set.of(
            TRACKING_NO, STEP_KEY, STEP_NAME, REASON, LEVEL, LEVEL_LABEL, HANDLER_GROUP, VILLAGE_CODE, TOWN_CODE);

    SupervisionTaskRules(List<UserTask> tasks) {
        super(SupervisionProcess.KEY, PROTECTED, tasks);
    }
}
