package cn.lianxin.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts each process's {@link UserTaskRules} on all its user tasks, inside the engine: the check in
 * front of every completion ({@link TaskDataGuard}), a create and a complete listener on every user
 * task. The rules are looked up when a task is worked, so they may use engine services themselves.
 * Personal data of start forms stays out of the history ({@link PersonalDataOutOfHistory}); a refused
 * form is logged as a refusal, not as an error ({@link RefusalsAreNotErrors}).
 */
@Component
class WorkflowEngineHooks extends AbstractProcessEnginePlugin {

    private final ObjectProvider<UserTaskRules> rules;

    WorkflowEngineHooks(ObjectProvider<UserTaskRules> rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskListener created = task -> rulesOf(task).ifPresent(r -> r.created(task));
                    TaskListener completing = task -> rulesOf(task).ifPresent(r -> r.completing(task));
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, created);
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, completing);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new TaskDataGuard(this::rulesOf));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        configuration.setHistoryEventHandler(new PersonalDataOutOfHistory(new DbHistoryEventHandler()));
        configuration.setCommandContextFactory(new RefusalsAreNotErrors(configuration));
    }

    private Optional<UserTaskRules> rulesOf(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        return definition == null ? Optional.empty() : rulesOf(definition.substring(0, definition.indexOf(':')));
    }

    private Optional<UserTaskRules> rulesOf(String processKey) {
        return rules.orderedStream()
                .filter(r -> r.processKey().equals(processKey))
                .findFirst();
    }
}
