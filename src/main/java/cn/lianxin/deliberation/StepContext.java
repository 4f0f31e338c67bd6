package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.DELIBERATION_NO;

import cn.lianxin.workflow.CurrentUser;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What every step of the deliberation process reads the same way: variables, who acts, the engine's time. */
final class StepContext {

    private StepContext() {}

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }

    static long id(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).longValue();
    }

    static Topic topic(Topics topics, DelegateExecution execution) {
        return topics.byNo(text(execution, DELIBERATION_NO)).orElseThrow();
    }

    static String actor(DelegateExecution execution) {
        return CurrentUser.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse(null);
    }

    static Instant now() {
        return EngineTime.now();
    }
}
