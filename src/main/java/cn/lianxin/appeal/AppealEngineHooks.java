package cn.lianxin.appeal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the completion rules in front of every user task of the appeal process, inside the engine
 * ({@link TaskDataGuard}): Tasklist, Camunda's REST API and the platform's API all pass there, and a
 * refusal rolls the completion back so the task stays open with its data unchanged. A complete
 * listener on every user task writes the case log. No designer has to remember either on a new task.
 */
@Component
class AppealEngineHooks extends AbstractProcessEnginePlugin {

    private final AppealSteps steps;

    AppealEngineHooks(@Lazy AppealSteps steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && AppealProcess.KEY.equals(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskListener created = steps::taskCreated;
                    TaskListener completing = steps::taskCompleting;
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, created);
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, completing);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new TaskDataGuard(steps));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        configuration.setHistoryEventHandler(new PersonalDataOutOfHistory(new DbHistoryEventHandler()));
    }
}
