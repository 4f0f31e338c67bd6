package cn.lianxin.supervision;

import static cn.lianxin.supervision.SupervisionProcess.Variables.*;

import cn.lianxin.supervision.SupervisionProcess.Tasks;
import cn.lianxin.workflow.UserTaskRules;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the supervision process's two tasks accept: the supervisor's action, note and new deadline,
 * and the handler's reply — nothing else, so no one completing a task can rewrite the case, step or
 * reason the supervision was opened for (those reach the citizen's timeline). The choice itself is
 * checked by the process's {@code check-action} and {@code record-reply} steps, in the same
 * transaction as the completion.
 */
@Component
class SupervisionTaskRules implements UserTaskRules {

    private static final Map<String, Set<String>> FIELDS =
            Map.of(Tasks.SUPERVISE, Set.of(ACTION, NOTE, NEW_DEADLINE), Tasks.REPLY, Set.of(REPLY));

    private static final Set<String> PROTECTED = Set.of(
            TRACKING_NO, STEP_KEY, STEP_NAME, REASON, LEVEL, LEVEL_LABEL, HANDLER_GROUP, VILLAGE_CODE, TOWN_CODE);

    @Override
    public String processKey() {
        return SupervisionProcess.KEY;
    }

    @Override
    public Set<String> protectedFields() {
        return PROTECTED;
    }

    @Override
    public Set<String> fieldsOf(String taskKey) {
        return FIELDS.getOrDefault(taskKey, Set.of());
    }

    @Override
    public void check(String taskKey, Map<String, Object> values) {
        // the process's own steps check the supervisor's choice and the reply (see the class comment)
    }

    @Override
    public void created(DelegateTask task) {
        // nothing to prepare: the forms show the supervision's own variables
    }

    @Override
    public void completing(DelegateTask task) {
        // the process's steps put the action and the reply on record
    }
}
