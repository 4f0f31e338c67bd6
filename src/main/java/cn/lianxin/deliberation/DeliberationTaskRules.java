package cn.lianxin.deliberation;

import cn.lianxin.workflow.UserTaskRules;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The deliberation process's user task rules and listeners, as the engine asks for them. */
@Component
class DeliberationTaskRules implements UserTaskRules {

    private final DeliberationSteps steps;

    DeliberationTaskRules(DeliberationSteps steps) {
        this.steps = steps;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public Set<String> protectedFields() {
        return DeliberationCompletionRules.PROTECTED;
    }

    @Override
    public Set<String> fieldsOf(String taskKey) {
        return DeliberationCompletionRules.FIELDS.getOrDefault(taskKey, Set.of());
    }

    @Override
    public void check(String taskKey, Map<String, Object> values) {
        steps.checkCompletion(taskKey, values);
    }

    @Override
    public void created(DelegateTask task) {
        steps.taskCreated(task);
    }

    @Override
    public void completing(DelegateTask task) {
        steps.taskCompleting(task);
    }
}
