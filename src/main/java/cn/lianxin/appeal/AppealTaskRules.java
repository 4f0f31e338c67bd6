package cn.lianxin.appeal;

import cn.lianxin.workflow.UserTaskRules;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The appeal process's user task rules and listeners, as the engine asks for them. */
@Component
class AppealTaskRules implements UserTaskRules {

    private final AppealSteps steps;

    AppealTaskRules(AppealSteps steps) {
        this.steps = steps;
    }

    @Override
    public String processKey() {
        return AppealProcess.KEY;
    }

    @Override
    public Set<String> protectedFields() {
        return CompletionRules.PROTECTED;
    }

    @Override
    public Set<String> fieldsOf(String taskKey) {
        return CompletionRules.fieldsOf(taskKey);
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
